using System.Text.Json.Serialization;

namespace AetherSegment.Profiles;

/// <summary>A logical entity of the product, mapped by a profile onto one of the user's tables.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EntityKind>))]
public enum EntityKind
{
    /// <summary>One row per customer (<c>entities.customers</c>); the only required mapping.</summary>
    [JsonStringEnumMemberName("customers")] Customers,

    /// <summary>Orders or order lines with a time and a value (<c>entities.orders</c>).</summary>
    [JsonStringEnumMemberName("orders")] Orders,

    /// <summary>Behavioral events with a type and a time (<c>entities.events</c>).</summary>
    [JsonStringEnumMemberName("events")] Events,

    /// <summary>Abandoned carts with a time and optionally a value (<c>entities.carts</c>).</summary>
    [JsonStringEnumMemberName("carts")] Carts,

    /// <summary>Campaign sends with a treatment or control arm, the trigger, conversion and revenue (<c>entities.campaign_sends</c>).</summary>
    [JsonStringEnumMemberName("campaign_sends")] CampaignSends,

    /// <summary>Customer scores, at most one row per customer (<c>entities.scores</c>).</summary>
    [JsonStringEnumMemberName("scores")] Scores,
}

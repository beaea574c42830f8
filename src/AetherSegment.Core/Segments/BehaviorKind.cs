using System.Text.Json.Serialization;

namespace AetherSegment.Segments;

/// <summary>The behavior a <see cref="BehaviorCondition"/> looks for, in a time window before the as-of time.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BehaviorKind>))]
public enum BehaviorKind
{
    /// <summary>Abandoned a cart (optionally worth at least a minimum) in the window (the profile's <c>entities.carts</c>).</summary>
    [JsonStringEnumMemberName("abandoned_cart")] AbandonedCart,

    /// <summary>Purchased (optionally in categories or product types) in the window, or ever when there is no window (<c>entities.orders</c>).</summary>
    [JsonStringEnumMemberName("purchased")] Purchased,

    /// <summary>Made no purchase in the window (<c>entities.orders</c>).</summary>
    [JsonStringEnumMemberName("no_purchase")] NoPurchase,

    /// <summary>Had events of the given types (product views by default; optionally in categories) in the window (<c>entities.events</c>).</summary>
    [JsonStringEnumMemberName("engaged")] Engaged,

    /// <summary>Was acquired (the customers mapping's <c>created_at</c>) in the window.</summary>
    [JsonStringEnumMemberName("acquired")] Acquired,
}

using System.Text.Json.Serialization;

namespace AetherSegment.Interpretation;

/// <summary>How a customer was acquired (the values of <c>customers.acquisition_source</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AcquisitionSource>))]
public enum AcquisitionSource
{
    /// <summary>Organic search.</summary>
    [JsonStringEnumMemberName("organic_search")] OrganicSearch,

    /// <summary>Paid search.</summary>
    [JsonStringEnumMemberName("paid_search")] PaidSearch,

    /// <summary>Social media.</summary>
    [JsonStringEnumMemberName("social")] Social,

    /// <summary>E-mail.</summary>
    [JsonStringEnumMemberName("email")] Email,

    /// <summary>Referral.</summary>
    [JsonStringEnumMemberName("referral")] Referral,

    /// <summary>In store.</summary>
    [JsonStringEnumMemberName("in_store")] InStore,

    /// <summary>Affiliate.</summary>
    [JsonStringEnumMemberName("affiliate")] Affiliate,
}

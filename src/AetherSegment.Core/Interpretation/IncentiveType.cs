using System.Text.Json.Serialization;

namespace AetherSegment.Interpretation;

/// <summary>Incentive types of the contract; a null incentive type means the objective names none.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IncentiveType>))]
public enum IncentiveType
{
    /// <summary>A percentage off; the value is the percentage.</summary>
    [JsonStringEnumMemberName("percent_discount")] PercentDiscount,

    /// <summary>An amount off; the value is the amount.</summary>
    [JsonStringEnumMemberName("fixed_discount")] FixedDiscount,

    /// <summary>Free delivery.</summary>
    [JsonStringEnumMemberName("free_shipping")] FreeShipping,

    /// <summary>Early or members-only access.</summary>
    [JsonStringEnumMemberName("exclusive_access")] ExclusiveAccess,

    /// <summary>Loyalty points; the value is the points.</summary>
    [JsonStringEnumMemberName("loyalty_points")] LoyaltyPoints,

    /// <summary>A gift.</summary>
    [JsonStringEnumMemberName("gift")] Gift,

    /// <summary>The objective explicitly rules an incentive out ("no discount", "just a reminder").</summary>
    [JsonStringEnumMemberName("none")] None,
}

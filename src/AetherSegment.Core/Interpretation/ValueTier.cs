using System.Text.Json.Serialization;

namespace AetherSegment.Interpretation;

/// <summary>Customer value tiers over <c>clv_score</c> (thresholds are options; defaults high &gt;= 0.7, low &lt; 0.4).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ValueTier>))]
public enum ValueTier
{
    /// <summary>clv_score at or above the high threshold.</summary>
    [JsonStringEnumMemberName("high")] High,

    /// <summary>Between the low and high thresholds.</summary>
    [JsonStringEnumMemberName("medium")] Medium,

    /// <summary>Below the low threshold.</summary>
    [JsonStringEnumMemberName("low")] Low,
}

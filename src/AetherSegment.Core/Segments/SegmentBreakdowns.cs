using System.Text.Json.Serialization;

namespace AetherSegment.Segments;

/// <summary>A segment's members broken down by country, city and value tier, largest first.</summary>
public sealed record SegmentBreakdowns
{
    /// <summary>By country.</summary>
    [JsonPropertyName("by_country")]
    public IReadOnlyList<BreakdownItem> ByCountry { get; init; } = [];

    /// <summary>By city.</summary>
    [JsonPropertyName("by_city")]
    public IReadOnlyList<BreakdownItem> ByCity { get; init; } = [];

    /// <summary>By value tier (high, medium, low over clv_score with the configured thresholds).</summary>
    [JsonPropertyName("by_value_tier")]
    public IReadOnlyList<BreakdownItem> ByValueTier { get; init; } = [];
}

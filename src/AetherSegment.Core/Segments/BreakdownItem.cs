using System.Text.Json.Serialization;

namespace AetherSegment.Segments;

/// <summary>The members of a segment that share one value (a country, a city, a value tier).</summary>
public sealed record BreakdownItem
{
    /// <summary>The value (a place of the profile's catalog, or <c>high</c> for a value tier).</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Members with that value.</summary>
    [JsonPropertyName("size")]
    public required long Size { get; init; }

    /// <summary>Their share of the segment, 0..1.</summary>
    [JsonPropertyName("share")]
    public required double Share { get; init; }

    /// <summary>Their average value score (the profile's value_score attribute).</summary>
    [JsonPropertyName("avg_clv")]
    public double? AvgClv { get; init; }
}

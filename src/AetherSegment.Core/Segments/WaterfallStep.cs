using System.Text.Json.Serialization;

namespace AetherSegment.Segments;

/// <summary>One step of the attrition waterfall: the segment after applying the filters up to and including this one.</summary>
public sealed record WaterfallStep
{
    /// <summary>The filter's key.</summary>
    [JsonPropertyName("key")]
    public required string Key { get; init; }

    /// <summary>The filter in plain words.</summary>
    [JsonPropertyName("description")]
    public required string Description { get; init; }

    /// <summary>Where the filter came from.</summary>
    [JsonPropertyName("provenance")]
    public required FilterProvenance Provenance { get; init; }

    /// <summary>Customers left after this filter.</summary>
    [JsonPropertyName("size")]
    public required long Size { get; init; }

    /// <summary>Customers this filter removed from the previous step.</summary>
    [JsonPropertyName("removed")]
    public required long Removed { get; init; }

    /// <summary>The average value score (the profile's value_score attribute) of the customers left, or <see langword="null"/> when none are left.</summary>
    [JsonPropertyName("avg_clv")]
    public double? AvgClv { get; init; }
}

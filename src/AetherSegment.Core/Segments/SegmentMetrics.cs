using System.Text.Json.Serialization;

namespace AetherSegment.Segments;

/// <summary>A segment's size and average CLV score.</summary>
/// <param name="Size">Members.</param>
/// <param name="AvgClv">The average CLV score, or <see langword="null"/> for an empty segment.</param>
public sealed record SegmentMetrics(
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("avg_clv")] double? AvgClv);

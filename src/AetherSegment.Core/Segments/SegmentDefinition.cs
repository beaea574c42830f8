using System.Text.Json.Serialization;

namespace AetherSegment.Segments;

/// <summary>
/// A segment: the customers who satisfy every filter, applied in order (the attrition waterfall follows this order),
/// with time windows measured back from <see cref="AsOf"/>. Immutable; serializes to snake_case JSON.
/// </summary>
public sealed record SegmentDefinition
{
    /// <summary>The filters, all required, in order: interpretation first, then the trigger's, then refinements.</summary>
    [JsonPropertyName("filters")]
    public IReadOnlyList<SegmentFilter> Filters { get; init; } = [];

    /// <summary>The id of the profile trigger the segment is built for, or <see langword="null"/>.</summary>
    [JsonPropertyName("trigger")]
    public string? Trigger { get; init; }

    /// <summary>The instant every time window ends at (UTC).</summary>
    [JsonPropertyName("as_of")]
    public DateTimeOffset AsOf { get; init; }

    /// <summary>A copy with more filters appended.</summary>
    public SegmentDefinition WithFilters(IEnumerable<SegmentFilter> filters) => this with { Filters = [.. Filters, .. filters] };
}

using System.Text.Json.Serialization;

namespace AetherSegment.Segments;

/// <summary>Why the members are in a segment: each filter by provenance, the trigger's rationale and what the interpretation read.</summary>
public sealed record SegmentExplanation
{
    /// <summary>One sentence: who is in the segment.</summary>
    [JsonPropertyName("summary")]
    public required string Summary { get; init; }

    /// <summary>Each filter with its reason, in order.</summary>
    [JsonPropertyName("filters")]
    public IReadOnlyList<FilterExplanation> Filters { get; init; } = [];

    /// <summary>Why the trigger suits these members, or <see langword="null"/> when there is no trigger.</summary>
    [JsonPropertyName("trigger_rationale")]
    public string? TriggerRationale { get; init; }

    /// <summary>What the interpreter read from the objective, one item per field it set.</summary>
    [JsonPropertyName("interpretation")]
    public IReadOnlyList<string> Interpretation { get; init; } = [];
}

using System.Text.Json.Serialization;
using AetherSegment.DataModel;
using AetherSegment.Segments;

namespace AetherSegment.Cli.Segments;

/// <summary>What <c>segment create</c> prints: the stored segment's id, size, average CLV, trigger, filters with provenance and explanation.</summary>
internal sealed record SegmentSummary
{
    public SegmentSummary(StoredSegment segment, string? output)
    {
        SegmentId = segment.SegmentId;
        Size = segment.Size;
        AvgClv = segment.AvgClv;
        Trigger = segment.Trigger;
        Filters = segment.Filters;
        Explanation = segment.Explanation;
        CreatedAt = segment.CreatedAt;
        AsOf = segment.AsOf;
        Output = output;
        Holdout = segment.Holdout;
    }

    [JsonPropertyName("segment_id")] public string SegmentId { get; }

    [JsonPropertyName("size")] public long Size { get; }

    [JsonPropertyName("avg_clv")] public double? AvgClv { get; }

    [JsonPropertyName("trigger")] public string? Trigger { get; }

    [JsonPropertyName("filters")] public IReadOnlyList<SegmentFilter> Filters { get; }

    [JsonPropertyName("explanation")] public SegmentExplanation Explanation { get; }

    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; }

    [JsonPropertyName("as_of")] public DateTimeOffset AsOf { get; }

    [JsonPropertyName("output")] public string? Output { get; }

    [JsonPropertyName("holdout")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AetherSegment.Experiments.SegmentHoldout? Holdout { get; }
}

using System.Text.Json.Serialization;

namespace AetherSegment.Segments;

/// <summary>The effect of adding refinement filters (the web API's preview-filters answer).</summary>
public sealed record FilterPreview
{
    /// <summary>The segment before the new filters (interpretation and trigger filters only).</summary>
    [JsonPropertyName("before")]
    public required SegmentMetrics Before { get; init; }

    /// <summary>The segment with the new filters.</summary>
    [JsonPropertyName("after")]
    public required SegmentMetrics After { get; init; }

    /// <summary>After minus before, in members (zero or negative).</summary>
    [JsonPropertyName("size_change")]
    public long SizeChange => After.Size - Before.Size;

    /// <summary>The relative change of size in percent, or <see langword="null"/> when the segment was empty before.</summary>
    [JsonPropertyName("size_change_pct")]
    public double? SizeChangePct => Before.Size == 0 ? null : Math.Round(100.0 * SizeChange / Before.Size, 2);

    /// <summary>The filters that were added (provenance user).</summary>
    [JsonPropertyName("added_filters")]
    public IReadOnlyList<SegmentFilter> AddedFilters { get; init; } = [];

    /// <summary>
    /// The chosen trigger's predicted uplift, incremental conversions and revenue over exactly the <see cref="After"/>
    /// audience (its <c>segment_size_after_trigger</c> equals <c>after.size</c>), or <see langword="null"/> when no
    /// trigger is chosen or no ranker is registered.
    /// </summary>
    [JsonPropertyName("trigger_estimate")]
    public AetherSegment.Uplift.TriggerSuggestion? TriggerEstimate { get; init; }

    /// <summary>The full preview after the new filters (waterfall, breakdowns, samples).</summary>
    [JsonPropertyName("preview")]
    public required SegmentPreview Preview { get; init; }
}

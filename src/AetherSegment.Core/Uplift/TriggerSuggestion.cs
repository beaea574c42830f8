using System.Text.Json.Serialization;

namespace AetherSegment.Uplift;

/// <summary>One ranked trigger for a segment (the web API's <c>trigger_suggestions</c> item).</summary>
public sealed record TriggerSuggestion
{
    /// <summary>The profile trigger id.</summary>
    [JsonPropertyName("trigger")]
    public required string Trigger { get; init; }

    /// <summary>The mean predicted uplift over the segment: the increase in conversion probability, -1..1.</summary>
    [JsonPropertyName("predicted_uplift")]
    public required double PredictedUplift { get; init; }

    /// <summary>Expected extra conversions if the whole segment gets the trigger (sum of predicted uplifts).</summary>
    [JsonPropertyName("expected_incremental_conversions")]
    public required double ExpectedIncrementalConversions { get; init; }

    /// <summary>Expected extra revenue in USD (incremental conversions times the expected order value).</summary>
    [JsonPropertyName("expected_incremental_revenue")]
    public double ExpectedIncrementalRevenue { get; init; }

    /// <summary>Members whose predicted uplift for this trigger is positive (the segment after a trigger filter).</summary>
    [JsonPropertyName("segment_size_after_trigger")]
    public required long SegmentSizeAfterTrigger { get; init; }

    /// <summary>Why: the features that drive the predicted uplift, in plain words.</summary>
    [JsonPropertyName("rationale")]
    public required string Rationale { get; init; }
}

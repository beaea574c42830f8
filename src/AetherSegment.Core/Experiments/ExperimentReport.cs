using System.Text.Json.Serialization;

namespace AetherSegment.Experiments;

/// <summary>The measured result of a campaign against its holdout.</summary>
public sealed record ExperimentReport
{
    /// <summary>The segment id, or <see langword="null"/> for a report from numbers alone.</summary>
    [JsonPropertyName("segment_id")]
    public string? SegmentId { get; init; }

    /// <summary>Where the outcomes came from (the store's orders in a window, or a file).</summary>
    [JsonPropertyName("source")]
    public string Source { get; init; } = "";

    /// <summary>The treated arm.</summary>
    [JsonPropertyName("treated")]
    public required ArmOutcome Treated { get; init; }

    /// <summary>The holdout arm.</summary>
    [JsonPropertyName("holdout")]
    public required ArmOutcome Holdout { get; init; }

    /// <summary>The absolute lift in conversion rate (treated minus holdout) with its 95% interval.</summary>
    [JsonPropertyName("absolute_lift")]
    public required Interval AbsoluteLift { get; init; }

    /// <summary>The relative lift (treated rate / holdout rate - 1) with its 95% interval; <see langword="null"/> when an arm has no conversion.</summary>
    [JsonPropertyName("relative_lift")]
    public Interval? RelativeLift { get; init; }

    /// <summary>Conversions the campaign caused among the treated, with a 95% interval.</summary>
    [JsonPropertyName("incremental_conversions")]
    public required Interval IncrementalConversions { get; init; }

    /// <summary>Revenue the campaign caused among the treated, with a 95% interval.</summary>
    [JsonPropertyName("incremental_revenue")]
    public required Interval IncrementalRevenue { get; init; }

    /// <summary>The two-sided p-value of the fixed-horizon test (pooled two-proportion z test), valid for one look at the end.</summary>
    [JsonPropertyName("p_value")]
    public double PValue { get; init; }

    /// <summary>The always-valid p-value (mSPRT) over the looks so far: valid however often the report was looked at.</summary>
    [JsonPropertyName("always_valid_p_value")]
    public double AlwaysValidPValue { get; init; }

    /// <summary>The always-valid 95% confidence sequence for the absolute lift at the last look.</summary>
    [JsonPropertyName("always_valid_lift")]
    public required Interval AlwaysValidLift { get; init; }

    /// <summary>The monitor's looks by day (cumulative lift and its always-valid band), empty when the outcomes carry no dates.</summary>
    [JsonPropertyName("daily")]
    public IReadOnlyList<MonitorPoint> Daily { get; init; } = [];

    /// <summary>
    /// Predicted against observed uplift by decile of predicted uplift (decile 1 first), when the segment was ranked at
    /// activation (its holdout is stratified by decile); empty when it was not.
    /// </summary>
    [JsonPropertyName("calibration")]
    public IReadOnlyList<CalibrationBin> Calibration { get; init; } = [];

    /// <summary>The verdict in plain words.</summary>
    [JsonPropertyName("statement")]
    public string Statement { get; init; } = "";
}

using System.Text.Json.Serialization;

namespace AetherSegment.Experiments;

/// <summary>The design of a segment's experiment before sending: power, minimum detectable effect and what would reach it.</summary>
public sealed record ExperimentDesign
{
    /// <summary>The segment id, or <see langword="null"/> for a design from numbers alone.</summary>
    [JsonPropertyName("segment_id")]
    public string? SegmentId { get; init; }

    /// <summary>The trigger the campaign sends, or <see langword="null"/>.</summary>
    [JsonPropertyName("trigger")]
    public string? Trigger { get; init; }

    /// <summary>Members of the segment.</summary>
    [JsonPropertyName("members")]
    public long Members { get; init; }

    /// <summary>The holdout share, in (0, 0.5].</summary>
    [JsonPropertyName("holdout_share")]
    public double HoldoutShare { get; init; }

    /// <summary>Expected treated members (members times one minus the share).</summary>
    [JsonPropertyName("treated")]
    public long Treated { get; init; }

    /// <summary>Expected holdout members.</summary>
    [JsonPropertyName("holdout")]
    public long Holdout { get; init; }

    /// <summary>The baseline conversion rate (what the holdout is expected to convert at), 0..1.</summary>
    [JsonPropertyName("baseline_rate")]
    public double BaselineRate { get; init; }

    /// <summary>Where the baseline came from (e.g. "control sends of a reminder trigger to 1,234 of these members").</summary>
    [JsonPropertyName("baseline_source")]
    public string BaselineSource { get; init; } = "";

    /// <summary>The predicted uplift: the increase in conversion rate the campaign is expected to cause (absolute, -1..1).</summary>
    [JsonPropertyName("predicted_uplift")]
    public double PredictedUplift { get; init; }

    /// <summary>Where the predicted uplift came from (the ranker, or given by the caller).</summary>
    [JsonPropertyName("predicted_uplift_source")]
    public string PredictedUpliftSource { get; init; } = "";

    /// <summary>The power to detect the predicted uplift (two-sided, alpha 0.05), 0..1.</summary>
    [JsonPropertyName("power")]
    public double Power { get; init; }

    /// <summary>The minimum detectable absolute lift at 80% power with this design.</summary>
    [JsonPropertyName("mde_at_80")]
    public double MinimumDetectableLift { get; init; }

    /// <summary>The minimum detectable lift relative to the baseline (0.2 = +20%), or <see langword="null"/> when the baseline is 0.</summary>
    [JsonPropertyName("mde_relative_at_80")]
    public double? MinimumDetectableRelativeLift { get; init; }

    /// <summary>The smallest holdout share in (0, 0.5] that reaches 80% power for the predicted uplift; <see langword="null"/> when none does.</summary>
    [JsonPropertyName("required_holdout_share")]
    public double? RequiredHoldoutShare { get; init; }

    /// <summary>Members needed at the chosen share to reach 80% power for the predicted uplift; <see langword="null"/> when the predicted uplift is 0 or less.</summary>
    [JsonPropertyName("required_members")]
    public long? RequiredMembers { get; init; }

    /// <summary>The trigger's sends per day in the history, or <see langword="null"/> when unknown.</summary>
    [JsonPropertyName("daily_sends")]
    public double? DailySends { get; init; }

    /// <summary>Days of sends at the historical daily volume to reach <see cref="RequiredMembers"/>; <see langword="null"/> when unknown.</summary>
    [JsonPropertyName("required_days")]
    public double? RequiredDays { get; init; }

    /// <summary>Whether the design detects its own predicted uplift with at least 80% power.</summary>
    [JsonPropertyName("detectable")]
    public bool Detectable { get; init; }

    /// <summary>The verdict in plain words.</summary>
    [JsonPropertyName("statement")]
    public string Statement { get; init; } = "";
}

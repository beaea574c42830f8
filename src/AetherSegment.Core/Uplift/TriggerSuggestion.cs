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

    /// <summary>
    /// The 90% interval of <see cref="PredictedUplift"/> (the segment's mean uplift), from the model's error measured on
    /// held-out training rows like the members (docs/uplift.md, "Intervals and ties"); null when the trigger has no
    /// model or its error could not be measured.
    /// </summary>
    [JsonPropertyName("predicted_uplift_interval")]
    public Experiments.Interval? PredictedUpliftInterval { get; init; }

    /// <summary>Whether this trigger's interval overlaps the top-ranked trigger's: the data cannot tell them apart (true for the top one when another overlaps it).</summary>
    [JsonPropertyName("tied_with_best")]
    public bool TiedWithBest { get; init; }

    /// <summary>The share of the scored members outside the support of the customers the trigger was sent to (0..1); null when not checked.</summary>
    [JsonPropertyName("outside_support_share")]
    public double? OutsideSupportShare { get; init; }

    /// <summary>A warning that the number is an extrapolation (the segment is unlike the customers the trigger was sent to); null when none.</summary>
    [JsonPropertyName("warning")]
    public string? Warning { get; init; }

    /// <summary>The learner that made the trigger's model (for <c>auto</c>, the one it chose, e.g. <c>xlearner</c>); null when unknown.</summary>
    [JsonPropertyName("learner")]
    public string? Learner { get; init; }

    /// <summary>For <c>auto</c>: each candidate learner's cross-validated Qini coefficient on the trigger's training rows; null otherwise.</summary>
    [JsonPropertyName("learner_cv_qini")]
    public IReadOnlyDictionary<string, double>? LearnerCvQini { get; init; }

    /// <summary>Value equality, the cross-validated scores compared by content (a record compares a dictionary by reference).</summary>
    /// <param name="other">The suggestion to compare with.</param>
    /// <returns>Whether every field is equal.</returns>
    public bool Equals(TriggerSuggestion? other) =>
        other is not null
        && Trigger == other.Trigger
        && PredictedUplift.Equals(other.PredictedUplift)
        && ExpectedIncrementalConversions.Equals(other.ExpectedIncrementalConversions)
        && ExpectedIncrementalRevenue.Equals(other.ExpectedIncrementalRevenue)
        && SegmentSizeAfterTrigger == other.SegmentSizeAfterTrigger
        && Rationale == other.Rationale
        && Equals(PredictedUpliftInterval, other.PredictedUpliftInterval)
        && TiedWithBest == other.TiedWithBest
        && Nullable.Equals(OutsideSupportShare, other.OutsideSupportShare)
        && Warning == other.Warning
        && Learner == other.Learner
        && SameScores(LearnerCvQini, other.LearnerCvQini);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Trigger, PredictedUplift, SegmentSizeAfterTrigger, Rationale, Learner);

    private static bool SameScores(IReadOnlyDictionary<string, double>? a, IReadOnlyDictionary<string, double>? b) =>
        ReferenceEquals(a, b)
        || (a is not null && b is not null && a.Count == b.Count
            && a.All(p => b.TryGetValue(p.Key, out double v) && v.Equals(p.Value)));
}

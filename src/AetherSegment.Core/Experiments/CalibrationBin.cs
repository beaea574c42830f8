using System.Text.Json.Serialization;

namespace AetherSegment.Experiments;

/// <summary>One decile of predicted uplift in a report's calibration: what the ranker predicted for its members and what the campaign did.</summary>
/// <param name="Decile">The decile, 1 = the highest predicted uplift.</param>
/// <param name="Members">The decile's members, both arms.</param>
/// <param name="PredictedUplift">The mean predicted absolute uplift of the decile's members, scored at activation.</param>
/// <param name="ObservedUplift">The observed absolute uplift (treated rate minus holdout rate in the decile) with its 95% interval.</param>
public sealed record CalibrationBin(
    [property: JsonPropertyName("decile")] int Decile,
    [property: JsonPropertyName("members")] long Members,
    [property: JsonPropertyName("predictedUplift")] double PredictedUplift,
    [property: JsonPropertyName("observedUplift")] Interval ObservedUplift);

namespace AetherSegment.Uplift;

/// <summary>
/// The held-out evaluation of the trigger models for one data version of the campaign history: the ranker's learner
/// and settings trained on the customers outside a hash hold-out and scored on the held-out customers' campaign rows.
/// </summary>
public sealed class TriggerModelEvaluation
{
    /// <summary>The campaign history's data version the evaluation belongs to (the one the ranker's models are cached under).</summary>
    public required string DataVersion { get; init; }

    /// <summary>The learner's name (the ranker's <see cref="TriggerRankingOptions.Model"/> or its default).</summary>
    public required string Model { get; init; }

    /// <summary>The share of customers held out, 0..1: a customer is held out when a hash of its id falls in this share.</summary>
    public required double HoldoutShare { get; init; }

    /// <summary>When the evaluation was computed.</summary>
    public required DateTimeOffset EvaluatedAt { get; init; }

    /// <summary>One entry per trigger of the catalog, in catalog order.</summary>
    public required IReadOnlyList<TriggerEvaluation> Triggers { get; init; }
}

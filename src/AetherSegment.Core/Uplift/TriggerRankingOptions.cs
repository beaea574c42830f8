namespace AetherSegment.Uplift;

/// <summary>Options of the store-backed trigger ranker (<see cref="ITriggerRanker"/>).</summary>
public sealed class TriggerRankingOptions
{
    /// <summary>
    /// The model the ranker trains when <see cref="Model"/> is null: the X-learner, whose effect regressions tracked the
    /// synthetic generator's true uplift per customer and per trigger better than the T-learner's difference of two
    /// outcome models (docs/uplift.md, "Against the generator's ground truth").
    /// </summary>
    internal const string DefaultModel = UpliftModels.XLearner;

    /// <summary>The uplift model trained per trigger (a name of <see cref="UpliftModels.Names"/>); null for the X-learner (<see cref="UpliftModels.XLearner"/>).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Model { get; set; }

    /// <summary>The seed of the models' random choices.</summary>
    /// <value>The default value is 42.</value>
    public int Seed { get; set; } = 42;

    /// <summary>A trigger needs at least this many treated and this many control rows in campaign_history to get a model.</summary>
    /// <value>The default value is 200.</value>
    public int MinimumRowsPerArm { get; set; } = 200;
}

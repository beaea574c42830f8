namespace AetherSegment.Uplift;

/// <summary>The loss a gradient-boosted model minimizes.</summary>
internal enum BoostingLoss
{
    /// <summary>Binary log-loss; the raw score is a log-odds.</summary>
    Logistic,

    /// <summary>Squared error; the raw score is the prediction.</summary>
    Squared,
}

/// <summary>Hyper-parameters of the histogram gradient-boosted tree learner.</summary>
internal sealed record BoostingSettings
{
    public BoostingLoss Loss { get; init; } = BoostingLoss.Logistic;

    public int Trees { get; init; } = 100;

    public double LearningRate { get; init; } = 0.1;

    public int MaxLeaves { get; init; } = 31;

    public int MaxDepth { get; init; } = 6;

    public int MinSamplesLeaf { get; init; } = 20;

    public double MinHessianLeaf { get; init; } = 1e-3;

    public double L2 { get; init; } = 1.0;

    public double MinGain { get; init; }

    public double RowSubsample { get; init; } = 1.0;

    public double FeatureSubsample { get; init; } = 1.0;

    /// <summary>
    /// Categorical splits: a level with fewer rows than this in a node takes no part in that node's sorted prefix
    /// search and goes right, with the levels the model never saw (LightGBM's <c>min_data_per_group</c>).
    /// </summary>
    public int MinDataPerGroup { get; init; } = 100;

    /// <summary>Categorical splits: levels are sorted by G / (H + CatSmooth) (LightGBM's <c>cat_smooth</c>).</summary>
    public double CatSmooth { get; init; } = 10.0;

    /// <summary>
    /// Categorical splits: L2 added to <see cref="L2"/> for the two children of a categorical split, in its gain and
    /// in their leaf values (LightGBM's <c>cat_l2</c>).
    /// </summary>
    public double CatL2 { get; init; } = 10.0;

    public int Seed { get; init; }
}

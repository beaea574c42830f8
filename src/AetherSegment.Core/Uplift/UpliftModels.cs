namespace AetherSegment.Uplift;

/// <summary>Creates uplift models by name.</summary>
public static class UpliftModels
{
    /// <summary>The prototype's propensity-score heuristic, a baseline: uplift = 4 x average effect x p(1 - p).</summary>
    public const string Simulated = "simulated";

    /// <summary>T-learner: one gradient-boosted outcome model per arm; uplift = p_treated - p_control.</summary>
    public const string TLearner = "tlearner";

    /// <summary>X-learner: imputed individual effects regressed per arm and blended by the propensity.</summary>
    public const string XLearner = "xlearner";

    /// <summary>Uplift random forest with an uplift split criterion (KL, Euclidean or DDP), optionally honest.</summary>
    public const string Forest = "forest";

    /// <summary>Class transformation: one gradient-boosted classifier of the transformed label; uplift = 2 P(Z=1) - 1.</summary>
    public const string ClassTransformation = "ct";

    /// <summary>The average of the T-learner, the X-learner and the uplift forest.</summary>
    public const string Ensemble = "ensemble";

    /// <summary>
    /// Picks the learner by cross-validated Qini on the training rows (T-learner, X-learner, forest, honest forest,
    /// ensemble; 3 stratified folds), then fits the chosen one on every row; see docs/uplift.md.
    /// </summary>
    public const string Auto = "auto";

    /// <summary>
    /// The model used when none is named: <see cref="Auto"/>, since the best learner differs by data set
    /// (docs/uplift.md, "Choosing the learner: auto").
    /// </summary>
    public const string Default = Auto;

    /// <summary>Every model name.</summary>
    public static IReadOnlyList<string> Names { get; } = [Auto, Simulated, TLearner, XLearner, Forest, ClassTransformation, Ensemble];

    /// <summary>Creates an unfitted model.</summary>
    /// <param name="name">A name of <see cref="Names"/> (case-insensitive), or null for <see cref="Default"/>.</param>
    /// <param name="options">Seed and forest options; null for the defaults.</param>
    /// <returns>The model.</returns>
    /// <exception cref="AetherSegmentInputException">The name is unknown.</exception>
    public static IUpliftModel Create(string? name = null, UpliftModelOptions? options = null)
    {
        string key = string.IsNullOrWhiteSpace(name) ? Default : name.Trim().ToLowerInvariant();
        if (key == Auto)
        {
            return new AutoUpliftModel(options ?? new UpliftModelOptions());
        }

        foreach (string known in Names)
        {
            if (known == key)
            {
                return new TreeUpliftModel(known, options ?? new UpliftModelOptions());
            }
        }

        throw new AetherSegmentInputException("--model", $"Unknown uplift model '{name}'; known models: {string.Join(", ", Names)}.");
    }
}

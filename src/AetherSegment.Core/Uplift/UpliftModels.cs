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
    /// The model used when none is named: the T-learner, which measured best across both Hillstrom set-ups (Womens and
    /// Mens e-mail vs none) at a fraction of the ensemble's training and scoring cost; see docs/uplift.md.
    /// </summary>
    public const string Default = TLearner;

    /// <summary>Every model name.</summary>
    public static IReadOnlyList<string> Names { get; } = [Simulated, TLearner, XLearner, Forest, ClassTransformation, Ensemble];

    /// <summary>Creates an unfitted model.</summary>
    /// <param name="name">A name of <see cref="Names"/> (case-insensitive), or null for <see cref="Default"/>.</param>
    /// <param name="options">Seed and forest options; null for the defaults.</param>
    /// <returns>The model.</returns>
    /// <exception cref="AetherSegmentInputException">The name is unknown.</exception>
    public static IUpliftModel Create(string? name = null, UpliftModelOptions? options = null)
    {
        string key = string.IsNullOrWhiteSpace(name) ? Default : name.Trim().ToLowerInvariant();
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

namespace AetherSegment.Uplift;

/// <summary>
/// The meta-learners: each turns one binary experiment (treated rows vs control rows over shared binned features)
/// into a <see cref="ScoringPlan"/> over gradient-boosted or uplift-forest trees.
/// </summary>
internal static class UpliftLearners
{
    /// <summary>Outcome models of the T- and X-learners: shallow, strongly regularized, subsampled.</summary>
    public static BoostingSettings OutcomeModel(int seed) => Shallow(BoostingLoss.Logistic, 0.08, 200, 20, 0.8, seed);

    /// <summary>The class-transformation model: few, shallow trees on the transformed label.</summary>
    public static BoostingSettings TransformedModel(int seed) => Shallow(BoostingLoss.Logistic, 0.05, 300, 50, 0.7, seed);

    /// <summary>The X-learner's effect regressions.</summary>
    public static BoostingSettings EffectModel(int seed) => Shallow(BoostingLoss.Squared, 0.05, 300, 50, 0.7, seed);

    /// <summary>
    /// 60 trees of at most 8 leaves and depth 3, 80% of the features per tree; categorical splits regularized harder
    /// than LightGBM's defaults (levels with fewer than 150 rows in a node stay out of the sorted prefix, 30 extra L2
    /// on top of the model's): on Hillstrom within seed noise, on a noise column of many small levels no more
    /// noise splits, on one of a few hundred rows per level fewer (docs/uplift.md).
    /// </summary>
    private static BoostingSettings Shallow(BoostingLoss loss, double learningRate, int minSamplesLeaf, double l2, double rowSubsample, int seed) => new()
    {
        Loss = loss,
        Trees = 60,
        LearningRate = learningRate,
        MaxLeaves = 8,
        MaxDepth = 3,
        MinSamplesLeaf = minSamplesLeaf,
        L2 = l2,
        RowSubsample = rowSubsample,
        FeatureSubsample = 0.8,
        MinDataPerGroup = 150,
        CatL2 = 30,
        Seed = seed,
    };

    public static ScoringPlan TLearner(BinnedMatrix data, int[] treatedRows, int[] controlRows, float[] outcome, int seed, CancellationToken ct)
    {
        TreeEnsemble? t = null, c = null;
        Parallel.Invoke(
            () => t = GradientBoosting.Fit(data, treatedRows, outcome, null, OutcomeModel(seed), ct),
            () => c = GradientBoosting.Fit(data, controlRows, outcome, null, OutcomeModel(seed + 1), ct));
        return new ScoringPlan(0, [new ScoringTerm(1, ScoringLink.Sigmoid, t!), new ScoringTerm(-1, ScoringLink.Sigmoid, c!)]);
    }

    /// <summary>
    /// Class transformation (Jaskowski and Jaroszewicz): Z = 1 for treated responders and control non-responders;
    /// with both arms reweighted to equal mass, uplift = 2 P(Z = 1 | x) - 1.
    /// </summary>
    public static ScoringPlan ClassTransformation(BinnedMatrix data, int[] treatedRows, int[] controlRows, float[] outcome, int seed, CancellationToken ct)
    {
        int[] rows = [.. treatedRows, .. controlRows];
        float[] z = new float[data.Rows];
        double[] w = new double[data.Rows];
        double total = rows.Length;
        double wt = total / (2.0 * treatedRows.Length), wc = total / (2.0 * controlRows.Length);
        foreach (int r in treatedRows)
        {
            z[r] = outcome[r];
            w[r] = wt;
        }

        foreach (int r in controlRows)
        {
            z[r] = 1 - outcome[r];
            w[r] = wc;
        }

        TreeEnsemble f = GradientBoosting.Fit(data, rows, z, w, TransformedModel(seed), ct);
        return new ScoringPlan(-1, [new ScoringTerm(2, ScoringLink.Sigmoid, f)]);
    }

    /// <summary>X-learner (Kuenzel et al.): impute individual effects with the other arm's outcome model, regress them per arm, blend by the propensity.</summary>
    public static ScoringPlan XLearner(BinnedMatrix data, int[] treatedRows, int[] controlRows, float[] outcome, int seed, CancellationToken ct)
    {
        TreeEnsemble? m1 = null, m0 = null;
        Parallel.Invoke(
            () => m1 = GradientBoosting.Fit(data, treatedRows, outcome, null, OutcomeModel(seed), ct),
            () => m0 = GradientBoosting.Fit(data, controlRows, outcome, null, OutcomeModel(seed + 1), ct));
        float[] d = new float[data.Rows];
        foreach (int r in treatedRows)
        {
            d[r] = (float)(outcome[r] - Probability(m0!, data, r));
        }

        foreach (int r in controlRows)
        {
            d[r] = (float)(Probability(m1!, data, r) - outcome[r]);
        }

        TreeEnsemble? tau1 = null, tau0 = null;
        Parallel.Invoke(
            () => tau1 = GradientBoosting.Fit(data, treatedRows, d, null, EffectModel(seed + 2), ct),
            () => tau0 = GradientBoosting.Fit(data, controlRows, d, null, EffectModel(seed + 3), ct));
        double g = treatedRows.Length / (double)(treatedRows.Length + controlRows.Length);
        return new ScoringPlan(0, [new ScoringTerm(g, ScoringLink.Identity, tau0!), new ScoringTerm(1 - g, ScoringLink.Identity, tau1!)]);
    }

    public static ScoringPlan Forest(BinnedMatrix data, int[] treatedRows, int[] controlRows, float[] outcome, UpliftModelOptions options, int seed, CancellationToken ct)
    {
        bool[] treated = new bool[data.Rows];
        foreach (int r in treatedRows)
        {
            treated[r] = true;
        }

        UpliftForestSettings settings = new()
        {
            Criterion = options.ForestCriterion,
            Honest = options.HonestForest,
            Seed = seed,
        };
        TreeEnsemble forest = UpliftForest.Fit(data, [.. treatedRows, .. controlRows], treated, outcome, settings, ct);
        return new ScoringPlan(0, [new ScoringTerm(1, ScoringLink.Identity, forest)]);
    }

    /// <summary>
    /// The original prototype's heuristic, kept as a baseline: a response-propensity model that ignores the treatment,
    /// and uplift = 4 x average effect x p(1 - p), i.e. the "persuadables are the undecided middle" assumption.
    /// </summary>
    public static ScoringPlan Simulated(BinnedMatrix data, int[] treatedRows, int[] controlRows, float[] outcome, int seed, CancellationToken ct)
    {
        int[] rows = [.. treatedRows, .. controlRows];
        TreeEnsemble p = GradientBoosting.Fit(data, rows, outcome, null, OutcomeModel(seed), ct);
        double ate = Mean(outcome, treatedRows) - Mean(outcome, controlRows);
        return new ScoringPlan(0, [new ScoringTerm(4 * ate, ScoringLink.SigmoidVariance, p)]);
    }

    private static double Mean(float[] y, int[] rows)
    {
        double s = 0;
        foreach (int r in rows)
        {
            s += y[r];
        }

        return s / rows.Length;
    }

    private static double Probability(TreeEnsemble model, BinnedMatrix data, int row)
    {
        double x = model.Bias;
        foreach (DecisionTree tree in model.Trees)
        {
            x += PredictBinned(tree, data, row);
        }

        return 1.0 / (1.0 + Math.Exp(-x));
    }

    /// <summary>A tree's leaf value for a training row, routed by bins (exact: bins and thresholds agree).</summary>
    private static double PredictBinned(DecisionTree tree, BinnedMatrix data, int row)
    {
        int node = 0;
        while (true)
        {
            int f = tree.Feature[node];
            if (f < 0)
            {
                return tree.Value[node];
            }

            int bin = data.Bins[f][row];
            bool left = bin == BinnedMatrix.MissingBin ? tree.MissingLeft[node]
                : tree.LeftCategories[node] is { } set ? Array.BinarySearch(set, bin) >= 0
                : data.Upper[f]![bin] <= tree.Threshold[node];
            node = left ? tree.Left[node] : tree.Right[node];
        }
    }
}

using System.Globalization;
using AetherSegment.Tests;
using AetherSegment.Uplift;

namespace AetherSegment.Core.Tests.Uplift;

/// <summary>The boosted trees' categorical regularization (MinDataPerGroup, CatSmooth, CatL2) against many-level noise.</summary>
public sealed class GradientBoostingTests
{
    private const int City = 3;

    /// <summary>The learner as it was before the regularization: every present level sorted, no extra L2.</summary>
    private static BoostingSettings Unregularized(BoostingSettings settings) => settings with { MinDataPerGroup = 0, CatL2 = 0 };

    /// <summary>
    /// A randomized experiment with a real effect elsewhere: the treatment adds 6 pts x (x in [0, 1]), z drives the
    /// base rate (10% on average), w is numeric noise and "city" is a categorical of <paramref name="levels"/> levels
    /// with no effect at all.
    /// </summary>
    private static (UpliftDataset Features, int[] Treatment, float[] Outcome, double[] Truth) Experiment(int rows, int levels, int seed)
    {
        Random random = new(seed);
        float[] x = new float[rows], z = new float[rows], w = new float[rows], city = new float[rows], y = new float[rows];
        int[] t = new int[rows];
        double[] truth = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            x[i] = (float)random.NextDouble();
            z[i] = (float)random.NextDouble();
            w[i] = (float)random.NextDouble();
            city[i] = random.Next(levels);
            t[i] = random.Next(2);
            truth[i] = 0.06 * x[i];
            y[i] = random.NextDouble() < (0.1 * (0.5 + z[i])) + (t[i] * truth[i]) ? 1 : 0;
        }

        UpliftDataset features = new(rows);
        features.AddNumeric("x", x);
        features.AddNumeric("z", z);
        features.AddNumeric("w", w);
        features.AddCategorical("city", city, [.. Enumerable.Range(0, levels).Select(k => "city " + k.ToString(CultureInfo.InvariantCulture))]);
        return (features, t, y, truth);
    }

    /// <summary>The T-learner's two outcome models on <paramref name="train"/>, with its settings passed through <paramref name="adjust"/>.</summary>
    private static (ScoringPlan Plan, double CityGainShare) TLearner(UpliftDataset train, int[] treatment, float[] outcome, Func<BoostingSettings, BoostingSettings> adjust, FeatureSpec[] specs)
    {
        BinnedMatrix binned = BinnedMatrix.Build(FeatureBinding.Bind(specs, train), specs, train.RowCount, 42);
        int[] treated = [.. Enumerable.Range(0, train.RowCount).Where(i => treatment[i] == 1)];
        int[] control = [.. Enumerable.Range(0, train.RowCount).Where(i => treatment[i] == 0)];
        TreeEnsemble t = GradientBoosting.Fit(binned, treated, outcome, null, adjust(UpliftLearners.OutcomeModel(42)));
        TreeEnsemble c = GradientBoosting.Fit(binned, control, outcome, null, adjust(UpliftLearners.OutcomeModel(43)));
        double all = 0, city = 0;
        foreach (DecisionTree tree in t.Trees.Concat(c.Trees))
        {
            for (int node = 0; node < tree.NodeCount; node++)
            {
                if (tree.Feature[node] >= 0)
                {
                    all += tree.Gain[node];
                    city += tree.Feature[node] == City ? tree.Gain[node] : 0;
                }
            }
        }

        return (new ScoringPlan(0, [new ScoringTerm(1, ScoringLink.Sigmoid, t), new ScoringTerm(-1, ScoringLink.Sigmoid, c)]), city / all);
    }

    [Theory]
    [InlineData(8_000, 0.4, 0.02)]   // ~100 rows per level and arm: below MinDataPerGroup everywhere, city is never split
    [InlineData(16_000, 0.4, 0.25)]  // ~200 per level and arm: sorted at the root, pooled deeper down
    public void TLearner_FortyLevelNoiseColumn_NoLongerDominatesSplitGainNorHurtsHeldOutQini(int rows, double oldShareAbove, double newShareBelow)
    {
        (UpliftDataset train, int[] t, float[] y, _) = Experiment(rows, 40, 100);
        (UpliftDataset test, int[] testT, float[] testY, double[] truth) = Experiment(40_000, 40, 900);
        FeatureSpec[] specs = FeatureBinding.SpecsOf(train);
        float[][] testColumns = FeatureBinding.Bind(specs, test);

        (ScoringPlan before, double beforeShare) = TLearner(train, t, y, Unregularized, specs);
        (ScoringPlan after, double afterShare) = TLearner(train, t, y, s => s, specs);
        double[] upliftBefore = new double[test.RowCount], upliftAfter = new double[test.RowCount];
        TreeUpliftModel.Score(before, testColumns, upliftBefore);
        TreeUpliftModel.Score(after, testColumns, upliftAfter);
        double qiniBefore = UpliftMetrics.QiniCoefficient(testY, upliftBefore, testT);
        double qiniAfter = UpliftMetrics.QiniCoefficient(testY, upliftAfter, testT);
        double corrBefore = RankCorrelation.Pearson(upliftBefore, truth), corrAfter = RankCorrelation.Pearson(upliftAfter, truth);

        string figures = string.Create(CultureInfo.InvariantCulture,
            $"city gain share {beforeShare:F3} -> {afterShare:F3}, Qini {qiniBefore:F4} -> {qiniAfter:F4}, correlation with the true uplift {corrBefore:F3} -> {corrAfter:F3}");
        Assert.True(beforeShare > oldShareAbove, "the unregularized learner should show the problem: " + figures);
        Assert.True(afterShare < newShareBelow, figures);
        Assert.True(qiniAfter > qiniBefore, figures);
        Assert.True(corrAfter > corrBefore + 0.05, figures);
    }

    [Fact]
    public void Fit_LevelBelowMinDataPerGroup_NeverEntersALeftSetAndScoresAsAnUnseenLevel()
    {
        // "big" levels differ in response; "rare" (30 rows) has the highest response of all, but too few rows to be sorted.
        Random random = new(3);
        int rows = 6_000;
        float[] region = new float[rows], y = new float[rows];
        int[] t = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            region[i] = i < 30 ? 3 : random.Next(3);
            t[i] = random.Next(2);
            double p = region[i] switch { 0 => 0.1, 1 => 0.3, 2 => 0.5, _ => 0.9 } + (t[i] == 1 && region[i] == 2 ? 0.2 : 0);
            y[i] = random.NextDouble() < p ? 1 : 0;
        }

        UpliftDataset features = new(rows);
        features.AddCategorical("region", region, ["a", "b", "c", "rare"]);
        IUpliftModel model = UpliftModels.Create(UpliftModels.TLearner);

        model.Fit(new UpliftTrainingSet(features, t, y, ["mail"], "none"));
        UpliftDataset rareAndUnseen = new(2);
        rareAndUnseen.AddCategorical("region", [3, 4], ["a", "b", "c", "rare", "never seen"]);
        double[] uplift = model.Predict(rareAndUnseen, 0);

        IEnumerable<int[]?> leftSets = ((TreeUpliftModel)model).Plans[0].Terms.SelectMany(term => term.Ensemble.Trees).SelectMany(d => d.LeftCategories);
        Assert.Contains(leftSets, set => set is not null);
        Assert.DoesNotContain(leftSets, set => set is not null && set.Contains(3));
        Assert.Equal(uplift[0], uplift[1]);
    }
}

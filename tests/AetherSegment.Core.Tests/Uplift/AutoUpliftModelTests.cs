using AetherSegment.Experiments;
using AetherSegment.Uplift;

namespace AetherSegment.Core.Tests.Uplift;

public sealed class AutoUpliftModelTests
{
    [Fact]
    public void Fit_PicksTheCandidateWithTheBestCrossValidatedQiniAndPredictsAsIt()
    {
        UpliftTrainingSet train = UpliftModelTests.Synthetic(6_000, 3);
        AutoUpliftModel auto = (AutoUpliftModel)UpliftModels.Create(UpliftModels.Auto, new UpliftModelOptions { Seed = 11 });

        auto.Fit(train);

        // Every candidate, then the one blend of two candidates of one learner (the forest and the honest forest).
        Assert.Equal([.. AutoUpliftModel.AllCandidates.Select(c => c.ToString()), "forest+forest-honest"], auto.Scores.Select(p => p.Key));
        Assert.Equal(auto.Scores.MaxBy(p => p.Value).Key, auto.Chosen);
        Assert.All(auto.Scores, p => Assert.True(p.Value > 0.05, $"{p.Key} {p.Value}: every learner finds the planted effect"));
        AssertPredictsAsChosen(auto, train);
        Assert.Equal(train.RowCount, auto.OutOfFold[0].Length);
    }

    [Fact]
    public void Fit_BlendOfTheForestAndTheHonestForest_IsChosenOnlyOnAHigherScore_AndPredictsTheirMean()
    {
        AutoUpliftModel.Candidate[] forests = [new(UpliftModels.Forest, false), new(UpliftModels.Forest, true)];
        string[] chosen = new string[10];
        for (int seed = 0; seed < chosen.Length; seed++)
        {
            // Small noisy sets, where neither forest is clearly better and the blend often scores higher than both.
            UpliftTrainingSet train = UpliftModelTests.Synthetic(2_000, 40 + seed);
            AutoUpliftModel auto = new(new UpliftModelOptions { Seed = 20 + seed }, forests);
            auto.Fit(train);

            double single = auto.Scores.Take(2).Max(p => p.Value), blend = auto.Scores[2].Value;
            Assert.Equal(blend > single ? "forest+forest-honest" : auto.Scores.Take(2).MaxBy(p => p.Value).Key, auto.Chosen);
            AssertPredictsAsChosen(auto, train, seed: 20 + seed);
            chosen[seed] = auto.Chosen!;
        }

        Assert.Contains("forest+forest-honest", chosen);
    }

    // 20,000 randomized rows with held-out predictions uniform on [0, 0.2), a 20% base rate and the given true uplift, and their calibration.
    private static (UpliftCalibration Calibration, double[] HeldOut) Calibrated(int seed, Func<double, double> trueUplift)
    {
        Random random = new(seed);
        int n = 20_000;
        double[] heldOut = new double[n];
        int[] treated = new int[n];
        float[] outcome = new float[n];
        for (int i = 0; i < n; i++)
        {
            heldOut[i] = random.NextDouble() * 0.2;
            treated[i] = random.Next(2);
            double p = 0.2 + (treated[i] == 1 ? trueUplift(heldOut[i]) : 0);
            outcome[i] = random.NextDouble() < p ? 1 : 0;
        }

        return (UpliftCalibration.Build(heldOut, treated, outcome)!, heldOut);
    }

    // The fitted model predicts as the chosen candidate refitted on every row, or, for a blend, as the mean of both.
    private static void AssertPredictsAsChosen(AutoUpliftModel auto, UpliftTrainingSet train, int seed = 11)
    {
        string[] parts = auto.Chosen!.Split('+');
        double[] expected = new double[train.RowCount];
        foreach (string part in parts)
        {
            AutoUpliftModel.Candidate candidate = AutoUpliftModel.AllCandidates.Single(c => c.ToString() == part);
            IUpliftModel direct = UpliftModels.Create(candidate.Model, new UpliftModelOptions { Seed = seed, HonestForest = candidate.Honest });
            direct.Fit(train);
            double[] predicted = direct.Predict(train.Features, 0);
            for (int r = 0; r < expected.Length; r++)
            {
                expected[r] += predicted[r] / parts.Length;
            }
        }

        double[] actual = auto.Predict(train.Features, 0);
        for (int r = 0; r < expected.Length; r++)
        {
            Assert.Equal(expected[r], actual[r], 12);
        }
    }

    [Fact]
    public void Fit_WithoutRefit_PredictsTheMeanOfItsFoldModelsAndSavesAsOneModel()
    {
        UpliftTrainingSet train = UpliftModelTests.Synthetic(6_000, 3);
        AutoUpliftModel auto = new(new UpliftModelOptions { Seed = 11 }, [new AutoUpliftModel.Candidate(UpliftModels.XLearner, false)], folds: 2, refit: false);

        auto.Fit(train);

        // The fold models, trained as the fit trains them: on the other fold's rows, with the seed of the fold.
        int[] fold = AutoUpliftModel.Folds(train, 2, 11);
        double[] mean = new double[train.RowCount];
        for (int f = 0; f < 2; f++)
        {
            int[] rows = [.. Enumerable.Range(0, train.RowCount).Where(r => fold[r] != f)];
            IUpliftModel part = UpliftModels.Create(UpliftModels.XLearner, new UpliftModelOptions { Seed = 11 + (97 * f) });
            part.Fit(UpliftModelTests.Subset(train, rows));
            double[] predicted = part.Predict(train.Features, 0);
            for (int r = 0; r < mean.Length; r++)
            {
                mean[r] += predicted[r] / 2;
            }
        }

        double[] averaged = auto.Predict(train.Features, 0);
        for (int r = 0; r < mean.Length; r++)
        {
            Assert.True(Math.Abs(mean[r] - averaged[r]) <= 1e-12, $"row {r}: {averaged[r]:R} against the folds' mean {mean[r]:R}");
        }

        Assert.Equal(UpliftModels.XLearner, auto.Inner.Name);
        Assert.Equal(2, auto.Inner.AveragedFits);
        Assert.Equal(1.0, auto.GetFeatureImportance(0).Sum(p => p.Value), 9);
        Assert.NotEqual("noise", auto.GetFeatureImportance(0)[0].Key);

        using MemoryStream stream = new();
        UpliftModelFile.Save(auto, stream);
        Assert.Contains("\"averaged_fits\":2", System.Text.Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
        stream.Position = 0;
        IUpliftModel loaded = UpliftModelFile.Load(stream, "memory");
        Assert.Equal(averaged, loaded.Predict(train.Features, 0));
        Assert.Equal(2, ((TreeUpliftModel)loaded).AveragedFits);
    }

    [Fact]
    public void SingleFit_FileHasNoAveragedFitsAndLoadsAsOne()
    {
        UpliftTrainingSet train = UpliftModelTests.Synthetic(3_000, 5);
        IUpliftModel model = UpliftModels.Create(UpliftModels.TLearner, new UpliftModelOptions { Seed = 2 });
        model.Fit(train);

        using MemoryStream stream = new();
        UpliftModelFile.Save(model, stream);
        Assert.DoesNotContain("averaged_fits", System.Text.Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
        stream.Position = 0;

        Assert.Equal(1, ((TreeUpliftModel)UpliftModelFile.Load(stream, "memory")).AveragedFits);
    }

    [Fact]
    public void Average_ModelsOfDifferentLearners_IsRefused()
    {
        UpliftTrainingSet train = UpliftModelTests.Synthetic(3_000, 5);
        TreeUpliftModel t = new(UpliftModels.TLearner, new UpliftModelOptions { Seed = 2 });
        TreeUpliftModel x = new(UpliftModels.XLearner, new UpliftModelOptions { Seed = 2 });
        t.Fit(train);
        x.Fit(train);

        Assert.Throws<ArgumentException>(() => TreeUpliftModel.Average([t, x]));
    }

    [Fact]
    public void Folds_AreStratifiedByArmAndOutcome()
    {
        UpliftTrainingSet train = UpliftModelTests.Synthetic(3_000, 4);

        int[] fold = AutoUpliftModel.Folds(train, 3, 1);

        foreach (int arm in new[] { 0, 1 })
        {
            foreach (float y in new[] { 0f, 1f })
            {
                int[] counts = new int[3];
                for (int r = 0; r < fold.Length; r++)
                {
                    if (train.Treatment[r] == arm && train.Outcome[r] == y)
                    {
                        counts[fold[r]]++;
                    }
                }

                Assert.True(counts.Max() - counts.Min() <= 1, string.Join(",", counts));
            }
        }
    }

    [Fact]
    public void Calibration_MeasuresAMiscalibratedModelAndWidensItsInterval()
    {
        // The true uplift is half the prediction: the model over-predicts.
        (UpliftCalibration calibration, double[] heldOut) = Calibrated(seed: 5, trueUplift: predicted => predicted / 2);
        double[] high = [.. heldOut.Where(u => u > 0.15)];

        (double low, double up) = calibration.MeanInterval(high, high.Length);

        double mean = high.Average();
        Assert.True(low < mean / 2 + 0.01 && mean / 2 < up, $"[{low:F3}, {up:F3}] should reach the true {mean / 2:F3}");
        (double memberLow, double memberHigh) = calibration.MemberInterval(0.18);
        Assert.True(memberLow < 0.1 && memberHigh > 0.18);
    }

    [Fact]
    public void Calibration_WidensTheIntervalByTheShareOutsideTheSupportTimesTheMeasuredSpread()
    {
        // Calibrated: the true uplift is the prediction, from 0 to 0.2 across the groups.
        (UpliftCalibration calibration, double[] heldOut) = Calibrated(seed: 11, trueUplift: predicted => predicted);
        double[] members = [.. heldOut.Take(2_000)];

        (double low, double high) = calibration.MeanInterval(members, members.Length);
        (double lowOutside, double highOutside) = calibration.MeanInterval(members, members.Length, outsideShare: 0.4);

        // The groups' observed uplift spans about 0.2: their standard deviation is near that of a uniform's means.
        double expectedSpread = Math.Sqrt(calibration.Observed.Select(o => (o - calibration.Observed.Average()) * (o - calibration.Observed.Average())).Sum() / (calibration.Observed.Length - 1));
        Assert.Equal(expectedSpread, calibration.Spread, 12);
        Assert.InRange(calibration.Spread, 0.04, 0.08);
        double half = (high - low) / 2, halfOutside = (highOutside - lowOutside) / 2;
        double added = 0.4 * calibration.Spread * UpliftCalibration.Z90;
        Assert.Equal(Math.Sqrt((half * half) + (added * added)), halfOutside, 12);
        Assert.Equal((low + high) / 2, (lowOutside + highOutside) / 2, 12);
        (double memberLow, double memberHigh) = calibration.MemberInterval(0.1);
        (double outsideLow, double outsideHigh) = calibration.MemberInterval(0.1, outside: true);
        Assert.True(outsideLow < memberLow && outsideHigh > memberHigh);
        Assert.Throws<ArgumentOutOfRangeException>(() => calibration.MeanInterval(members, members.Length, outsideShare: 1.5));
    }

    [Fact]
    public void TreatedSupport_FlagsRowsOutsideTheTreatedRangeAndLevels()
    {
        UpliftTrainingSet train = UpliftModelTests.Synthetic(5_000, 6);
        int[] treatedRows = [.. Enumerable.Range(0, train.RowCount).Where(r => train.Treatment[r] == 1)];
        TreatedSupport support = TreatedSupport.Build(train.Features, treatedRows, ["score", "region"]);
        UpliftDataset probe = new(4);
        probe.AddNumeric("score", [0.5f, 1.5f, float.NaN, 0.5f]);
        probe.AddCategorical("region", [0, 0, 1, 0], ["north", "south", "mars"]);

        bool[] outside = support.Outside(probe);

        // In range and level seen; above the 99th percentile; missing (10% of treated rows are) in a seen level; ok.
        Assert.False(outside[0]);
        Assert.True(outside[1]);
        Assert.False(outside[2]);
        Assert.False(outside[3]);
        UpliftDataset unseen = new(1);
        unseen.AddNumeric("score", [0.5f]);
        unseen.AddCategorical("region", [0], ["mars"]);
        Assert.True(support.Outside(unseen)[0]);
    }

    [Fact]
    public void MarkTies_TriggersWhoseIntervalOverlapsTheTopOneAreTiedAndSaySo()
    {
        List<TriggerSuggestion> ranked =
        [
            Suggestion("a", 0.030, 0.020, 0.040),
            Suggestion("b", 0.025, 0.015, 0.035),
            Suggestion("c", 0.010, 0.005, 0.015),
        ];

        StoreTriggerRanker.MarkTies(ranked);

        Assert.True(ranked[0].TiedWithBest);
        Assert.Contains("Tied with b", ranked[0].Rationale, StringComparison.Ordinal);
        Assert.True(ranked[1].TiedWithBest);
        Assert.Contains("Tied with the top-ranked a", ranked[1].Rationale, StringComparison.Ordinal);
        Assert.False(ranked[2].TiedWithBest);
        Assert.DoesNotContain("Tied", ranked[2].Rationale, StringComparison.Ordinal);
    }

    private static TriggerSuggestion Suggestion(string trigger, double mean, double low, double high) => new()
    {
        Trigger = trigger,
        PredictedUplift = mean,
        ExpectedIncrementalConversions = mean * 1000,
        SegmentSizeAfterTrigger = 1000,
        Rationale = "Predicted.",
        PredictedUpliftInterval = new Interval(mean, low, high),
    };
}

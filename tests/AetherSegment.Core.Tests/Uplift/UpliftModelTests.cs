using System.Globalization;
using System.Text;
using AetherSegment.Tests;
using AetherSegment.Uplift;

namespace AetherSegment.Core.Tests.Uplift;

public sealed class UpliftModelTests
{
    /// <summary>A randomized experiment where the treatment helps only in region "north" and rows with a high score; 10% of scores are missing.</summary>
    internal static UpliftTrainingSet Synthetic(int rows, int seed)
    {
        Random random = new(seed);
        float[] score = new float[rows], region = new float[rows], noise = new float[rows], y = new float[rows];
        int[] t = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            region[i] = random.Next(3);
            score[i] = random.NextDouble() < 0.1 ? float.NaN : (float)random.NextDouble();
            noise[i] = (float)random.NextDouble();
            t[i] = random.Next(2);
            double p = 0.2 + (0.1 * noise[i]);
            if (t[i] == 1 && region[i] == 0)
            {
                p += 0.25;
            }

            if (t[i] == 1 && (float.IsNaN(score[i]) || score[i] > 0.7f))
            {
                p += 0.15;
            }

            y[i] = random.NextDouble() < p ? 1 : 0;
        }

        UpliftDataset features = new(rows);
        features.AddNumeric("score", score);
        features.AddCategorical("region", region, ["north", "south", "west"]);
        features.AddNumeric("noise", noise);
        return new UpliftTrainingSet(features, t, y, ["mail"], "none");
    }

    [Theory]
    [InlineData(UpliftModels.TLearner)]
    [InlineData(UpliftModels.XLearner)]
    [InlineData(UpliftModels.Forest)]
    [InlineData(UpliftModels.ClassTransformation)]
    [InlineData(UpliftModels.Ensemble)]
    public void Fit_CategoricalAndMissingEffects_RecoversWhoResponds(string name)
    {
        UpliftTrainingSet train = Synthetic(20_000, 1);
        IUpliftModel model = UpliftModels.Create(name, new UpliftModelOptions { Seed = 7 });

        model.Fit(train);
        UpliftDataset probe = new(4);
        probe.AddNumeric("score", [0.1f, 0.1f, float.NaN, 0.9f]);
        probe.AddCategorical("region", [0, 1, 1, 1], ["north", "south", "west"]);
        probe.AddNumeric("noise", [0.5f, 0.5f, 0.5f, 0.5f]);
        double[] uplift = model.Predict(probe, 0);

        Assert.True(uplift[0] > uplift[1] + 0.1, $"north {uplift[0]:F3} vs south {uplift[1]:F3}");
        Assert.True(uplift[2] > uplift[1] + 0.05, $"missing score {uplift[2]:F3} vs low score {uplift[1]:F3}");
        Assert.True(uplift[3] > uplift[1] + 0.05, $"high score {uplift[3]:F3} vs low score {uplift[1]:F3}");
    }

    [Fact]
    public void Fit_SameSeed_GivesIdenticalPredictions()
    {
        UpliftTrainingSet train = Synthetic(5_000, 2);
        IUpliftModel a = UpliftModels.Create(UpliftModels.Ensemble, new UpliftModelOptions { Seed = 3 });
        IUpliftModel b = UpliftModels.Create(UpliftModels.Ensemble, new UpliftModelOptions { Seed = 3 });

        a.Fit(train);
        b.Fit(train);

        Assert.Equal(a.Predict(train.Features, 0), b.Predict(train.Features, 0));
    }

    [Fact]
    public void SaveAndLoad_RoundTrip_ScoresIdentically()
    {
        UpliftTrainingSet train = Synthetic(5_000, 3);
        IUpliftModel model = UpliftModels.Create(UpliftModels.Ensemble);
        model.Fit(train);
        using MemoryStream stream = new();

        UpliftModelFile.Save(model, stream);
        stream.Position = 0;
        IUpliftModel loaded = UpliftModelFile.Load(stream, "memory");

        Assert.Equal(model.Predict(train.Features, 0), loaded.Predict(train.Features, 0));
        Assert.Equal(["mail"], loaded.Treatments);
        Assert.Equal("region", loaded.GetFeatureImportance(0)[0].Key);
    }

    [Fact]
    public void Load_OtherFormatVersion_IsAClearInputError()
    {
        UpliftTrainingSet train = Synthetic(2_000, 4);
        IUpliftModel model = UpliftModels.Create(UpliftModels.TLearner);
        model.Fit(train);
        using MemoryStream stream = new();
        UpliftModelFile.Save(model, stream);
        string json = Encoding.UTF8.GetString(stream.ToArray()).Replace("\"format_version\":1", "\"format_version\":99", StringComparison.Ordinal);

        AetherSegmentInputException error = Assert.Throws<AetherSegmentInputException>(() => UpliftModelFile.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "old.json"));

        Assert.Contains("format_version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_MissingFeatureColumn_NamesTheColumn()
    {
        UpliftTrainingSet train = Synthetic(2_000, 5);
        IUpliftModel model = UpliftModels.Create(UpliftModels.ClassTransformation);
        model.Fit(train);
        UpliftDataset partial = new(1);
        partial.AddNumeric("score", [0.5f]);

        AetherSegmentInputException error = Assert.Throws<AetherSegmentInputException>(() => model.Predict(partial, 0));

        Assert.Equal("region", error.Field);
    }

    [Fact]
    public void Fit_SeveralTreatments_PredictsEachAgainstControl()
    {
        Random random = new(9);
        int n = 12_000;
        float[] x = new float[n], y = new float[n];
        int[] t = new int[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = (float)random.NextDouble();
            t[i] = random.Next(3);
            double p = 0.2 + (t[i] == 1 && x[i] > 0.5 ? 0.3 : 0) + (t[i] == 2 && x[i] <= 0.5 ? 0.3 : 0);
            y[i] = random.NextDouble() < p ? 1 : 0;
        }

        UpliftDataset features = new(n);
        features.AddNumeric("x", x);
        IUpliftModel model = UpliftModels.Create(UpliftModels.TLearner);
        model.Fit(new UpliftTrainingSet(features, t, y, ["high", "low"], "none"));
        UpliftDataset probe = new(2);
        probe.AddNumeric("x", [0.9f, 0.1f]);

        double[] high = model.Predict(probe, 0), low = model.Predict(probe, 1);

        Assert.True(high[0] > high[1] + 0.15);
        Assert.True(low[1] > low[0] + 0.15);
    }

    [Fact]
    public void Hillstrom_WomensVisit_DefaultModelBeatsSklearnBestBaselineByFivePercent()
    {
        UpliftDataset table = UpliftCsv.Read(TestPaths.Hillstrom);
        UpliftTrainingSet all = UpliftTrainingSet.FromTable(table, "segment", ["Womens E-Mail"], "No E-Mail", "visit", ["conversion", "spend"]);
        int[] strata = new int[all.RowCount];
        for (int i = 0; i < strata.Length; i++)
        {
            strata[i] = (2 * all.Treatment[i]) + (int)all.Outcome[i];
        }

        (int[] trainRows, int[] testRows) = UpliftSplit.Stratified(strata, 0.5, 1);
        UpliftTrainingSet train = Subset(all, trainRows);
        UpliftTrainingSet test = Subset(all, testRows);
        IUpliftModel model = UpliftModels.Create();

        model.Fit(train);
        double[] uplift = model.Predict(test.Features, 0);
        double qini = UpliftMetrics.QiniCoefficient(test.Outcome, uplift, test.Treatment);

        Assert.True(qini >= 0.0462, string.Create(CultureInfo.InvariantCulture, $"Qini {qini:F4}"));
        Assert.True(UpliftMetrics.UpliftAtK(test.Outcome, uplift, test.Treatment, 0.3) > 0.059);
    }

    internal static UpliftTrainingSet Subset(UpliftTrainingSet all, int[] rows)
    {
        int[] t = new int[rows.Length];
        float[] y = new float[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            t[i] = all.Treatment[rows[i]];
            y[i] = all.Outcome[rows[i]];
        }

        return new UpliftTrainingSet(all.Features.SelectRows(rows), t, y, all.TreatmentNames, all.ControlName);
    }
}

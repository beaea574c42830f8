using System.Globalization;
using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.DuckDB;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Tests;
using AetherSegment.Uplift;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace AetherSegment.Cli.Tests.Uplift;

/// <summary>A generated store shared by the ranking tests (generation takes a few seconds).</summary>
public sealed class GeneratedStoreFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset AsOf = GeneratedRetailers.AsOf;

    public string Path { get; private set; } = string.Empty;

    public async Task InitializeAsync() => Path = await GeneratedRetailers.PathAsync(40_000, 5);

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed partial class StoreTriggerRankerTests(GeneratedStoreFixture store, ITestOutputHelper output) : IClassFixture<GeneratedStoreFixture>
{
    private StoreTriggerRanker Ranker(string? model = null) => new(
        new DuckDBDataStore(store.Path),
        HomeFurnishingProfile.Load(),
        new FakeTimeProvider(GeneratedStoreFixture.AsOf),
        NullLogger<StoreTriggerRanker>.Instance,
        // Training waits are bounded by the machine's load, not the method: generous timeouts (auto cross-validates).
        Options.Create(new TriggerRankingOptions { Model = model, Timeout = TimeSpan.FromHours(1), TrainingTimeout = TimeSpan.FromHours(1) }));

    private static readonly SqlStatement Everyone = new("SELECT customer_id FROM customers");

    private async Task<Dictionary<(string, string), double>> TruthAsync()
    {
        DuckDBDataStore data = new(store.Path);
        QueryResult truth = await data.QueryAsync(new SqlStatement("SELECT customer_id, trigger_type, true_uplift FROM ground_truth_uplift"));
        Dictionary<(string, string), double> map = [];
        foreach (object?[] row in truth.Rows)
        {
            map[((string)row[0]!, (string)row[1]!)] = Convert.ToDouble(row[2], CultureInfo.InvariantCulture);
        }

        return map;
    }

    [Fact]
    public async Task Rank_FollowsTheGeneratorsGroundTruth()
    {
        StoreTriggerRanker ranker = Ranker();
        SqlStatement segment = new("SELECT customer_id FROM customers WHERE country = $country", [QueryParameter.String("country", "United States")]);

        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        IReadOnlyList<TriggerSuggestion> ranked = await ranker.RankAsync(segment);
        double trainAndRankSeconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        (_, StoreTriggerRanker.TriggerModels models) = await ranker.VersionedModelsAsync(CancellationToken.None);
        int featureCount = Enumerable.Range(0, ranker.Profile.Triggers.Count).Select(t => models.Get(t)?.Model.Features.Count ?? 0).Max();
        StoreTriggerRanker.MemberUplift members = await ranker.ScoreMembersAsync(segment);
        Dictionary<(string, string), double> truth = await TruthAsync();

        Assert.Equal(8, ranked.Count);
        double[] trueMean = new double[8], predictedMean = new double[8];
        List<double> pooledPredicted = [], pooledTrue = [], correlations = [];
        List<string> report = [];
        IReadOnlyList<AetherSegment.Profiles.TriggerDefinition> triggers = ranker.Profile.Triggers;
        for (int t = 0; t < triggers.Count; t++)
        {
            string trigger = triggers[t].Id;
            double[] actual = new double[members.CustomerIds.Length];
            for (int i = 0; i < actual.Length; i++)
            {
                actual[i] = truth[(members.CustomerIds[i], trigger)];
            }

            trueMean[t] = actual.Average();
            predictedMean[t] = members.Uplift[t].Average();
            pooledPredicted.AddRange(members.Uplift[t]);
            pooledTrue.AddRange(actual);
            double r = RankCorrelation.Pearson(members.Uplift[t], actual);
            correlations.Add(r);
            report.Add(string.Create(CultureInfo.InvariantCulture, $"{trigger} {r:F3}"));
        }

        // Per customer, the predicted uplift must track the true uplift for every trigger, and the triggers' mean
        // predicted uplift must rank like their mean true uplift. The bars hold with a margin on generator seeds 5 to 8
        // (measured at 40,000 customers: lowest trigger 0.24-0.42, mean 0.55-0.65, pooled 0.67-0.72, Spearman
        // 0.86-0.93; docs/uplift.md), so they test the method, not one lucky draw.
        string trueBest = triggers[Enumerable.Range(0, triggers.Count).OrderByDescending(t => trueMean[t]).First()].Id;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"figures: spearman={RankCorrelation.Spearman(predictedMean, trueMean):F3} pooled={RankCorrelation.Pearson([.. pooledPredicted], [.. pooledTrue]):F3} mean_r={correlations.Average():F3} min_r={correlations.Min():F3} top_ranked={ranked[0].Trigger} true_top={trueBest} features={featureCount} train_and_rank_s={trainAndRankSeconds:F1}"));
        output.WriteLine("per-trigger: " + string.Join("; ", report));
        Assert.True(correlations.All(r => r > 0.15), "per-customer correlations: " + string.Join("; ", report));
        Assert.True(correlations.Average() > 0.45, "per-customer correlations: " + string.Join("; ", report));
        double rho = RankCorrelation.Spearman(predictedMean, trueMean);
        double pooled = RankCorrelation.Pearson([.. pooledPredicted], [.. pooledTrue]);
        Assert.True(pooled > 0.55, $"pooled per-customer, per-trigger correlation {pooled:F2}");
        Assert.True(rho >= 0.7, $"rank correlation of mean uplift per trigger {rho:F2}; predicted {string.Join(", ", predictedMean.Select(v => v.ToString("F4", CultureInfo.InvariantCulture)))}; true {string.Join(", ", trueMean.Select(v => v.ToString("F4", CultureInfo.InvariantCulture)))}");
        Assert.Equal(ranked.Select(s => s.ExpectedIncrementalConversions).OrderByDescending(v => v), ranked.Select(s => s.ExpectedIncrementalConversions));
        TriggerSuggestion best = ranked[0];
        Assert.True(best.SegmentSizeAfterTrigger > 0 && best.SegmentSizeAfterTrigger <= members.CustomerIds.Length);
        Assert.True(best.ExpectedIncrementalRevenue > 0);
        Assert.Contains("driven most by", best.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rank_SecondCall_ReusesTrainedModels()
    {
        StoreTriggerRanker ranker = Ranker(UpliftModels.ClassTransformation);
        // Segment statements bind their own parameters (here one named as_of, as the segment compiler's do): no clash.
        SqlStatement segment = new("SELECT customer_id FROM customers WHERE clv_score >= $clv AND created_at < $as_of",
            [QueryParameter.Float64("clv", 0.5), QueryParameter.Timestamp("as_of", GeneratedStoreFixture.AsOf)]);

        IReadOnlyList<TriggerSuggestion> first = await ranker.RankAsync(segment);
        IReadOnlyList<TriggerSuggestion> second = await ranker.RankAsync(segment);

        Assert.Equal(first, second);
        Assert.True(first[0].SegmentSizeAfterTrigger > 0);
    }

    [Fact]
    public async Task TrainingFeatures_AreComputedAsOfEachCampaignSend()
    {
        DuckDBDataStore data = new(store.Path);
        UpliftFeatureSet features = await UpliftFeatureSet.LoadAsync(data, HomeFurnishingProfile.Load(), CancellationToken.None);
        QueryResult rows = await data.QueryAsync(UpliftFeatureQuery.Training(SqlDialect.DuckDB, features, new TriggerRankingOptions().TrainingRowsPerArm));
        QueryResult late = await data.QueryAsync(new SqlStatement("""
            SELECT COUNT(*) FROM campaign_history h JOIN transactions t ON t.customer_id = h.customer_id AND t.transaction_date >= h.sent_at
            """));

        int tenure = rows.IndexOf("days_since_order");
        Assert.True(rows.Rows.Count > 10_000);
        Assert.All(rows.Rows, r => Assert.True(r[tenure] is null || Convert.ToDouble(r[tenure], CultureInfo.InvariantCulture) > 0));
        Assert.True(Convert.ToInt64(late.Scalar(), CultureInfo.InvariantCulture) > 0, "the data has purchases after sends, which the query must not count");
    }
}

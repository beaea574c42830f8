using System.Globalization;
using AetherSegment.Data;
using AetherSegment.DuckDB.Loading;
using AetherSegment.DuckDB.Tests.Loading;
using AetherSegment.DuckDB.Tests.Segments;
using AetherSegment.Experiments;
using AetherSegment.Interpretation;
using AetherSegment.Segments;
using AetherSegment.Synthetic.Campaigns;
using AetherSegment.Synthetic.Generation;
using AetherSegment.Tests;
using AetherSegment.Uplift;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AetherSegment.DuckDB.Tests.Experiments;

/// <summary>
/// The learning loop on generated data with known truth: a measured campaign is appended to the campaign history as
/// treatment and control rows, the data version changes, the ranker retrains, and its per-member ranking of the
/// trigger's uplift agrees better with the generator's true uplift than before.
/// </summary>
public sealed class LearningLoopDuckDBTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset AsOf = GeneratedDatabase.AsOf;

    private static async Task GenerateAsync(string path)
    {
        await using IDataSink sink = await new DuckDBDataSinkFactory(path).CreateAsync(replaceExisting: false);
        await new SyntheticDataGenerator().GenerateAsync(sink, new GenerationRequest { Customers = 10_000, Seed = 11, AsOf = AsOf });
    }

    [Fact]
    public async Task FeedBack_MeasuredCampaign_RetrainsAndRanksCloserToTheTruth()
    {
        const string trigger = "exclusive_access";
        await using EngineHost host = await EngineHost.CreateAsync(0, "loop.duckdb", GenerateAsync, AsOf.AddHours(1));
        ExperimentService experiments = host.Services.GetRequiredService<ExperimentService>();
        StoreTriggerRanker ranker = Assert.IsType<StoreTriggerRanker>(host.Services.GetRequiredService<ITriggerRanker>());
        CampaignObjective everyone = new() { Objective = "Everyone, early access", SuggestedTrigger = trigger, Confidence = 0.9 };
        StoredSegment segment = await host.Engine.CreateAsync(everyone, trigger, null, HoldoutAssignment.Create(0.5, "loop"), CancellationToken.None);
        SqlStatement members = new("SELECT customer_id FROM segment_members WHERE segment_id = $s ORDER BY customer_id", [QueryParameter.String("s", segment.SegmentId)]);
        Dictionary<string, double> truth = await TruthAsync(host.Store, trigger);
        double before = await SpearmanAsync(ranker, members, truth, trigger);
        double rowsBefore = await host.Store.ScalarAsync("SELECT COUNT(*) FROM campaign_history");
        int trainings = ranker.Trainings;

        CampaignSimulation played = await new CampaignSimulator(host.Store, host.Services.GetRequiredService<ISegmentStore>(), new DuckDBDataAppender(host.Store))
            .SimulateAsync(segment.SegmentId, 14);
        AetherSegmentInputException early = await Assert.ThrowsAsync<AetherSegmentInputException>(() => experiments.FeedBackAsync(segment.SegmentId, 14));
        Assert.Contains("attribution window", early.Message, StringComparison.Ordinal);
        host.Time.Advance(TimeSpan.FromDays(15));
        CampaignFeedback fed = await experiments.FeedBackAsync(segment.SegmentId, 14);

        Assert.Equal(played.Treated.Members, fed.TreatmentRows);
        Assert.Equal(played.Holdout.Members, fed.ControlRows);
        Assert.Equal(rowsBefore + segment.Size, await host.Store.ScalarAsync("SELECT COUNT(*) FROM campaign_history"));
        // Fed back as converted: every member with an order in the window (the simulated ones and any the history held).
        HashSet<string> converted = await CalibrationDuckDBTests.CustomersWithOrdersAsync(host.Store, segment.CreatedAt, segment.CreatedAt.AddDays(14), simulatedOnly: false);
        HashSet<string> memberIds = [.. (await host.Store.QueryAsync(members)).Rows.Select(r => (string)r[0]!)];
        Assert.True(played.Treated.Conversions + played.Holdout.Conversions <= memberIds.Count(converted.Contains));
        Assert.Equal(memberIds.Count(converted.Contains),
            await host.Store.ScalarAsync($"SELECT COUNT(*) FROM campaign_history WHERE campaign_id = '{segment.SegmentId}' AND converted"));
        Assert.Equal(played.Holdout.Members,
            await host.Store.ScalarAsync($"SELECT COUNT(*) FROM campaign_history WHERE campaign_id = '{segment.SegmentId}' AND \"group\" = 'control'"));
        AetherSegmentInputException twice = await Assert.ThrowsAsync<AetherSegmentInputException>(() => experiments.FeedBackAsync(segment.SegmentId, 14));
        Assert.Contains("fed back to the campaign history already", twice.Message, StringComparison.Ordinal);

        double after = await SpearmanAsync(ranker, members, truth, trigger);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Spearman(predicted, true uplift of {trigger}) over {segment.Size} members: {before:0.000} before, {after:0.000} after the campaign was fed back"));
        Assert.Equal(trainings + 1, ranker.Trainings);
        Assert.True(after > before + 0.02, $"before {before}, after {after}");
    }

    private static async Task<Dictionary<string, double>> TruthAsync(IDataStore store, string trigger)
    {
        QueryResult rows = await store.QueryAsync(new SqlStatement("SELECT customer_id, true_uplift FROM ground_truth_uplift WHERE trigger_type = $t", [QueryParameter.String("t", trigger)]));
        return rows.Rows.ToDictionary(r => (string)r[0]!, r => Convert.ToDouble(r[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }

    private static async Task<double> SpearmanAsync(StoreTriggerRanker ranker, SqlStatement members, Dictionary<string, double> truth, string trigger)
    {
        StoreTriggerRanker.MemberUplift scored = await ranker.ScoreMembersAsync(members, AsOf);
        int t = ranker.Profile.Triggers.Select((d, i) => (d, i)).First(x => x.d.Id == trigger).i;
        double[] predicted = scored.Uplift[t];
        double[] actual = [.. scored.CustomerIds.Select(id => truth[id])];
        return RankCorrelation.Spearman(predicted, actual);
    }
}

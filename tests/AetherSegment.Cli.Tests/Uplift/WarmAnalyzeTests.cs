using System.Globalization;
using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.DuckDB;
using AetherSegment.Interpretation;
using AetherSegment.Segments;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Tests;
using AetherSegment.Uplift;
using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AetherSegment.Cli.Tests.Uplift;

/// <summary>
/// What a warm analyze no longer repeats (issues 14 and 19): the campaign history's full checksum, the per-member
/// trigger flags, the per-request feature query (with the audience snapshot); each shortcut gives the answer the
/// long way gives.
/// </summary>
public sealed class WarmAnalyzeTests(GeneratedStoreFixture store) : IClassFixture<GeneratedStoreFixture>
{
    private static readonly AetherSegment.Profiles.BusinessProfile Demo = AetherSegment.Synthetic.Profiles.HomeFurnishingProfile.Load();
    private static readonly string[] TriggerIds = [.. Demo.Triggers.Select(t => t.Id)];
    private static readonly SegmentCondition?[] Triggers = [.. Demo.Triggers.Select(t => TriggerEligibilityFilter.ConditionOf(Demo, t))];

    private static CampaignObjective Churn() => new()
    {
        Objective = "Win back customers at risk of churning with free shipping",
        CampaignType = CampaignType.WinBack,
        Audience = new Audience { ChurnRisk = ChurnRisk.High },
        Incentive = new Incentive { Type = IncentiveType.FreeShipping },
        SuggestedTrigger = "free_shipping_offer",
        Confidence = 0.9,
    };

    private string CopyOfStore()
    {
        string copy = Path.Combine(TestPaths.NewTempDirectory(), "copy.duckdb");
        File.Copy(store.Path, copy);
        return copy;
    }

    private static ServiceProvider Services(string path, TimeSpan? snapshotLag, int? sample = 50_000) =>
        new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(GeneratedStoreFixture.AsOf))
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .Configure<TriggerRankingOptions>(o =>
            {
                o.Model = UpliftModels.ClassTransformation;
                o.TrainingRowsPerArm = 2_000;
                o.ModelDirectory = path + ".models";
                o.ScoringSampleSize = sample;
                o.AudienceSnapshotMaxLag = snapshotLag;
            })
            .AddAetherSegment().UseProfile(HomeFurnishingProfile.Load()).AddDuckDB(o => o.Path = path).Services
            .BuildServiceProvider();

    private static async Task<int> ExecuteAsync(string path, string sql)
    {
        await using DuckDBConnection connection = await new DuckDBDataStore(path).OpenAsync();
        await using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> FullChecksumAsync(IDataStore data)
    {
        QueryResult result = await data.QueryAsync(UpliftFeatureQuery.DataVersion(data.Dialect, HomeFurnishingProfile.Load()));
        return string.Join('|', result.Rows[0].Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task DataVersion_ChangesWithEveryCampaignHistoryEdit_AndSkipsTheFullScanOtherwise()
    {
        string path = CopyOfStore();
        DuckDBDataStore data = new(path);
        StoreTriggerRanker ranker = new(data, HomeFurnishingProfile.Load(), new FakeTimeProvider(GeneratedStoreFixture.AsOf), NullLogger<StoreTriggerRanker>.Instance,
            Microsoft.Extensions.Options.Options.Create(new TriggerRankingOptions()));
        List<string> versions = [];

        async Task<string> VersionAsync()
        {
            string version = await ranker.DataVersionAsync(CancellationToken.None);
            Assert.Equal(await FullChecksumAsync(data), version);   // the shortcut never answers what the full scan would not
            versions.Add(version);
            return version;
        }

        string first = await VersionAsync();
        Assert.Equal(first, await VersionAsync());
        Assert.Equal(1, ranker.DataVersionScans);

        // Other tables change: the version does not, and no full scan runs.
        await ExecuteAsync(path, "INSERT INTO behavioral_events SELECT * REPLACE ('E-warm-1' AS event_id) FROM behavioral_events LIMIT 1");
        Assert.Equal(first, await VersionAsync());
        Assert.Equal(1, ranker.DataVersionScans);

        // One outcome flipped, then a second one in the same column segment, then a revenue edit: each a new version.
        Assert.Equal(1, await ExecuteAsync(path, "UPDATE campaign_history SET converted = NOT converted WHERE rowid = 5"));
        string flipped = await VersionAsync();
        Assert.Equal(1, await ExecuteAsync(path, "UPDATE campaign_history SET converted = NOT converted WHERE rowid = 6"));
        string flippedTwice = await VersionAsync();
        Assert.Equal(1, await ExecuteAsync(path, "UPDATE campaign_history SET revenue = COALESCE(revenue, 0) + 1 WHERE rowid = 7"));
        string revenue = await VersionAsync();
        await ExecuteAsync(path, "CHECKPOINT");
        Assert.Equal(revenue, await VersionAsync());

        // After the checkpoint the layout is trusted again: an unchanged table skips the scan; an append and a delete do not.
        int scans = ranker.DataVersionScans;
        Assert.Equal(revenue, await VersionAsync());
        Assert.Equal(scans, ranker.DataVersionScans);
        Assert.Equal(1, await ExecuteAsync(path, "INSERT INTO campaign_history SELECT * FROM campaign_history WHERE rowid = 8"));
        string appended = await VersionAsync();
        Assert.Equal(1, await ExecuteAsync(path, "DELETE FROM campaign_history WHERE rowid = 9"));
        string deleted = await VersionAsync();

        Assert.Equal(6, new[] { first, flipped, flippedTwice, revenue, appended, deleted }.Distinct().Count());
    }

    [Fact]
    public async Task TriggerCounts_CountedInSql_EqualThePerMemberFlags()
    {
        string path = CopyOfStore();
        await using ServiceProvider services = Services(path, snapshotLag: null);
        IDataStore data = services.GetRequiredService<IDataStore>();
        ISegmentEngine engine = services.GetRequiredService<ISegmentEngine>();
        CampaignAnalysis analysis = await engine.AnalyzeAsync(Churn());
        SegmentDefinition definition = new() { Filters = analysis.SegmentPreview.Filters, AsOf = analysis.SegmentPreview.AsOf };

        // The long way: one row of flags per member, counted here.
        QueryResult flags = await data.QueryAsync(SegmentSqlCompiler.TriggerFlags(HomeFurnishingProfile.Load(), definition, data.Dialect, Triggers));
        long[] expected = new long[Triggers.Length];
        foreach (object?[] row in flags.Rows)
        {
            for (int i = 0; i < Triggers.Length; i++)
            {
                expected[i] += row[flags.IndexOf("t" + i.ToString(CultureInfo.InvariantCulture))] is true ? 1 : 0;
            }
        }

        Assert.True(flags.Rows.Count > 1_000);
        Assert.Contains(expected, n => n > 0 && n < flags.Rows.Count);
        SegmentEngine.TriggerFlagCounts all = await SegmentEngine.TriggerFlagCountsAsync(HomeFurnishingProfile.Load(), data, definition, Triggers, null, CancellationToken.None);
        SegmentEngine.TriggerFlagCounts sampled = await SegmentEngine.TriggerFlagCountsAsync(HomeFurnishingProfile.Load(), data, definition, Triggers, 300, CancellationToken.None);
        Assert.Equal(expected, all.Counts);
        Assert.Equal(expected, sampled.Counts);
        Assert.Equal(flags.Rows.Count, all.Sampled.Count);
        Assert.Equal(300, sampled.Sampled.Count);
        foreach ((string id, bool[] kept) in sampled.Sampled)
        {
            Assert.Equal(all.Sampled[id], kept);
        }

        // The sample is the ranker's: the first members in DuckDB's hash of the id.
        QueryResult firstByHash = await data.QueryAsync(new SqlStatement(
            $"SELECT m.customer_id FROM ({SegmentSqlCompiler.Members(HomeFurnishingProfile.Load(), definition, data.Dialect).Sql}) m ORDER BY hash(m.customer_id), m.customer_id LIMIT 300",
            SegmentSqlCompiler.Members(HomeFurnishingProfile.Load(), definition, data.Dialect).Parameters));
        Assert.Equal(firstByHash.Rows.Select(r => (string)r[0]!).Order(StringComparer.Ordinal), sampled.Sampled.Keys.Order(StringComparer.Ordinal));

        // And the analysis reports exactly these sizes.
        foreach (TriggerSuggestion suggestion in analysis.TriggerSuggestions)
        {
            Assert.Equal(expected[Array.IndexOf(TriggerIds, suggestion.Trigger)], suggestion.SegmentSizeAfterTrigger);
        }
    }

    [Theory]
    [InlineData(50_000)]
    [InlineData(1_000)]
    public async Task AudienceSnapshot_RanksExactlyAsThePerRequestPath(int sample)
    {
        string path = CopyOfStore();
        await using ServiceProvider perRequest = Services(path, snapshotLag: null, sample);
        CampaignAnalysis expected = await perRequest.GetRequiredService<ISegmentEngine>().AnalyzeAsync(Churn());

        await using ServiceProvider withSnapshot = Services(path, snapshotLag: TimeSpan.FromMinutes(15), sample);
        SegmentEngine engine = (SegmentEngine)withSnapshot.GetRequiredService<ISegmentEngine>();
        StoreTriggerRanker ranker = (StoreTriggerRanker)withSnapshot.GetRequiredService<ITriggerRanker>();
        await engine.WarmUpAsync();
        Assert.Equal(1, engine.AudienceSnapshots(ranker)!.Builds);
        Assert.Equal((0, 1), (ranker.Trainings, ranker.Loads));   // the first provider trained and saved them
        CampaignAnalysis fromSnapshot = await engine.AnalyzeAsync(Churn());

        Assert.Equal(expected.SegmentPreview.Size, fromSnapshot.SegmentPreview.Size);
        Assert.Equal(expected.TriggerSuggestions, fromSnapshot.TriggerSuggestions);
        Assert.Equal(1, engine.AudienceSnapshots(ranker)!.Builds);
        await engine.WarmUpAsync();
        Assert.Equal(1, engine.AudienceSnapshots(ranker)!.Builds);
    }

    [Fact]
    public async Task AudienceSnapshot_MemberAddedAfterTheBuild_AnswersAsThePerRequestPath_AndTheRebuildCountsThem()
    {
        string path = CopyOfStore();
        await using ServiceProvider withSnapshot = Services(path, snapshotLag: TimeSpan.FromMinutes(15), sample: 1_000);
        SegmentEngine engine = (SegmentEngine)withSnapshot.GetRequiredService<ISegmentEngine>();
        StoreTriggerRanker ranker = (StoreTriggerRanker)withSnapshot.GetRequiredService<ITriggerRanker>();
        await engine.WarmUpAsync();
        TriggerAudienceSnapshots snapshots = engine.AudienceSnapshots(ranker)!;
        CampaignAnalysis before = await engine.AnalyzeAsync(Churn());

        // Two new customers at high churn risk: members of the churn segment the snapshot has never seen.
        string[] added = ["C-added-1", "C-added-2"];
        foreach (string id in added)
        {
            await ExecuteAsync(path, $"INSERT INTO customers SELECT * REPLACE ('{id}' AS customer_id) FROM customers ORDER BY customer_id LIMIT 1");
            await ExecuteAsync(path, $"INSERT INTO customer_scores SELECT * REPLACE ('{id}' AS customer_id, 0.97 AS churn_probability) FROM customer_scores ORDER BY customer_id LIMIT 1");
        }

        CampaignAnalysis after = await engine.AnalyzeAsync(Churn());
        await using ServiceProvider perRequest = Services(path, snapshotLag: null, sample: 1_000);
        CampaignAnalysis expected = await perRequest.GetRequiredService<ISegmentEngine>().AnalyzeAsync(Churn());
        Assert.Equal(before.SegmentPreview.Size + 2, after.SegmentPreview.Size);
        Assert.Equal(expected.TriggerSuggestions, after.TriggerSuggestions);

        // The analyze started a rebuild that knows the new members; it then answers, as the per-request path does.
        for (int i = 0; i < 1_200 && snapshots.Builds < 2; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(2, snapshots.Builds);
        Assert.Equal(expected.TriggerSuggestions, (await engine.AnalyzeAsync(Churn())).TriggerSuggestions);
        Assert.Equal(2, snapshots.Builds);
    }

    [Fact]
    public async Task AudienceSnapshot_ServesWithinTheLag_RebuildsPastAThird_AndStepsAsidePastTheLag()
    {
        string path = CopyOfStore();
        await using ServiceProvider services = Services(path, snapshotLag: TimeSpan.FromMinutes(15));
        SegmentEngine engine = (SegmentEngine)services.GetRequiredService<ISegmentEngine>();
        StoreTriggerRanker ranker = (StoreTriggerRanker)services.GetRequiredService<ITriggerRanker>();
        await engine.WarmUpAsync();
        TriggerAudienceSnapshots snapshots = engine.AudienceSnapshots(ranker)!;
        CampaignAnalysis before = await engine.AnalyzeAsync(Churn());
        Assert.Equal(1, snapshots.Builds);

        // A live event one minute after the data's as-of: the snapshot still serves, nothing is rebuilt.
        async Task<DateTimeOffset> AppendEventAsync(TimeSpan after)
        {
            DateTimeOffset at = before.SegmentPreview.AsOf + after;
            await ExecuteAsync(path, $"INSERT INTO behavioral_events SELECT * REPLACE ('E-live-{after.TotalMinutes}' AS event_id, TIMESTAMP '{at.UtcDateTime:yyyy-MM-dd HH:mm:ss}' AS event_timestamp) FROM behavioral_events LIMIT 1");
            return at;
        }

        await AppendEventAsync(TimeSpan.FromMinutes(1));
        CampaignAnalysis oneMinute = await engine.AnalyzeAsync(Churn());
        Assert.Equal(before.TriggerSuggestions, oneMinute.TriggerSuggestions);   // the snapshot's answer
        Assert.Equal(1, snapshots.Builds);

        // Six minutes (past a third of the lag): the snapshot serves and a newer one is built in the background.
        DateTimeOffset sixMinutes = await AppendEventAsync(TimeSpan.FromMinutes(6));
        Assert.Equal(before.TriggerSuggestions, (await engine.AnalyzeAsync(Churn())).TriggerSuggestions);
        await engine.WarmUpAsync();
        Assert.Equal(2, snapshots.Builds);

        // Twenty minutes past that snapshot (past the lag): the per-request path answers, as one without a snapshot does.
        await AppendEventAsync(TimeSpan.FromMinutes(26));
        CampaignAnalysis late = await engine.AnalyzeAsync(Churn());
        await using ServiceProvider perRequest = Services(path, snapshotLag: null);
        CampaignAnalysis expected = await perRequest.GetRequiredService<ISegmentEngine>().AnalyzeAsync(Churn());
        Assert.Equal(expected.TriggerSuggestions, late.TriggerSuggestions);
        Assert.True(late.SegmentPreview.AsOf > sixMinutes);
    }

    /// <summary>
    /// With a snapshot on DuckDB the analyze reads its preview and its members' fingerprints with one statement (issue 19):
    /// the preview equals the preview statement's own, the samples are the members with the highest value score (name and
    /// e-mail joined back by id), and the ranking equals the per-request path's, for objectives with one and two filters,
    /// a purchase window and an abandoned-cart filter (the average cart value).
    /// </summary>
    [Theory]
    [InlineData("Win back customers at risk of churning with free shipping")]
    [InlineData("Re-engage customers with high churn risk who haven't purchased in 90 days using exclusive offers to bring back 15%")]
    [InlineData("Recover abandoned furniture carts from high-value customers in the last 48 hours with a personalized 15% discount")]
    public async Task AudienceSnapshot_OneStatementForPreviewAndMembers_AnswersAsTheSeparateStatements(string objective)
    {
        string path = CopyOfStore();
        await using ServiceProvider withSnapshot = Services(path, snapshotLag: TimeSpan.FromMinutes(15), sample: 1_000);
        SegmentEngine engine = (SegmentEngine)withSnapshot.GetRequiredService<ISegmentEngine>();
        StoreTriggerRanker ranker = (StoreTriggerRanker)withSnapshot.GetRequiredService<ITriggerRanker>();
        IDataStore data = withSnapshot.GetRequiredService<IDataStore>();
        await engine.WarmUpAsync();
        CampaignAnalysis analysis = await engine.InterpretAndAnalyzeAsync(objective);
        Assert.Equal(1, engine.AudienceSnapshots(ranker)!.Builds);

        SegmentDefinition definition = new() { Filters = analysis.SegmentPreview.Filters, AsOf = analysis.SegmentPreview.AsOf };
        SegmentPreview separate = await engine.PreviewAsync(definition);
        Assert.True(analysis.SegmentPreview.Size > 0);
        AssertSameJson(
            System.Text.Json.JsonSerializer.SerializeToNode(separate with { PredictedUplift = null, Trigger = null }),
            System.Text.Json.JsonSerializer.SerializeToNode(analysis.SegmentPreview with { PredictedUplift = null, Trigger = null }));

        // The members the fingerprints stand for are the members statement's, counted and de-duplicated.
        SqlStatement members = SegmentSqlCompiler.Members(Demo, definition, data.Dialect);
        QueryResult top = await data.QueryAsync(new SqlStatement(
            $"SELECT m.customer_id, m.first_name, m.email, COUNT(*) OVER () AS n FROM ({members.Sql}) m ORDER BY m.clv_score DESC, m.customer_id LIMIT 5", members.Parameters));
        Assert.Equal(Convert.ToInt64(top.Rows[0][3], CultureInfo.InvariantCulture), analysis.SegmentPreview.Size);
        Assert.Equal(top.Rows.Select(r => (string)r[0]!), analysis.SegmentPreview.SampleProfiles.Select(p => p.CustomerId));
        Assert.Equal(top.Rows.Select(r => (string?)r[1]), analysis.SegmentPreview.SampleProfiles.Select(p => p.FirstName));
        Assert.Equal(top.Rows.Select(r => SegmentExport.MaskEmail((string?)r[2])), analysis.SegmentPreview.SampleProfiles.Select(p => p.Email));
        Assert.All(analysis.SegmentPreview.SampleProfiles, p => Assert.False(string.IsNullOrEmpty(p.FirstName)));

        await using ServiceProvider perRequest = Services(path, snapshotLag: null, sample: 1_000);
        CampaignAnalysis expected = await perRequest.GetRequiredService<ISegmentEngine>().InterpretAndAnalyzeAsync(objective);
        Assert.Equal(expected.TriggerSuggestions, analysis.TriggerSuggestions);
        Assert.Equal(expected.SegmentPreview.PredictedUplift, analysis.SegmentPreview.PredictedUplift);
    }

    [Fact]
    public async Task AudienceSnapshot_CampaignHistoryEditedAfterTheBuild_RanksPerRequest_WithTheSamePreview()
    {
        string path = CopyOfStore();
        await using ServiceProvider withSnapshot = Services(path, snapshotLag: TimeSpan.FromMinutes(15), sample: 1_000);
        SegmentEngine engine = (SegmentEngine)withSnapshot.GetRequiredService<ISegmentEngine>();
        StoreTriggerRanker ranker = (StoreTriggerRanker)withSnapshot.GetRequiredService<ITriggerRanker>();
        await engine.WarmUpAsync();
        CampaignAnalysis before = await engine.AnalyzeAsync(Churn());

        // A new data version: the snapshot's models no longer apply; the answer is the per-request path's.
        Assert.Equal(1, await ExecuteAsync(path, "UPDATE campaign_history SET converted = NOT converted WHERE rowid = 5"));
        CampaignAnalysis after = await engine.AnalyzeAsync(Churn());
        await using ServiceProvider perRequest = Services(path, snapshotLag: null, sample: 1_000);
        CampaignAnalysis expected = await perRequest.GetRequiredService<ISegmentEngine>().AnalyzeAsync(Churn());
        Assert.Equal(expected.TriggerSuggestions, after.TriggerSuggestions);
        Assert.Equal(before.SegmentPreview.Size, after.SegmentPreview.Size);
        Assert.Equal(before.SegmentPreview.SampleProfiles.Select(p => p.CustomerId), after.SegmentPreview.SampleProfiles.Select(p => p.CustomerId));
    }

    /// <summary>Equal JSON, numbers equal to a relative 1e-9 (the engine sums in parallel, so the last bits may differ).</summary>
    private static void AssertSameJson(System.Text.Json.Nodes.JsonNode? expected, System.Text.Json.Nodes.JsonNode? actual, string at = "$")
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, at);
                break;
            case System.Text.Json.Nodes.JsonObject o:
                System.Text.Json.Nodes.JsonObject a = Assert.IsType<System.Text.Json.Nodes.JsonObject>(actual);
                Assert.Equal(o.Select(p => p.Key).Order(StringComparer.Ordinal), a.Select(p => p.Key).Order(StringComparer.Ordinal));
                foreach ((string key, System.Text.Json.Nodes.JsonNode? value) in o)
                {
                    AssertSameJson(value, a[key], at + "." + key);
                }

                break;
            case System.Text.Json.Nodes.JsonArray arr:
                System.Text.Json.Nodes.JsonArray other = Assert.IsType<System.Text.Json.Nodes.JsonArray>(actual);
                Assert.True(arr.Count == other.Count, at);
                for (int i = 0; i < arr.Count; i++)
                {
                    AssertSameJson(arr[i], other[i], at + "[" + i.ToString(CultureInfo.InvariantCulture) + "]");
                }

                break;
            case System.Text.Json.Nodes.JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                double x = v.GetValue<double>(), y = actual!.GetValue<double>();
                Assert.True(Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Abs(x)), $"{at}: {x} != {y}");
                break;
            default:
                Assert.Equal(expected.ToJsonString(), actual?.ToJsonString());
                break;
        }
    }

    [Fact]
    public async Task StratifiedHoldout_FromTheSnapshot_StoresTheScoresAndDecilesOfThePerRequestScoring()
    {
        string path = CopyOfStore();
        AetherSegment.Experiments.SegmentHoldout holdout = AetherSegment.Experiments.HoldoutAssignment.Create(0.2);

        // The long way: the activation scores every member with the trigger's model.
        await using ServiceProvider perRequest = Services(path, snapshotLag: null);
        StoreTriggerRanker coldRanker = (StoreTriggerRanker)perRequest.GetRequiredService<ITriggerRanker>();
        StoredSegment scored = await perRequest.GetRequiredService<ISegmentEngine>().CreateAsync(Churn(), "free_shipping_offer", null, holdout, CancellationToken.None);
        Assert.True(scored.Holdout!.IsStratified, scored.Holdout.Method);
        Assert.True(coldRanker.Scorings > 0);
        List<string> expected = await ScoreRowsAsync(path, scored.SegmentId);
        await perRequest.DisposeAsync();

        // A long-lived host: the snapshot already holds every customer's uplift, so no scoring pass runs.
        await using ServiceProvider warm = Services(path, snapshotLag: TimeSpan.FromMinutes(15));
        SegmentEngine engine = (SegmentEngine)warm.GetRequiredService<ISegmentEngine>();
        StoreTriggerRanker ranker = (StoreTriggerRanker)warm.GetRequiredService<ITriggerRanker>();
        await engine.WarmUpAsync();
        int scorings = ranker.Scorings;
        StoredSegment fromSnapshot = await engine.CreateAsync(Churn(), "free_shipping_offer", null, holdout, CancellationToken.None);
        Assert.Equal(scorings, ranker.Scorings);
        Assert.True(fromSnapshot.Holdout!.IsStratified, fromSnapshot.Holdout.Method);
        Assert.Equal(scored.Size, fromSnapshot.Size);
        List<string> actual = await ScoreRowsAsync(path, fromSnapshot.SegmentId);
        Assert.NotEmpty(actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task StratifiedHoldout_FromAKeptScoreSet_KeepsTheArmsAfterActivation_AndAssignsAsThePerRequestScoring()
    {
        string path = CopyOfStore();
        AetherSegment.Experiments.SegmentHoldout holdout = AetherSegment.Experiments.HoldoutAssignment.Create(0.2);

        // The long way: the activation scores every member and keeps a score row per member.
        await using ServiceProvider perRequest = Services(path, snapshotLag: null);
        StoredSegment scored = await perRequest.GetRequiredService<ISegmentEngine>().CreateAsync(Churn(), "free_shipping_offer", null, holdout, CancellationToken.None);
        Assert.Null(scored.Holdout!.Scores);
        List<string> expectedScores = await ScoreRowsAsync(path, scored.SegmentId);
        List<string> expectedArms = await ArmRowsAsync(perRequest.GetRequiredService<IDataStore>(), scored);
        await perRequest.DisposeAsync();

        // A long-lived host: the first stratified activation scores its members from the snapshot and starts keeping
        // the trigger's score set in the background; once kept, activations reference it.
        await using ServiceProvider warm = Services(path, snapshotLag: TimeSpan.FromMinutes(15));
        SegmentEngine engine = (SegmentEngine)warm.GetRequiredService<ISegmentEngine>();
        IDataStore data = warm.GetRequiredService<IDataStore>();
        await engine.WarmUpAsync();
        StoredSegment first = await engine.CreateAsync(Churn(), "free_shipping_offer", null, holdout, CancellationToken.None);
        Assert.Null(first.Holdout!.Scores);
        StoredSegment? referencing = null;
        for (int attempt = 0; attempt < 300 && referencing?.Holdout?.Scores is null; attempt++)
        {
            await Task.Delay(100);
            if (Convert.ToInt64((await data.QueryAsync(new SqlStatement("SELECT COUNT(*) FROM audience_score_sets"))).Scalar(), CultureInfo.InvariantCulture) > 0)
            {
                referencing = await engine.CreateAsync(Churn(), "free_shipping_offer", null, holdout, CancellationToken.None);
            }
        }

        Assert.NotNull(referencing?.Holdout?.Scores);
        Assert.True(referencing.Holdout.IsStratified, referencing.Holdout.Method);
        Assert.False(referencing.Holdout.ArmsKept);
        // Every member is in the set: the same uplift, deciles and arms as the per-member scoring (computed from the
        // set while the arms are not kept yet).
        Assert.Equal(scored.Size, referencing.Size);
        Assert.True(scored.Holdout.ArmsKept);
        Assert.Equal(expectedArms, await ArmRowsAsync(data, referencing));
        Assert.Equal(expectedScores, [.. (await ArmRowsAsync(data, referencing)).Select(r => r[..r.LastIndexOf('|')])]);

        // The arms are kept after activation, in the background: then read from segment_scores, the same arms.
        StoredSegment? kept = null;
        for (int attempt = 0; attempt < 300 && kept?.Holdout?.ArmsKept is not true; attempt++)
        {
            await Task.Delay(100);
            kept = await engine.GetAsync(referencing.SegmentId);
        }

        Assert.Equal(referencing.Holdout with { ArmsKept = true }, kept!.Holdout);
        Assert.Equal(expectedArms, await ArmRowsAsync(data, kept));
        Assert.Equal(expectedScores, await ScoreRowsAsync(path, kept.SegmentId));
        // The export leaves out the same members.
        string exported = await ExportAsync(engine, referencing.SegmentId);
        Assert.Equal(expectedArms.Count(r => r.EndsWith("|1", StringComparison.Ordinal)), scored.Size - (exported.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1));
    }

    /// <summary>Each member's arm as "customer|uplift (round-trip)|decile|held", in customer order, from <see cref="AetherSegment.Experiments.HoldoutAssignment.MemberArmsSql"/>.</summary>
    private static async Task<List<string>> ArmRowsAsync(IDataStore data, StoredSegment segment)
    {
        AetherSegment.Experiments.SegmentHoldout holdout = segment.Holdout!;
        QueryResult rows = await data.QueryAsync(new SqlStatement(
            $"SELECT customer_id, predicted_uplift, decile, held FROM ({AetherSegment.Experiments.HoldoutAssignment.MemberArmsSql(data.Dialect, holdout)}) a WHERE decile > 0 ORDER BY customer_id",
            AetherSegment.Experiments.HoldoutAssignment.ArmParameters(holdout, segment.SegmentId)));
        return [.. rows.Rows.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"{r[0]}|{Convert.ToDouble(r[1], CultureInfo.InvariantCulture):R}|{Convert.ToInt64(r[2], CultureInfo.InvariantCulture)}|{Convert.ToInt64(r[3], CultureInfo.InvariantCulture)}"))];
    }

    private static async Task<string> ExportAsync(ISegmentEngine engine, string segmentId)
    {
        using MemoryStream csv = new();
        await engine.ExportAsync(segmentId, SegmentExportFormat.Csv, csv, new SegmentExportOptions { Holdout = AetherSegment.Experiments.HoldoutExport.Exclude }, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(csv.ToArray());
    }

    /// <summary>Each scored member of a segment as "customer|uplift (round-trip)|decile", in customer order.</summary>
    private static async Task<List<string>> ScoreRowsAsync(string path, string segmentId)
    {
        await using DuckDBConnection connection = await new DuckDBDataStore(path).OpenAsync();
        await using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = "SELECT customer_id, predicted_uplift, decile FROM segment_scores WHERE segment_id = $s ORDER BY customer_id";
        command.Parameters.Add(new DuckDBParameter("s", segmentId));
        List<string> rows = [];
        await using System.Data.Common.DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"{reader.GetString(0)}|{reader.GetDouble(1):R}|{reader.GetInt64(2)}"));
        }

        return rows;
    }
}

using System.Globalization;
using AetherSegment.Data;
using AetherSegment.DuckDB;
using AetherSegment.Experiments;
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
/// One-shot processes (the CLI: a new process per command) reuse what an earlier process computed on the same data:
/// the campaign history's data version (persisted beside the models, so a new process runs only the storage probe) and
/// the scores of a stratified holdout (kept as a score set by trigger, data version, models and as-of, referenced when
/// they cover every member). Each "process" is a new service provider, ranker and store on the same database file.
/// </summary>
public sealed class OneShotHoldoutTests(GeneratedStoreFixture store) : IClassFixture<GeneratedStoreFixture>
{
    private const string Trigger = "free_shipping_offer";

    private static CampaignObjective Churn() => new()
    {
        Objective = "Win back customers at risk of churning with free shipping",
        CampaignType = CampaignType.WinBack,
        Audience = new Audience { ChurnRisk = ChurnRisk.High },
        Incentive = new Incentive { Type = IncentiveType.FreeShipping },
        SuggestedTrigger = Trigger,
        Confidence = 0.9,
    };

    private static CampaignObjective UnitedStates() => new()
    {
        Objective = "Everyone in the United States with free shipping",
        Audience = new Audience { Countries = ["United States"] },
        SuggestedTrigger = Trigger,
        Confidence = 0.9,
    };

    private string CopyOfStore()
    {
        string copy = Path.Combine(TestPaths.NewTempDirectory(), "copy.duckdb");
        File.Copy(store.Path, copy);
        return copy;
    }

    /// <summary>A new "process": its own ranker, engine and store on the file (no audience snapshot, as the CLI).</summary>
    private static ServiceProvider Process(string path) => Process(path, soleWriter: false);

    /// <summary>A new "process", the file's sole writer or not (<see cref="DuckDBOptions.SoleWriterProcess"/>, as the CLI sets it).</summary>
    private static ServiceProvider Process(string path, bool soleWriter) =>
        new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(GeneratedStoreFixture.AsOf))
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .Configure<TriggerRankingOptions>(o =>
            {
                o.Model = UpliftModels.ClassTransformation;
                o.TrainingRowsPerArm = 2_000;
                o.ModelDirectory = path + ".models";
            })
            .AddAetherSegment().UseProfile(HomeFurnishingProfile.Load()).AddDuckDB(o =>
            {
                o.Path = path;
                o.SoleWriterProcess = soleWriter;
            }).Services
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

    /// <summary>The data version as a new process sees it, how many full checksums it ran and how many persisted hits it had.</summary>
    private static async Task<(string Version, int Scans, int Persisted)> VersionInNewProcessAsync(string path)
    {
        await using ServiceProvider process = Process(path);
        StoreTriggerRanker ranker = (StoreTriggerRanker)process.GetRequiredService<ITriggerRanker>();
        string version = await ranker.DataVersionAsync(CancellationToken.None);
        // The shortcut never answers what the full scan would not.
        Assert.Equal(await FullChecksumAsync(process.GetRequiredService<IDataStore>()), version);
        return (version, ranker.DataVersionScans, ranker.DataVersionPersistedHits);
    }

    [Fact]
    public async Task DataVersion_PersistedAcrossProcesses_OnlyTheProbeRunsOnUnchangedData_AndEveryEditChangesIt()
    {
        string path = CopyOfStore();

        (string first, int scans, _) = await VersionInNewProcessAsync(path);
        Assert.Equal(1, scans);
        Assert.True(File.Exists(Path.Combine(path + ".models", CampaignHistoryVersion.FileName)));
        (string again, int againScans, int againPersisted) = await VersionInNewProcessAsync(path);
        Assert.Equal(first, again);
        Assert.Equal(0, againScans);
        Assert.Equal(1, againPersisted);

        // Other tables change: the version does not, and a new process still runs no checksum.
        await ExecuteAsync(path, "INSERT INTO behavioral_events SELECT * REPLACE ('E-oneshot-1' AS event_id) FROM behavioral_events LIMIT 1");
        (string events, int eventScans, _) = await VersionInNewProcessAsync(path);
        Assert.Equal(first, events);
        Assert.Equal(0, eventScans);

        // An edited outcome, an edited revenue, an appended row and a deleted row, each written by another "process"
        // between two: every one is a new version in the next process.
        List<string> versions = [first];
        foreach (string edit in (string[])[
            "UPDATE campaign_history SET converted = NOT converted WHERE rowid = 5",
            "UPDATE campaign_history SET revenue = COALESCE(revenue, 0) + 1 WHERE rowid = 7",
            "INSERT INTO campaign_history SELECT * FROM campaign_history WHERE rowid = 8",
            "DELETE FROM campaign_history WHERE rowid = 9"])
        {
            Assert.Equal(1, await ExecuteAsync(path, edit));
            (string edited, int editedScans, _) = await VersionInNewProcessAsync(path);
            Assert.Equal(1, editedScans);
            versions.Add(edited);
            // And the process after it, on unchanged data again, reuses it.
            (string next, _, _) = await VersionInNewProcessAsync(path);
            Assert.Equal(edited, next);
        }

        Assert.Equal(5, versions.Distinct().Count());
    }

    /// <summary>The data version in a new sole-writer process: the version, full checksums, persisted-probe hits and epoch hits.</summary>
    private static async Task<(string Version, int Scans, int Persisted, int Epochs)> VersionInSoleWriterAsync(string path, Func<IServiceProvider, Task>? then = null)
    {
        await using ServiceProvider process = Process(path, soleWriter: true);
        StoreTriggerRanker ranker = (StoreTriggerRanker)process.GetRequiredService<ITriggerRanker>();
        string version = await ranker.DataVersionAsync(CancellationToken.None);
        Assert.Equal(await FullChecksumAsync(process.GetRequiredService<IDataStore>()), version);
        if (then is not null)
        {
            await then(process);
        }

        return (version, ranker.DataVersionScans, ranker.DataVersionPersistedHits, ranker.DataVersionEpochHits);
    }

    [Fact]
    public async Task DataVersion_CarriedByTheDataEpoch_BetweenSoleWriterProcesses_AndAnyOtherWriteReadsItAgain()
    {
        string path = CopyOfStore();

        (string first, int scans, _, int epochs) = await VersionInSoleWriterAsync(path);
        Assert.Equal((1, 0), (scans, epochs));
        Assert.True(File.Exists(path + ".aether-stamp"));

        // The next process takes the version by the epoch: no checksum and no storage probe. It writes a segment too (the
        // file changes, the customer data does not), and the process after it still takes the version by the epoch.
        (string second, int secondScans, int secondPersisted, int secondEpochs) = await VersionInSoleWriterAsync(path, async process =>
            await process.GetRequiredService<ISegmentEngine>().CreateAsync(UnitedStates(), Trigger, null, null, CancellationToken.None));
        Assert.Equal((first, 0, 0, 1), (second, secondScans, secondPersisted, secondEpochs));
        (string third, _, _, int thirdEpochs) = await VersionInSoleWriterAsync(path);
        Assert.Equal((first, 1), (third, thirdEpochs));

        // Another writer (a store that is not the sole writer, as a tool outside AetherSegment) edits an outcome: the file's
        // stamp differs, so the next process starts a new epoch and reads the version again; it is the edited one.
        Assert.Equal(1, await ExecuteAsync(path, "UPDATE campaign_history SET converted = NOT converted WHERE rowid = 5"));
        (string edited, _, _, int editedEpochs) = await VersionInSoleWriterAsync(path);
        Assert.NotEqual(first, edited);
        Assert.Equal(0, editedEpochs);

        // A sole writer that writes customer data itself says so: the next process reads the version again.
        (_, _, _, int beforeOwnWrite) = await VersionInSoleWriterAsync(path, async process =>
        {
            DuckDBDataStore data = process.GetRequiredService<DuckDBDataStore>();
            data.NoteDataWritten();
            await using DuckDBConnection connection = await data.OpenAsync();
            await using DuckDBCommand command = connection.CreateCommand();
            command.CommandText = "UPDATE campaign_history SET revenue = COALESCE(revenue, 0) + 1 WHERE rowid = 7";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        });
        Assert.Equal(1, beforeOwnWrite);
        (string afterOwnWrite, int ownScans, _, int ownEpochs) = await VersionInSoleWriterAsync(path);
        Assert.NotEqual(edited, afterOwnWrite);
        Assert.Equal((1, 0), (ownScans, ownEpochs));
    }

    [Fact]
    public async Task SecondProcess_ReferencesTheScoresTheFirstKept_WithTheSameArmsAndExport_WithoutScoringOrLoadingModels()
    {
        string path = CopyOfStore();
        SegmentHoldout holdout = HoldoutAssignment.Create(0.2);

        // First process: no set yet, so it scores every member (arms kept at activation) and keeps the scores by key.
        await using ServiceProvider first = Process(path);
        StoredSegment scored = await first.GetRequiredService<ISegmentEngine>().CreateAsync(Churn(), Trigger, null, holdout, CancellationToken.None);
        Assert.True(scored.Holdout!.IsStratified, scored.Holdout.Method);
        Assert.Null(scored.Holdout.Scores);
        Assert.True(scored.Holdout.ArmsKept);
        List<string> expectedArms = await ArmRowsAsync(first.GetRequiredService<IDataStore>(), scored);
        string expectedExport = await ExportAsync(first.GetRequiredService<ISegmentEngine>(), scored.SegmentId);
        Assert.Equal(1L, await ScalarAsync(path, $"SELECT COUNT(*) FROM audience_score_sets WHERE trigger_type = '{Trigger}'"));
        await first.DisposeAsync();

        // Second process, same data: the probe alone gives the version, the set is found and covers every member.
        await using ServiceProvider second = Process(path);
        StoreTriggerRanker ranker = (StoreTriggerRanker)second.GetRequiredService<ITriggerRanker>();
        StoredSegment referencing = await second.GetRequiredService<ISegmentEngine>().CreateAsync(Churn(), Trigger, null, holdout, CancellationToken.None);
        Assert.NotNull(referencing.Holdout!.Scores);
        Assert.True(referencing.Holdout.IsStratified, referencing.Holdout.Method);
        Assert.Equal(0, ranker.Scorings);
        Assert.Equal(0, ranker.Loads);
        Assert.Equal(0, ranker.Trainings);
        Assert.Equal(0, ranker.DataVersionScans);
        Assert.Equal(scored.Size, referencing.Size);
        // Identical arms, deciles and uplift (computed from the set) and the same send list as the per-member path.
        Assert.Equal(expectedArms, await ArmRowsAsync(second.GetRequiredService<IDataStore>(), referencing));
        Assert.Equal(expectedExport, await ExportAsync(second.GetRequiredService<ISegmentEngine>(), referencing.SegmentId));
        // Kept arms, when a later host keeps them, are the same rows.
        Assert.True(await second.GetRequiredService<ISegmentStore>().KeepMemberArmsAsync(referencing.SegmentId, CancellationToken.None));
        StoredSegment kept = (await second.GetRequiredService<ISegmentStore>().GetAsync(referencing.SegmentId))!;
        Assert.Equal(expectedArms, await ArmRowsAsync(second.GetRequiredService<IDataStore>(), kept));
    }

    [Fact]
    public async Task SetMissingMembers_IsNeverReferenced_TheMembersAreScored_AndTheNextSetCoversBoth()
    {
        string path = CopyOfStore();
        SegmentHoldout holdout = HoldoutAssignment.Create(0.1);

        await using (ServiceProvider first = Process(path))
        {
            StoredSegment churn = await first.GetRequiredService<ISegmentEngine>().CreateAsync(Churn(), Trigger, null, holdout, CancellationToken.None);
            Assert.Null(churn.Holdout!.Scores);
        }

        // Another segment with the same trigger: the set found holds only the first segment's members, so it is not
        // referenced; the members are scored (as without a set) and a larger set is kept.
        StoredSegment scored;
        List<string> expectedArms;
        await using (ServiceProvider second = Process(path))
        {
            StoreTriggerRanker ranker = (StoreTriggerRanker)second.GetRequiredService<ITriggerRanker>();
            scored = await second.GetRequiredService<ISegmentEngine>().CreateAsync(UnitedStates(), Trigger, null, holdout, CancellationToken.None);
            Assert.Null(scored.Holdout!.Scores);
            Assert.True(scored.Holdout.IsStratified, scored.Holdout.Method);
            Assert.True(scored.Holdout.ArmsKept);
            Assert.True(ranker.Scorings > 0);
            expectedArms = await ArmRowsAsync(second.GetRequiredService<IDataStore>(), scored);
            Assert.Equal(scored.Size, expectedArms.Count);
        }

        Assert.Equal(2L, await ScalarAsync(path, "SELECT COUNT(*) FROM audience_score_sets"));
        // The newer set holds both segments' members (the union), the older one only the first's.
        Assert.Equal(0L, await ScalarAsync(path, """
            SELECT COUNT(*) FROM (SELECT customer_id FROM audience_scores WHERE set_id = (SELECT set_id FROM audience_score_sets ORDER BY created_at LIMIT 1)
            EXCEPT SELECT customer_id FROM audience_scores WHERE set_id = (SELECT set_id FROM audience_score_sets ORDER BY created_at DESC LIMIT 1))
            """));

        // Third process: both segments are covered by the newest set, and reference it with the same arms.
        await using ServiceProvider third = Process(path);
        StoreTriggerRanker thirdRanker = (StoreTriggerRanker)third.GetRequiredService<ITriggerRanker>();
        ISegmentEngine engine = third.GetRequiredService<ISegmentEngine>();
        StoredSegment again = await engine.CreateAsync(UnitedStates(), Trigger, null, holdout, CancellationToken.None);
        StoredSegment churnAgain = await engine.CreateAsync(Churn(), Trigger, null, holdout, CancellationToken.None);
        Assert.NotNull(again.Holdout!.Scores);
        Assert.Equal(again.Holdout.Scores, churnAgain.Holdout!.Scores);
        Assert.Equal(0, thirdRanker.Scorings);
        Assert.Equal(expectedArms, await ArmRowsAsync(third.GetRequiredService<IDataStore>(), again));
    }

    [Fact]
    public async Task CampaignHistoryChanged_TheOldSetIsNotFound_TheMembersAreScoredWithTheNewModels()
    {
        string path = CopyOfStore();
        SegmentHoldout holdout = HoldoutAssignment.Create(0.1);
        await using (ServiceProvider first = Process(path))
        {
            Assert.Null((await first.GetRequiredService<ISegmentEngine>().CreateAsync(Churn(), Trigger, null, holdout, CancellationToken.None)).Holdout!.Scores);
        }

        Assert.Equal(1, await ExecuteAsync(path, "UPDATE campaign_history SET converted = NOT converted WHERE rowid = 11"));

        await using ServiceProvider second = Process(path);
        StoreTriggerRanker ranker = (StoreTriggerRanker)second.GetRequiredService<ITriggerRanker>();
        StoredSegment afterEdit = await second.GetRequiredService<ISegmentEngine>().CreateAsync(Churn(), Trigger, null, holdout, CancellationToken.None);
        Assert.Null(afterEdit.Holdout!.Scores);
        Assert.True(afterEdit.Holdout.IsStratified, afterEdit.Holdout.Method);
        Assert.True(ranker.Scorings > 0);
        Assert.Equal(1, ranker.Trainings);
        Assert.Equal(2L, await ScalarAsync(path, "SELECT COUNT(DISTINCT data_version) FROM audience_score_sets"));
    }

    private static async Task<long> ScalarAsync(string path, string sql)
    {
        await using DuckDBConnection connection = await new DuckDBDataStore(path).OpenAsync();
        await using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Each member's arm as "customer|uplift (round-trip)|decile|held", in customer order, from <see cref="HoldoutAssignment.MemberArmsSql"/>.</summary>
    private static async Task<List<string>> ArmRowsAsync(IDataStore data, StoredSegment segment)
    {
        SegmentHoldout holdout = segment.Holdout!;
        QueryResult rows = await data.QueryAsync(new SqlStatement(
            $"SELECT customer_id, predicted_uplift, decile, held FROM ({HoldoutAssignment.MemberArmsSql(data.Dialect, holdout)}) a ORDER BY customer_id",
            HoldoutAssignment.ArmParameters(holdout, segment.SegmentId)));
        return [.. rows.Rows.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"{r[0]}|{Convert.ToDouble(r[1], CultureInfo.InvariantCulture):R}|{Convert.ToInt64(r[2], CultureInfo.InvariantCulture)}|{Convert.ToInt64(r[3], CultureInfo.InvariantCulture)}"))];
    }

    private static async Task<string> ExportAsync(ISegmentEngine engine, string segmentId)
    {
        using MemoryStream csv = new();
        await engine.ExportAsync(segmentId, SegmentExportFormat.Csv, csv, new SegmentExportOptions { Holdout = HoldoutExport.Mark }, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(csv.ToArray());
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AetherSegment.Data;
using AetherSegment.DuckDB;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Tests;
using AetherSegment.Uplift;
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AetherSegment.Cli.Tests.Uplift;

/// <summary>The ranker at scale: the capped, deterministic training sample, models saved per data version, one clock for scoring.</summary>
public sealed partial class StoreTriggerRankerTests
{
    private static readonly SqlStatement UnitedStates = new("SELECT customer_id FROM customers WHERE country = $country", [QueryParameter.String("country", "United States")]);

    /// <summary>The home-furnishing features with every category of the catalog (the order the data would give does not matter here).</summary>
    private static readonly UpliftFeatureSet Features = UpliftFeatureSet.Create(HomeFurnishingProfile.Load(), [.. HomeFurnishingProfile.Load().Catalog.Taxonomy.Roots.Select(r => r.Name)]);

    private static StoreTriggerRanker PersistentRanker(string path, string models, TimeProvider? time = null, ILogger<StoreTriggerRanker>? logger = null) => new(
        new DuckDBDataStore(path),
        HomeFurnishingProfile.Load(),
        time ?? new FakeTimeProvider(GeneratedStoreFixture.AsOf),
        logger ?? NullLogger<StoreTriggerRanker>.Instance,
        Options.Create(new TriggerRankingOptions { Model = UpliftModels.ClassTransformation, TrainingRowsPerArm = 2_000, ModelDirectory = models }));

    private string CopyOfStore()
    {
        string copy = Path.Combine(TestPaths.NewTempDirectory(), "copy.duckdb");
        File.Copy(store.Path, copy);
        return copy;
    }

    [Fact]
    public async Task Training_DrawsADeterministicSampleCappedPerTriggerAndArm()
    {
        DuckDBDataStore data = new(store.Path);
        const int Cap = 700;

        QueryResult first = await data.QueryAsync(UpliftFeatureQuery.Training(SqlDialect.DuckDB, Features, Cap));
        QueryResult second = await data.QueryAsync(UpliftFeatureQuery.Training(SqlDialect.DuckDB, Features, Cap));
        QueryResult larger = await data.QueryAsync(UpliftFeatureQuery.Training(SqlDialect.DuckDB, Features, 2 * Cap));
        QueryResult available = await data.QueryAsync(new SqlStatement(
            "SELECT trigger_type, CASE WHEN \"group\" = 'treatment' THEN 1 ELSE 0 END AS treated, COUNT(*) FROM campaign_history WHERE \"group\" IN ('treatment', 'control') GROUP BY ALL"));

        Dictionary<(string, long), int> counts = [];
        int trigger = first.IndexOf("trigger_type"), treated = first.IndexOf("treated");
        foreach (object?[] row in first.Rows)
        {
            (string, long) key = ((string)row[trigger]!, (long)row[treated]!);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        Assert.Equal(16, available.Rows.Count);
        foreach (object?[] group in available.Rows)
        {
            long rows = (long)group[2]!;
            Assert.Equal((int)Math.Min(rows, Cap), counts.GetValueOrDefault(((string)group[0]!, (long)group[1]!)));
        }

        Assert.Equal(Keys(first), Keys(second));
        // The hash orders the customers the same way whatever the cap: a smaller sample is part of a larger one.
        Assert.Subset(Keys(larger).ToHashSet(), Keys(first).ToHashSet());
        Assert.True(first.Rows.Select(r => r[first.IndexOf("customer_id")]).Distinct().Count() > Cap, "the sample spans many customers");
    }

    private static List<string> Keys(QueryResult result)
    {
        int anchor = result.IndexOf("anchor_key"), customer = result.IndexOf("customer_id");
        return [.. result.Rows.Select(r => $"{r[anchor]}/{r[customer]}")];
    }

    [Fact]
    public async Task SecondRanker_OnTheSameDatabase_LoadsSavedModelsInsteadOfTraining()
    {
        string models = TestPaths.NewTempDirectory();
        StoreTriggerRanker first = PersistentRanker(store.Path, models);
        IReadOnlyList<TriggerSuggestion> trained = await first.RankAsync(UnitedStates, GeneratedStoreFixture.AsOf);

        StoreTriggerRanker second = PersistentRanker(store.Path, models);
        IReadOnlyList<TriggerSuggestion> loaded = await second.RankAsync(UnitedStates, GeneratedStoreFixture.AsOf);

        Assert.Equal((1, 0), (first.Trainings, first.Loads));
        Assert.Equal((0, 1), (second.Trainings, second.Loads));
        Assert.True(File.Exists(Path.Combine(models, "trigger-models.json")));
        Assert.Equal(trained, loaded);
    }

    [Fact]
    public async Task Ranker_RetrainsWhenOneCampaignRowChanges()
    {
        string path = CopyOfStore();
        string models = TestPaths.NewTempDirectory();
        StoreTriggerRanker first = PersistentRanker(path, models);
        await first.RankAsync(UnitedStates, GeneratedStoreFixture.AsOf);
        string before = await first.DataVersionAsync(CancellationToken.None);

        // One outcome flipped: the row count and the latest send stay, only the checksum sees it.
        await using (DuckDBConnection connection = await new DuckDBDataStore(path).OpenAsync())
        {
            await using DuckDBCommand command = connection.CreateCommand();
            command.CommandText = """
                UPDATE campaign_history SET converted = NOT converted
                WHERE (campaign_id, customer_id) = (SELECT (campaign_id, customer_id) FROM campaign_history ORDER BY campaign_id, customer_id LIMIT 1)
                """;
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        StoreTriggerRanker second = PersistentRanker(path, models);
        await second.RankAsync(UnitedStates, GeneratedStoreFixture.AsOf);
        string after = await second.DataVersionAsync(CancellationToken.None);

        Assert.NotEqual(before, after);
        Assert.Equal(before.Split('|')[..2], after.Split('|')[..2]);
        Assert.Equal((1, 0), (second.Trainings, second.Loads));
        StoreTriggerRanker third = PersistentRanker(path, models);
        await third.RankAsync(UnitedStates, GeneratedStoreFixture.AsOf);
        Assert.Equal((0, 1), (third.Trainings, third.Loads));
    }

    [Fact]
    public async Task SavedModels_FromAnotherVersionOrDamaged_AreRefusedAndRetrained()
    {
        string models = TestPaths.NewTempDirectory();
        await PersistentRanker(store.Path, models).RankAsync(UnitedStates, GeneratedStoreFixture.AsOf);
        string manifestPath = Path.Combine(models, "trigger-models.json");
        JsonObject manifest = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath))!.AsObject();

        manifest["format_version"] = 99;
        await File.WriteAllTextAsync(manifestPath, manifest.ToJsonString());
        RecordingLogger<StoreTriggerRanker> log = new();
        StoreTriggerRanker otherFormat = PersistentRanker(store.Path, models, logger: log);
        await otherFormat.RankAsync(UnitedStates, GeneratedStoreFixture.AsOf);
        Assert.Equal((1, 0), (otherFormat.Trainings, otherFormat.Loads));
        Assert.Contains(log.Lines, l => l.Contains("version 99", StringComparison.Ordinal) && l.Contains("retraining", StringComparison.Ordinal));

        // The retrained set replaced the refused one; now damage a model file.
        string modelFile = Path.Combine(models, JsonNode.Parse(await File.ReadAllTextAsync(manifestPath))!["triggers"]![0]!["file"]!.GetValue<string>());
        await File.WriteAllTextAsync(modelFile, "{\"format\":\"aether-uplift-model\",\"format_version\":7}");
        StoreTriggerRanker damaged = PersistentRanker(store.Path, models);
        await damaged.RankAsync(UnitedStates, GeneratedStoreFixture.AsOf);
        Assert.Equal((1, 0), (damaged.Trainings, damaged.Loads));

        StoreTriggerRanker healthy = PersistentRanker(store.Path, models);
        await healthy.RankAsync(UnitedStates, GeneratedStoreFixture.AsOf);
        Assert.Equal((0, 1), (healthy.Trainings, healthy.Loads));
    }

    [Fact]
    public async Task Scoring_TwoRunsSecondsApart_GiveIdenticalScores()
    {
        FakeTimeProvider clock = new(GeneratedStoreFixture.AsOf.AddDays(40));
        StoreTriggerRanker ranker = PersistentRanker(store.Path, TestPaths.NewTempDirectory(), clock);

        StoreTriggerRanker.MemberUplift first = await ranker.ScoreMembersAsync(UnitedStates);
        clock.Advance(TimeSpan.FromSeconds(7.25));
        StoreTriggerRanker.MemberUplift second = await ranker.ScoreMembersAsync(UnitedStates);
        DateTimeOffset dataAsOf = await ranker.DataAsOfAsync(CancellationToken.None);
        StoreTriggerRanker.MemberUplift anchored = await ranker.ScoreMembersAsync(UnitedStates, dataAsOf);

        Assert.Equal(first.CustomerIds, second.CustomerIds);
        for (int t = 0; t < first.Uplift.Length; t++)
        {
            Assert.Equal(first.Uplift[t], second.Uplift[t]);
            Assert.Equal(first.Uplift[t], anchored.Uplift[t]);
        }

        Assert.NotEqual(clock.GetUtcNow(), dataAsOf);
    }

    [Fact]
    public async Task Ranking_OfALargeSegment_ScoresAHashSampleAndScalesTheSums()
    {
        string models = TestPaths.NewTempDirectory();
        StoreTriggerRanker everyone = PersistentRanker(store.Path, models);
        StoreTriggerRanker sampled = new(new DuckDBDataStore(store.Path), HomeFurnishingProfile.Load(), new FakeTimeProvider(GeneratedStoreFixture.AsOf), NullLogger<StoreTriggerRanker>.Instance,
            Options.Create(new TriggerRankingOptions { Model = UpliftModels.ClassTransformation, TrainingRowsPerArm = 2_000, ModelDirectory = models, ScoringSampleSize = 4_000 }));

        StoreTriggerRanker.MemberUplift all = await everyone.ScoreMembersAsync(UnitedStates);
        IReadOnlyList<TriggerSuggestion> full = await everyone.RankAsync(UnitedStates);
        IReadOnlyList<TriggerSuggestion> estimate = await sampled.RankAsync(UnitedStates);
        IReadOnlyList<TriggerSuggestion> again = await sampled.RankAsync(UnitedStates);

        Assert.Equal(estimate, again);
        Assert.True(all.CustomerIds.Length > 10_000);
        foreach (TriggerSuggestion exact in full)
        {
            Assert.StartsWith("Predicted", exact.Rationale, StringComparison.Ordinal);
            TriggerSuggestion guess = estimate.Single(s => s.Trigger == exact.Trigger);
            double spread = Math.Sqrt(all.Uplift[AetherSegment.Synthetic.Profiles.HomeFurnishingProfile.Load().Triggers.Select(t => t.Id).ToList().IndexOf(exact.Trigger)].Select(u => (u - exact.PredictedUplift) * (u - exact.PredictedUplift)).Average());
            // The mean of 4,000 of about 16,000 members lies within four standard errors of the segment's mean.
            Assert.InRange(guess.PredictedUplift, exact.PredictedUplift - 4 * spread / Math.Sqrt(4_000), exact.PredictedUplift + 4 * spread / Math.Sqrt(4_000));
            Assert.Equal(guess.PredictedUplift * all.CustomerIds.Length, guess.ExpectedIncrementalConversions, 6);
            Assert.Contains("estimated from a sample of 4,000", guess.Rationale, StringComparison.Ordinal);
            Assert.DoesNotContain("sample", exact.Rationale, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Ranking_LongerThanItsTimeout_FailsNamingTheSetting()
    {
        StoreTriggerRanker ranker = new(new DuckDBDataStore(store.Path), HomeFurnishingProfile.Load(), TimeProvider.System, NullLogger<StoreTriggerRanker>.Instance,
            Options.Create(new TriggerRankingOptions { Timeout = TimeSpan.FromMilliseconds(10) }));

        DataStoreException error = await Assert.ThrowsAsync<DataStoreException>(() => ranker.RankAsync(UnitedStates));

        Assert.Contains("AetherSegment:TriggerRanking:Timeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeatureQuery_GoogleSqlAndDuckDB_ComputeTheSameFeatureValues()
    {
        // The GoogleSQL text run on DuckDB with each GoogleSQL function mapped to its DuckDB equivalent (UNIX_MICROS is
        // epoch_us, FLOAT64 is DOUBLE, EXCEPT is EXCLUDE, @p is $p): both texts must compute the same value for every
        // feature of every member, at an as-of with a sub-second part.
        DateTimeOffset asOf = GeneratedStoreFixture.AsOf.AddDays(-3).AddTicks(1_234_567);
        SqlStatement duck = UpliftFeatureQuery.Scoring(SqlDialect.DuckDB, Features, UnitedStates, asOf);
        SqlStatement google = UpliftFeatureQuery.Scoring(SqlDialect.BigQuery, Features,
            new SqlStatement("SELECT customer_id FROM customers WHERE country = @country", UnitedStates.Parameters), asOf);
        DuckDBDataStore data = new(store.Path);

        QueryResult expected = await data.QueryAsync(duck);
        QueryResult actual = await data.QueryAsync(new SqlStatement(GoogleSqlOnDuckDB(google.Sql), google.Parameters));

        Assert.DoesNotContain("UNIX_SECONDS", google.Sql, StringComparison.Ordinal);
        Assert.Equal(expected.Columns, actual.Columns);
        Assert.Equal(expected.Rows.Count, actual.Rows.Count);
        Assert.True(expected.Rows.Count > 1_000);
        int fractional = 0, days = expected.IndexOf("days_since_event");
        for (int r = 0; r < expected.Rows.Count; r++)
        {
            Assert.Equal(expected.Rows[r], actual.Rows[r]);
            fractional += expected.Rows[r][days] is double d && d != Math.Floor(d * 86_400) / 86_400 ? 1 : 0;
        }

        Assert.True(fractional > 0, "ages keep their sub-second part");
    }

    private static string GoogleSqlOnDuckDB(string sql)
    {
        string duck = Regex.Replace(sql, @"@(\w+)", "$$$1");
        duck = duck.Replace('`', '"')
            .Replace("UNIX_MICROS(", "epoch_us(", StringComparison.Ordinal)
            .Replace(" AS FLOAT64)", " AS DOUBLE)", StringComparison.Ordinal)
            .Replace(" AS STRING)", " AS VARCHAR)", StringComparison.Ordinal)
            .Replace(" EXCEPT (", " EXCLUDE (", StringComparison.Ordinal);
        return duck;
    }

    private sealed class RecordingLogger<T> : ILogger<T>
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_lines)
            {
                _lines.Add(formatter(state, exception));
            }
        }
    }
}

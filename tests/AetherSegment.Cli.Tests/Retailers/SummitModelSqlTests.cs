using System.Globalization;
using System.Text.Json;
using AetherSegment.Analytics;
using AetherSegment.Cli.Tests.Analytics;
using AetherSegment.TestRetailers.SummitOutfitters;
using AetherSegment.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Tests.Retailers;

/// <summary>
/// Language-model SQL on Summit Outfitters' own tables: a fake OpenAI-compatible chat model on loopback writes SQL in
/// Summit's names (members, promo_log), the hosts' services run it in the DuckDB sandbox over Summit's views (built from
/// its mapping), and the figures are recounted from the file. Summit's personal columns (full_name, email_address) and
/// its unmapped columns are not in the sandbox at all.
/// </summary>
public sealed class SummitModelSqlTests(SummitModelSqlTests.Fixture fixture) : IClassFixture<SummitModelSqlTests.Fixture>
{
    [Fact]
    public async Task Ask_ModelSqlOnSummitTables_IsAnsweredByTheModelFromTheSandbox()
    {
        const string Sql = "SELECT region, COUNT(*) AS members FROM members GROUP BY region ORDER BY region";
        fixture.Answer = JsonSerializer.Serialize(new { sql = Sql });

        AnalyticsAnswer answer = await fixture.Analytics.AskForCallerAsync("members per region, roughly speaking", "summit-benign");

        Assert.Equal(AnalyticsAnswerSource.LanguageModel, answer.Source);
        Assert.Equal(["region", "members"], answer.Columns);
        Dictionary<string, long> expected = SummitDatabase.Query(fixture.DatabasePath, "SELECT region FROM members")
            .GroupBy(r => (string)r[0]!).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expected.Count, answer.Rows.Count);
        foreach (IReadOnlyDictionary<string, object?> row in answer.Rows)
        {
            Assert.Equal(expected[(string)row["region"]!], Convert.ToInt64(row["members"], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Ask_ModelSqlOnColumnsTheMappingReadsThroughExpressions_Runs()
    {
        // promo_log's arm and did_convert are read by the mapping's expressions (CASE WHEN arm = 'T' ..., did_convert = 1).
        const string Sql = "SELECT arm, SUM(did_convert) AS conversions, COUNT(*) AS sends FROM promo_log GROUP BY arm ORDER BY arm";
        fixture.Answer = JsonSerializer.Serialize(new { sql = Sql });

        AnalyticsAnswer answer = await fixture.Analytics.AskForCallerAsync("conversions per arm, roughly speaking", "summit-arms");

        Assert.Equal(AnalyticsAnswerSource.LanguageModel, answer.Source);
        List<object?[]> rows = SummitDatabase.Query(fixture.DatabasePath, "SELECT arm, did_convert FROM promo_log");
        Assert.Equal(rows.Select(r => (string)r[0]!).Distinct().Count(), answer.Rows.Count);
        foreach (IReadOnlyDictionary<string, object?> row in answer.Rows)
        {
            string arm = (string)row["arm"]!;
            Assert.Equal(rows.Count(r => (string)r[0]! == arm), Convert.ToInt64(row["sends"], CultureInfo.InvariantCulture));
            Assert.Equal(rows.Where(r => (string)r[0]! == arm).Sum(r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture)),
                Convert.ToInt64(row["conversions"], CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("SELECT email_address FROM members")]
    [InlineData("SELECT m.full_name, m.region FROM members AS m")]
    [InlineData("SELECT \"email_address\" AS e FROM members")]
    [InlineData("SELECT fulfilment, COUNT(*) AS n FROM orders GROUP BY fulfilment")]
    [InlineData("SELECT country, COUNT(*) AS n FROM customers GROUP BY country")]
    public async Task Ask_ModelSqlReachingPersonalOrUnmappedColumns_IsRefused_AndTheQuestionStaysDeclined(string sql)
    {
        fixture.Answer = JsonSerializer.Serialize(new { sql });

        // The rules answer first; "roughly speaking" makes them decline, so the question reaches the model.
        AnalyticsAnswer answer = await fixture.Analytics.AskForCallerAsync("How many members per region, roughly speaking?", "summit-hostile");

        Assert.Null(answer.Source);
        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, answer.Status);
        Assert.Contains(answer.Warnings, w => w.Contains("refused", StringComparison.Ordinal));
        string json = JsonSerializer.Serialize(answer);
        Assert.DoesNotContain("@", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sandbox_HoldsSummitsViewsOnly_WithoutPersonalColumns()
    {
        IAnalyticsSqlSandbox sandbox = fixture.Services.GetRequiredService<IAnalyticsSqlSandbox>();

        // Even a statement that passed the tokenizer is checked against the sandbox's views by the engine's parse tree.
        SqlGuardVerdict personal = await sandbox.CheckAsync("SELECT full_name AS n FROM members");
        SqlGuardVerdict unmapped = await sandbox.CheckAsync("SELECT line_no AS n FROM orders");
        SqlGuardVerdict demoTable = await sandbox.CheckAsync("SELECT customer_id FROM customers");
        SqlGuardVerdict mapped = await sandbox.CheckAsync("SELECT region, ltv FROM members");

        Assert.False(personal.IsAllowed);
        Assert.False(unmapped.IsAllowed);
        Assert.False(demoTable.IsAllowed);
        Assert.True(mapped.IsAllowed, mapped.Reason);
    }

    /// <summary>A Summit database, a fake chat model and the hosts' services on Summit's profile.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private FakeModelSqlHost _host = null!;

        public string DatabasePath { get; } = Path.Combine(TestPaths.NewTempDirectory(), "summit-model-sql.duckdb");

        public string Answer { get => _host.Answer; set => _host.Answer = value; }

        public IAnalyticsService Analytics => _host.Analytics;

        public IServiceProvider Services => _host.Services;

        public async Task InitializeAsync()
        {
            await SummitOutfittersGenerator.GenerateAsync(DatabasePath, new SummitOutfittersOptions { Members = 600, Seed = 7 });
            _host = new FakeModelSqlHost(DatabasePath, new Dictionary<string, string?> { ["AetherSegment:Profile"] = SummitOutfittersProfile.Path });
        }

        public async Task DisposeAsync() => await _host.DisposeAsync();
    }
}

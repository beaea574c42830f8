using System.Text.Json;
using System.Text.Json.Nodes;
using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.Tests;
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// The attack as it was run: a fake OpenAI-compatible chat model on loopback answers <c>ask</c> with hostile SQL, end
/// to end through the hosts' configuration, the analytics service and the real DuckDB store. Every variant of every
/// attack class is refused and logged, nothing personal, secret or evaluation-only reaches the answer, and the question
/// the rules declined stays declined; a benign model statement is still answered by the model.
/// </summary>
public sealed class HostileModelSqlTests(HostileModelSqlTests.Fixture fixture) : IClassFixture<HostileModelSqlTests.Fixture>
{
    // The rules answer first, so only a question they decline reaches the model ("roughly speaking" cannot be placed).
    private const string DeclinedQuestion = "revenue by country, roughly speaking";

    public static TheoryData<string> RelationAsValue => Data(HostileModelSql.RelationAsValue);

    public static TheoryData<string> TableFunctions => Data(HostileModelSql.TableFunctions);

    public static TheoryData<string> LiteralTricksAndStacking => Data(HostileModelSql.LiteralTricksAndStacking);

    public static TheoryData<string> RowExplosions => Data(HostileModelSql.RowExplosions);

    public static TheoryData<string> EngineControl => Data(HostileModelSql.EngineControl);

    public static TheoryData<string> PersonalDataAndGroundTruth => Data(HostileModelSql.PersonalDataAndGroundTruth);

    [Theory]
    [MemberData(nameof(RelationAsValue))]
    public Task Ask_ModelUsesARelationAsAValue_IsRefusedAndNothingLeaks(string sql) => AssertRefusedAsync(sql);

    [Theory]
    [MemberData(nameof(TableFunctions))]
    public Task Ask_ModelCallsATableFunction_IsRefusedAndNothingLeaks(string sql) => AssertRefusedAsync(sql);

    [Theory]
    [MemberData(nameof(LiteralTricksAndStacking))]
    public Task Ask_ModelHidesAStatementBehindALiteral_IsRefusedAndNothingLeaks(string sql) => AssertRefusedAsync(sql);

    [Theory]
    [MemberData(nameof(RowExplosions))]
    public Task Ask_ModelExplodesRows_IsRefusedBeforeItRuns(string sql) => AssertRefusedAsync(sql);

    [Theory]
    [MemberData(nameof(EngineControl))]
    public Task Ask_ModelTouchesSettingsFilesOrExtensions_IsRefused(string sql) => AssertRefusedAsync(sql);

    [Theory]
    [MemberData(nameof(PersonalDataAndGroundTruth))]
    public Task Ask_ModelReadsPersonalColumnsOrGroundTruth_IsRefused(string sql) => AssertRefusedAsync(sql);

    [Fact]
    public async Task Ask_BenignModelSql_IsAnsweredByTheModel_AndLoggedAsAllowed()
    {
        const string Sql = "SELECT c.country, round(sum(t.order_value), 2) AS revenue FROM transactions t JOIN customers c USING (customer_id) GROUP BY c.country ORDER BY revenue DESC";
        fixture.Answer = JsonSerializer.Serialize(new { sql = Sql });

        AnalyticsAnswer answer = await fixture.Analytics.AskForCallerAsync(DeclinedQuestion, "benign-test");

        Assert.Equal(AnalyticsAnswerSource.LanguageModel, answer.Source);
        Assert.Equal(4, answer.Rows.Count);
        Assert.Equal(["country", "revenue"], answer.Columns);
        Assert.Contains(fixture.Logs.Snapshot(), l => l.Level == LogLevel.Information && l.Message.Contains("benign-test", StringComparison.Ordinal)
            && l.Message.Contains("allowed", StringComparison.Ordinal) && l.Message.Contains(Sql, StringComparison.Ordinal));
    }

    private async Task AssertRefusedAsync(string hostile)
    {
        string sql = hostile.Replace("{file}", fixture.SecretFile, StringComparison.Ordinal);
        string caller = "attacker-" + Guid.NewGuid().ToString("N")[..8];
        fixture.Answer = JsonSerializer.Serialize(new { sql });

        AnalyticsAnswer answer = await fixture.Analytics.AskForCallerAsync(DeclinedQuestion, caller);

        Assert.Null(answer.Source);
        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, answer.Status);
        Assert.Contains(answer.Warnings, w => w.Contains("refused", StringComparison.Ordinal));
        string json = JsonSerializer.Serialize(answer);
        Assert.DoesNotContain("@example.com", json, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-19", json, StringComparison.Ordinal);
        Assert.DoesNotContain("0.987654", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"First1", json, StringComparison.Ordinal);
        Assert.Contains(fixture.Logs.Snapshot(), l => l.Level == LogLevel.Information && l.Message.Contains(caller, StringComparison.Ordinal)
            && l.Message.Contains("refused", StringComparison.Ordinal) && l.Message.Contains(sql, StringComparison.Ordinal));
        Assert.False(File.Exists(fixture.SecretFile + ".csv"));
        Assert.Equal(200L, await fixture.CountAsync("SELECT count(*) FROM customers"));
    }

    private static TheoryData<string> Data(string[] variants)
    {
        Assert.True(variants.Length >= 10, "each attack class needs at least ten variants");
        TheoryData<string> data = [];
        foreach (string sql in variants)
        {
            data.Add(sql);
        }

        return data;
    }

    /// <summary>A database with personal data and a marked ground truth, a secret file, a fake chat model and the hosts' services.</summary>
    public sealed class Fixture : IDisposable
    {
        private readonly FakeModelSqlHost _host;

        public Fixture()
        {
            string folder = TestPaths.NewTempDirectory();
            DatabasePath = Path.Combine(folder, "hostile.duckdb");
            AnalyticsDatabase.Create(DatabasePath, 200, seed: 19);
            using (DuckDBConnection connection = new($"DataSource={DatabasePath}"))
            {
                connection.Open();
                using DuckDBCommand command = connection.CreateCommand();
                command.CommandText = "INSERT INTO ground_truth_uplift SELECT customer_id, 'free_shipping_offer', 0.987654 FROM customers";
                command.ExecuteNonQuery();
            }

            SecretFile = Path.Combine(folder, "secret.csv");
            File.WriteAllText(SecretFile, "marker\nSECRET-19\n");
            Environment.SetEnvironmentVariable("AETHER_TEST_SECRET", "SECRET-19");
            _host = new FakeModelSqlHost(DatabasePath, logs: Logs);
        }

        public string DatabasePath { get; }

        public string SecretFile { get; }

        public string Answer { get => _host.Answer; set => _host.Answer = value; }

        public IAnalyticsService Analytics => _host.Analytics;

        internal CapturingLoggerProvider Logs { get; } = new();

        public async Task<long> CountAsync(string sql)
        {
            object? value = (await new DuckDB.DuckDBDataStore(DatabasePath).QueryAsync(new SqlStatement(sql))).Scalar();
            return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        }

        public void Dispose() => _host.Dispose();
    }
}

using AetherSegment.Analytics;
using AetherSegment.DuckDB.Analytics;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Tests;
using DuckDB.NET.Data;

namespace AetherSegment.DuckDB.Tests.Analytics;

/// <summary>
/// The engine-parse guard on its own (DuckDB's json_serialize_sql walked by <see cref="DuckDBSqlTreeGuard"/>), with
/// no help from the hand tokenizer: every hostile variant of every attack class is refused, benign SQL is allowed.
/// </summary>
public sealed class DuckDBSqlTreeGuardTests : IDisposable
{
    private const string SecretFile = "/tmp/aether-secret-marker.csv";

    /// <summary>The demo retailer's views, from its profile's mapping.</summary>
    private static readonly Dictionary<string, IReadOnlyList<string>> Views = DuckDBAnalyticsSandbox.ViewsOf(HomeFurnishingProfile.Load());

    private readonly DuckDBConnection _parser = new("DataSource=:memory:");

    public DuckDBSqlTreeGuardTests() => _parser.Open();

    public static TheoryData<string> RelationAsValue => Data(HostileModelSql.RelationAsValue);

    public static TheoryData<string> TableFunctions => Data(HostileModelSql.TableFunctions);

    public static TheoryData<string> LiteralTricksAndStacking => Data(HostileModelSql.LiteralTricksAndStacking);

    public static TheoryData<string> RowExplosions => Data(HostileModelSql.RowExplosions);

    public static TheoryData<string> EngineControl => Data(HostileModelSql.EngineControl);

    public static TheoryData<string> PersonalDataAndGroundTruth => Data(HostileModelSql.PersonalDataAndGroundTruth);

    public static TheoryData<string> Benign => new()
    {
        "SELECT c.country, sum(t.order_value) AS revenue FROM transactions t JOIN customers c ON c.customer_id = t.customer_id GROUP BY c.country ORDER BY revenue DESC",
        "SELECT country, count(*) AS customers FROM customers GROUP BY 1 ORDER BY 2 DESC",
        "WITH treated AS (SELECT campaign_name, AVG(CASE WHEN converted THEN 1.0 ELSE 0.0 END) AS rate FROM campaign_history WHERE \"group\" = 'treatment' GROUP BY campaign_name) SELECT campaign_name, ROUND(rate, 4) AS treated_rate FROM treated ORDER BY campaign_name",
        "SELECT date_trunc('month', transaction_date) AS month, sum(order_value) AS revenue FROM transactions WHERE transaction_date >= TIMESTAMP '2026-01-01' - INTERVAL 30 DAY GROUP BY 1 ORDER BY 1",
        "SELECT device, count(DISTINCT session_id) AS sessions FROM behavioral_events GROUP BY device",
        "SELECT cu.acquisition_source, avg(discount_sensitivity) AS v FROM customer_scores JOIN customers cu USING (customer_id) GROUP BY 1 ORDER BY v DESC, 1",
        "SELECT category, sum(order_value) FILTER (WHERE quantity > 1) AS multi, row_number() OVER (ORDER BY sum(order_value) DESC) AS rank FROM transactions GROUP BY category",
        "SELECT city FROM customers WHERE country IN ('Canada', 'Australia') AND clv_score BETWEEN 0.2 AND 0.8 AND city LIKE 'T%' LIMIT 5",
        "SELECT extract(year FROM created_at) AS y, count(*) AS n FROM customers GROUP BY y",
        "SELECT customer_id, cart_value FROM abandoned_carts WHERE abandoned_at > (SELECT max(abandoned_at) FROM abandoned_carts) - INTERVAL 7 DAY;",
        "SELECT count(*) AS n FROM customers c WHERE EXISTS (SELECT 1 FROM transactions t WHERE t.customer_id = c.customer_id)",
        "SELECT * FROM customers",
    };

    [Theory]
    [MemberData(nameof(RelationAsValue))]
    public void RelationUsedAsAValue_IsRefused(string sql) => AssertRefused(sql);

    [Theory]
    [MemberData(nameof(TableFunctions))]
    public void TableFunction_IsRefused_EvenByAQuotedNameWithAnAliasOfTheSameName(string sql) => AssertRefused(sql);

    [Theory]
    [MemberData(nameof(LiteralTricksAndStacking))]
    public void LiteralTrickOrStackedStatement_IsRefused(string sql) => AssertRefused(sql);

    [Theory]
    [MemberData(nameof(RowExplosions))]
    public void RowExplosion_IsRefusedBeforeItRuns(string sql) => AssertRefused(sql);

    [Theory]
    [MemberData(nameof(EngineControl))]
    public void SettingsPragmaAttachCopyInstallLoadSetCall_AreRefused(string sql) => AssertRefused(sql);

    [Theory]
    [MemberData(nameof(PersonalDataAndGroundTruth))]
    public void PersonalColumnsAndGroundTruth_AreRefused(string sql) => AssertRefused(sql);

    [Theory]
    [MemberData(nameof(Benign))]
    public void BenignAnalyticsSql_IsAllowed(string sql)
    {
        SqlGuardVerdict verdict = DuckDBAnalyticsSandbox.Check(_parser, sql, Views);

        Assert.True(verdict.IsAllowed, $"{sql}\n=> {verdict.Reason}");
        Assert.False(verdict.Sql!.EndsWith(';'));
    }

    [Fact]
    public void Refusal_NamesWhatWasRefused()
    {
        Assert.Contains("read_csv", DuckDBAnalyticsSandbox.Check(_parser, "SELECT * FROM \"read_csv\"('x') AS read_csv", Views).Reason, StringComparison.Ordinal);
        Assert.Contains("relation", DuckDBAnalyticsSandbox.Check(_parser, "SELECT c FROM customers c", Views).Reason, StringComparison.Ordinal);
        Assert.Contains("getenv", DuckDBAnalyticsSandbox.Check(_parser, "SELECT getenv('HOME') AS h", Views).Reason, StringComparison.Ordinal);
        Assert.Contains("one statement", DuckDBAnalyticsSandbox.Check(_parser, "SELECT 1 AS a; SELECT 2 AS b", Views).Reason, StringComparison.Ordinal);
    }

    public void Dispose() => _parser.Dispose();

    private void AssertRefused(string sql)
    {
        SqlGuardVerdict verdict = DuckDBAnalyticsSandbox.Check(_parser, sql.Replace("{file}", SecretFile, StringComparison.Ordinal), Views);

        Assert.False(verdict.IsAllowed, $"allowed: {sql}");
        Assert.False(string.IsNullOrWhiteSpace(verdict.Reason));
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
}

using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.Profiles;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.TestRetailers.SummitOutfitters;

namespace AetherSegment.Core.Tests.Analytics;

public sealed class AnalyticsSqlGuardTests
{
    private static readonly BusinessProfile Demo = HomeFurnishingProfile.Load();

    public static TheoryData<string, string> Hostile => new()
    {
        { "DELETE FROM customers", "only a single SELECT" },
        { "DROP TABLE customers", "only a single SELECT" },
        { "SELECT 1; DROP TABLE customers", "DROP" },
        { "SELECT count(*) FROM customers; SELECT count(*) FROM transactions", "one statement" },
        { "select * from customers", "SELECT *" },
        { "SELECT c.* FROM customers c", "SELECT *" },
        { "SELECT email FROM customers", "personal data" },
        { "SELECT first_name, last_name FROM customers", "personal data" },
        { "SELECT \"email\" FROM customers", "personal data" },
        { "SELECT `last_name` FROM customers", "personal data" },
        { "SELECT true_uplift FROM ground_truth_uplift", "evaluation-only" },
        { "SELECT customer_id FROM ground_truth_uplift", "evaluation-only" },
        { "SELECT table_name FROM information_schema.tables", "not allowed" },
        { "SELECT name FROM sqlite_master", "not" },
        { "SELECT * FROM duckdb_tables()", "duckdb_tables" },
        { "SELECT database_name FROM duckdb_databases()", "duckdb_databases" },
        { "SELECT column0 FROM read_csv('/etc/passwd')", "read_csv" },
        { "SELECT a FROM read_parquet('s3://bucket/x.parquet')", "read_parquet" },
        { "SELECT file FROM glob('/root/*')", "glob" },
        { "SELECT count(*) FROM customers, read_json_auto('x.json')", "read_json_auto" },
        { "PRAGMA table_info('customers')", "only a single SELECT" },
        { "ATTACH 'other.db' AS other", "only a single SELECT" },
        { "COPY customers TO 'out.csv'", "only a single SELECT" },
        { "INSTALL httpfs", "only a single SELECT" },
        { "LOAD httpfs", "only a single SELECT" },
        { "CALL pragma_version()", "only a single SELECT" },
        { "SET memory_limit = '1GB'", "only a single SELECT" },
        { "SELECT country INTO backup FROM customers", "INTO" },
        { "WITH x AS (DELETE FROM customers RETURNING customer_id) SELECT count(*) FROM x", "DELETE" },
        { "SELECT current_setting('threads')", "current_setting" },
        { "SELECT getenv('HOME')", "getenv" },
        { "SELECT country FROM customers -- comment", "comments" },
        { "SELECT country /* hidden */ FROM customers", "comments" },
        { "SELECT country FROM customers WHERE city = $city", "parameters" },
        { "SELECT country FROM customers WHERE city = @@dataset_id", "parameters" },
        { "SELECT country FROM main.customers", "main" },
        { "SELECT country FROM `region-us`.INFORMATION_SCHEMA.JOBS", "not" },
        { "SELECT password FROM users", "not" },
        { "WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r) SELECT n FROM r", "RECURSIVE" },
        { "SELECT country FROM customers WHERE city = 'London", "not closed" },
        { "", "empty" },
        { "EXPLAIN SELECT country FROM customers", "only a single SELECT" },
        { "SELECT query('SELECT 1')", "query" },
        { "SELECT 1 AS ground_truth_uplift FROM ground_truth_uplift", "evaluation-only" },
        { "SELECT COUNT(*) FROM '/etc/passwd'", "files or URLs" },
        { "SELECT COUNT(*) FROM customers, 'https://example.com/x.csv'", "files or URLs" },
        { "SELECT COUNT(*) FROM customers c JOIN 'other.parquet' o ON o.customer_id = c.customer_id", "files or URLs" },
        { "SELECT COUNT(*) FROM \"data.csv\"", "not allowed" },
        { "SELECT 1 AS a) AS g CROSS JOIN (SELECT 2 AS b", "parentheses" },
        { "SELECT COUNT(*) FROM customers WHERE (country = 'Canada'", "parentheses" },
    };

    public static TheoryData<string> Benign => new()
    {
        "SELECT count(*) FROM customers",
        "SELECT country, count(*) AS customers FROM customers GROUP BY country ORDER BY customers DESC",
        "SELECT c.city, SUM(t.order_value) AS revenue FROM transactions t JOIN customers c ON c.customer_id = t.customer_id GROUP BY c.city ORDER BY revenue DESC LIMIT 5;",
        "SELECT category, AVG(order_value) AS aov FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-01' GROUP BY 1",
        "WITH recent AS (SELECT customer_id, cart_value FROM abandoned_carts WHERE abandoned_at >= now() - INTERVAL 7 DAY) SELECT COUNT(*) AS carts, AVG(cart_value) AS avg_value FROM recent",
        "SELECT trigger_type, AVG(CASE WHEN converted THEN 1.0 ELSE 0.0 END) - 0.05 AS adjusted FROM campaign_history GROUP BY trigger_type",
        "SELECT campaign_name, AVG(CASE WHEN \"group\" = 'treatment' THEN CAST(converted AS INT) END) AS treated FROM campaign_history GROUP BY campaign_name",
        "SELECT date_trunc('month', transaction_date) AS month, SUM(order_value * quantity) AS gross FROM transactions GROUP BY 1 ORDER BY 1",
        "SELECT EXTRACT(YEAR FROM created_at) AS y, COUNT(DISTINCT customer_id) AS n FROM customers GROUP BY 1",
        "SELECT device, COUNT(DISTINCT session_id) sessions FROM behavioral_events GROUP BY device",
        "SELECT s.customer_id, s.churn_probability FROM customer_scores s WHERE s.churn_probability > 0.9 ORDER BY 2 DESC",
        "SELECT city, ROW_NUMBER() OVER (PARTITION BY country ORDER BY COUNT(*) DESC) AS rank_in_country FROM customers GROUP BY country, city",
        "SELECT acquisition_source, ROUND(AVG(clv_score), 3) AS avg_clv FROM customers WHERE country IN ('Canada', 'United Kingdom') GROUP BY acquisition_source",
        "SELECT COUNT(*) FROM transactions WHERE product_name LIKE '%delete%'",
        "SELECT COUNT(*) FILTER (WHERE converted) AS conversions FROM campaign_history",
        "SELECT COUNT(*) FROM customers WHERE country IN ('Canada', 'Australia') AND city <> 'Perth'",
        "SELECT category, COUNT(*) FROM transactions, customers WHERE transactions.customer_id = customers.customer_id AND customers.city = 'London' GROUP BY category",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Check_HostileSql_IsRefusedWithAReason(string sql, string reasonContains)
    {
        SqlGuardVerdict verdict = AnalyticsSqlGuard.Check(sql, Demo);

        Assert.False(verdict.IsAllowed, sql);
        Assert.Null(verdict.Sql);
        Assert.Contains(reasonContains, verdict.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Benign))]
    public void Check_ReadOnlySelectOverAllowedColumns_IsAllowed(string sql)
    {
        SqlGuardVerdict verdict = AnalyticsSqlGuard.Check(sql, Demo);

        Assert.True(verdict.IsAllowed, verdict.Reason);
        Assert.False(verdict.Sql!.EndsWith(';'));
    }

    [Fact]
    public void Wrap_AddsARowLimitAsAParameter()
    {
        SqlStatement statement = AnalyticsSqlGuard.Wrap("SELECT country FROM customers", SqlDialect.BigQuery, 50);

        Assert.Equal("SELECT * FROM (\nSELECT country FROM customers\n) AS guarded_result LIMIT @max_rows", statement.Sql);
        QueryParameter limit = Assert.Single(statement.Parameters);
        Assert.Equal(50L, limit.Value);
    }

    [Theory]
    [InlineData("SELECT password FROM customers")]
    [InlineData("SELECT c.shoe_size FROM customers c")]
    public void Check_AColumnTheMappingDoesNotName_IsRefused(string sql)
    {
        SqlGuardVerdict verdict = AnalyticsSqlGuard.Check(sql, Demo);

        Assert.False(verdict.IsAllowed, sql);
        Assert.Contains("is not a column", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ColumnsOf_AnotherRetailer_AreTheColumnsItsMappingReads_WithoutPersonalOnes()
    {
        BusinessProfile summit = BusinessProfileLoader.LoadFile(SummitOutfittersProfile.Path);

        IReadOnlyList<string> members = AnalyticsSqlGuard.ColumnsOf(summit, "members");
        IReadOnlyList<string> promos = AnalyticsSqlGuard.ColumnsOf(summit, "promo_log");

        Assert.Contains("member_no", members);
        Assert.Contains("joined_on", members); // read by the expression CAST(joined_on AS TIMESTAMP)
        Assert.DoesNotContain("email_address", members);
        Assert.DoesNotContain("full_name", members);
        Assert.Contains("arm", promos); // read by the CASE expression of the arm
        Assert.Contains("did_convert", promos);
        Assert.DoesNotContain("fulfilment", AnalyticsSqlGuard.ColumnsOf(summit, "orders")); // not in the mapping
        Assert.True(AnalyticsSqlGuard.Check("SELECT arm, AVG(did_convert) AS rate FROM promo_log GROUP BY arm", summit).IsAllowed);
        Assert.Throws<ArgumentException>(() => AnalyticsSqlGuard.ColumnsOf(summit, "customers"));
    }

    [Fact]
    public void DescribeAllowedSchema_ListsTheSixTablesWithoutPersonalData()
    {
        string schema = AnalyticsSqlGuard.DescribeAllowedSchema(Demo);

        Assert.Equal(6, schema.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("customers(customer_id, created_at, country, city, acquisition_source, clv_score)", schema, StringComparison.Ordinal);
        Assert.Contains("transactions(", schema, StringComparison.Ordinal);
        Assert.Contains("product_name", schema, StringComparison.Ordinal);
        Assert.DoesNotContain("email", schema, StringComparison.Ordinal);
        Assert.DoesNotContain("first_name", schema, StringComparison.Ordinal);
        Assert.DoesNotContain("ground_truth", schema, StringComparison.Ordinal);
    }
}

using System.Text.Json.Nodes;
using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DependencyInjection;
using AetherSegment.Profiles;
using AetherSegment.Synthetic.Profiles;

namespace AetherSegment.Core.Tests.Analytics;

public sealed class AnalyticsCompilerTests
{
    // The demo profile without its id_unique declaration (rows may be order lines).
    private static readonly Lazy<SemanticLayer> UndeclaredLayer = new(() =>
    {
        using Stream stream = HomeFurnishingProfile.OpenJson();
        JsonObject json = JsonNode.Parse(stream)!.AsObject();
        json["entities"]!["orders"]!.AsObject().Remove("id_unique");
        return new SemanticLayer(BusinessProfileLoader.Parse(json.ToJsonString()));
    });

    private static CompiledQuery Compile(string question, SqlDialect dialect, (DateTimeOffset, DateTimeOffset)? range = null, SemanticLayer? layer = null)
    {
        layer ??= DemoSemanticLayer.Instance;
        ParsedQuestion parsed = QuestionParser.Parse(question, layer);
        Assert.True(parsed.Query is not null, parsed.Reason);
        CompiledQuery? compiled = AnalyticsCompiler.Compile(parsed.Query, layer, dialect, new AetherSegmentOptions(), range, 1000, out string? reason);
        Assert.True(compiled is not null, reason);
        return compiled;
    }

    [Theory]
    [InlineData("how many orders over $100?")]
    [InlineData("how many customers have at least 2 orders?")]
    [InlineData("orders by category")]
    [InlineData("what share of orders are Sofas?")]
    [InlineData("average order value by country")]
    public void Compile_OrdersIdDeclaredUnique_CountsRowsWithoutDistinctOrGroupingById(string question)
    {
        CompiledQuery declared = Compile(question, SqlDialect.DuckDB);
        CompiledQuery undeclared = Compile(question, SqlDialect.DuckDB, layer: UndeclaredLayer.Value);

        Assert.True(DemoSemanticLayer.Instance.Profile.Entities.Orders!.IdUnique);
        Assert.DoesNotContain("DISTINCT t.transaction_id", declared.Statement.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("GROUP BY t.transaction_id", declared.Statement.Sql, StringComparison.Ordinal);
        Assert.Contains("t.transaction_id", undeclared.Statement.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_OrdersIdNotDeclaredUnique_KeepsCountingDistinctIds()
    {
        CompiledQuery compiled = Compile("orders by category", SqlDialect.DuckDB, layer: UndeclaredLayer.Value);

        Assert.Contains("COUNT(DISTINCT t.transaction_id) AS orders", compiled.Statement.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_BigQuery_UsesAtParametersUnnestAndTimestampTrunc()
    {
        CompiledQuery compiled = Compile("revenue by week in the UK and Canada", SqlDialect.BigQuery);

        Assert.Contains("TIMESTAMP_TRUNC(t.transaction_date, ISOWEEK) AS week", compiled.Statement.Sql, StringComparison.Ordinal);
        Assert.Contains("c.country IN UNNEST(@country)", compiled.Statement.Sql, StringComparison.Ordinal);
        Assert.Contains("LIMIT @row_limit", compiled.Statement.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("Canada", compiled.Statement.Sql, StringComparison.Ordinal);
        QueryParameter countries = Assert.Single(compiled.Statement.Parameters, p => p.Name == "country");
        Assert.Equal(QueryParameterType.StringArray, countries.Type);
    }

    [Fact]
    public void Compile_BuyersByACustomerAttribute_WithUniqueCustomers_TotalsEachBuyerFirst_InBigQueryToo()
    {
        CompiledQuery compiled = Compile("top 3 cities by revenue per buyer in 2025", SqlDialect.BigQuery, (new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.True(DemoSemanticLayer.Instance.Profile.Entities.Customers.IdUnique);
        Assert.Contains("FROM (SELECT t.customer_id AS per_customer_id, SUM(t.order_value) AS per_customer_1 FROM transactions AS t WHERE t.transaction_date >= @time_start AND t.transaction_date < @time_end GROUP BY 1) AS p", compiled.Statement.Sql, StringComparison.Ordinal);
        Assert.Contains("JOIN customers AS c ON c.customer_id = p.per_customer_id", compiled.Statement.Sql, StringComparison.Ordinal);
        Assert.Contains("SUM(p.per_customer_1) / NULLIF(COUNT(*), 0) AS revenue_per_buyer", compiled.Statement.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("DISTINCT", compiled.Statement.Sql, StringComparison.Ordinal);
        Assert.Empty(AetherSegment.Core.Tests.Segments.GoogleSqlChecker.Problems(compiled.Statement));
    }

    [Fact]
    public void Compile_DuckDB_UsesDollarParametersAndAny()
    {
        CompiledQuery compiled = Compile("revenue by week in the UK and Canada", SqlDialect.DuckDB);

        Assert.Contains("date_trunc('week', t.transaction_date)", compiled.Statement.Sql, StringComparison.Ordinal);
        Assert.Contains("c.country = ANY($country)", compiled.Statement.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_CampaignUplift_QuotesTheReservedGroupColumn_AndBindsGroupsAsParameters()
    {
        CompiledQuery bigQuery = Compile("campaign uplift by trigger", SqlDialect.BigQuery);
        CompiledQuery duckDb = Compile("campaign uplift by trigger", SqlDialect.DuckDB);

        Assert.Contains("h.`group` = @treatment_group", bigQuery.Statement.Sql, StringComparison.Ordinal);
        Assert.Contains("h.\"group\" = $control_group", duckDb.Statement.Sql, StringComparison.Ordinal);
        Assert.Contains(duckDb.Statement.Parameters, p => p.Name == "treatment_group" && (string?)p.Value == "treatment");
    }

    [Theory]
    [InlineData("conversion rate for free shipping campaigns")]
    [InlineData("conversions by campaign")]
    [InlineData("campaign sends by trigger")]
    public void Compile_CampaignMeasures_CountTheTreatmentArm_WithOnlyItsValueBound(string question)
    {
        CompiledQuery compiled = Compile(question, SqlDialect.DuckDB);

        Assert.Contains("h.\"group\" = $treatment_group", compiled.Statement.Sql, StringComparison.Ordinal);
        Assert.Contains(compiled.Statement.Parameters, p => p.Name == "treatment_group" && (string?)p.Value == "treatment");
        Assert.DoesNotContain(compiled.Statement.Parameters, p => p.Name == "control_group");
    }

    [Fact]
    public void Compile_ValueTierThresholdsComeFromOptions()
    {
        ParsedQuestion parsed = QuestionParser.Parse("customers by value tier", DemoSemanticLayer.Instance);
        AetherSegmentOptions options = new() { HighValueThreshold = 0.8, LowValueThreshold = 0.3 };

        CompiledQuery compiled = AnalyticsCompiler.Compile(parsed.Query!, DemoSemanticLayer.Instance, SqlDialect.DuckDB, options, null, 1000, out _)!;

        Assert.Contains(compiled.Statement.Parameters, p => p.Name == "high_value_threshold" && (double?)p.Value == 0.8);
        Assert.Contains(compiled.Statement.Parameters, p => p.Name == "low_value_threshold" && (double?)p.Value == 0.3);
    }

    [Fact]
    public void Compile_DimensionNotOnTheMeasuresTable_ExplainsWhy()
    {
        ParsedQuestion parsed = QuestionParser.Parse("revenue by device", DemoSemanticLayer.Instance);

        CompiledQuery? compiled = AnalyticsCompiler.Compile(parsed.Query!, DemoSemanticLayer.Instance, SqlDialect.DuckDB, new AetherSegmentOptions(), null, 1000, out string? reason);

        Assert.Null(compiled);
        Assert.Equal("device is recorded on behavioral events, not on purchases, so revenue cannot be split by device", reason);
    }

    [Fact]
    public void Compile_TimeRangeOnScores_IsNotAppliedAndSaysSo()
    {
        CompiledQuery compiled = Compile("average churn probability last month", SqlDialect.DuckDB,
            (new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.DoesNotContain("time_start", compiled.Statement.Sql, StringComparison.Ordinal);
        Assert.Contains("no history", Assert.Single(compiled.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_EveryMeasureCompilesAndPassesTheGuard()
    {
        foreach (MeasureDefinition measure in DemoSemanticLayer.Instance.Measures)
        {
            AnalyticsQuery query = new(measure, DemoSemanticLayer.Instance.Dimension("country"), [], null, null, AnalyticsSort.Default);
            CompiledQuery compiled = AnalyticsCompiler.Compile(query, DemoSemanticLayer.Instance, SqlDialect.DuckDB, new AetherSegmentOptions(), null, 1000, out string? reason)!;
            Assert.True(compiled is not null, reason);
        }
    }
}

using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DependencyInjection;

namespace AetherSegment.Core.Tests.Analytics;

/// <summary>
/// Issue 17: ratios of two measures the semantic layer knows, campaign ids from the data and trigger ids. The parser
/// places both measures of a ratio (or declines naming the part it cannot place); the compiler divides the two totals
/// over the same filters and time range with NULLIF on a zero denominator, values always parameters.
/// </summary>
public sealed class RatioParserTests
{
    private static readonly string[] CampaignIds = ["CMP001", "CMP002", "CMP004"];

    [Theory]
    [InlineData("revenue per order", "revenue", "orders")]
    [InlineData("revenue divided by orders", "revenue", "orders")]
    [InlineData("orders per buyer", "orders", "buyers")]
    [InlineData("revenue per customer who ordered", "revenue", "buyers")]
    [InlineData("average revenue per customer", "revenue", "customers")]
    [InlineData("ratio of abandoned carts to orders", "abandoned_carts", "orders")]
    [InlineData("abandoned carts to orders ratio", "abandoned_carts", "orders")]
    [InlineData("what is the ratio between campaign sends and customers?", "campaign_sends", "customers")]
    [InlineData("how many orders per customer on average", "orders", "customers")]
    public void Parse_TwoMeasuresDivided_IsARatioOfThem(string question, string numerator, string denominator)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.True(parsed.Query is not null, parsed.Reason);
        RatioParts ratio = Assert.IsType<RatioParts>(parsed.Query.Ratio);
        Assert.Equal(numerator, ratio.Numerator.Name);
        Assert.Equal(denominator, ratio.Denominator.Name);
        Assert.False(parsed.Query.Measure.Additive);
    }

    [Fact]
    public void Parse_RatioWithBreakdownFilterTimeAndTopN_KeepsThemAll()
    {
        ParsedQuestion parsed = QuestionParser.Parse("top 3 cities by revenue per buyer in Canada last month", DemoSemanticLayer.Instance);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Equal("revenue_per_buyer", parsed.Query.Measure.Name);
        Assert.Equal("city", parsed.Query.Dimension?.Name);
        Assert.Equal(3, parsed.Query.Limit);
        Assert.NotNull(parsed.Query.Time);
        Assert.Contains(parsed.Query.Filters, f => f.Values.Contains("Canada"));
    }

    [Theory]
    [InlineData("revenue per head", "head")]
    [InlineData("revenue per unicorn", "unicorn")]
    [InlineData("average order value per customer", "already an average")]
    [InlineData("revenue per average order value", "not a count")]
    [InlineData("ratio of revenue", "ratio of what to what")]
    [InlineData("revenue per order over $100", "not both")]
    [InlineData("revenue by customer", "per single customer")]
    public void Parse_PerPhraseThatCannotBePlaced_IsDeclinedNamingIt(string question, string named)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, parsed.Status);
        Assert.Null(parsed.Query);
        Assert.Contains(named, parsed.Reason + " " + parsed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_SameTableRatio_DividesTheTwoAggregatesWithNullIf_AndSelectsBoth()
    {
        CompiledQuery compiled = Compile("revenue per order in Canada", SqlDialect.DuckDB);

        Assert.Contains("SUM(t.order_value) / NULLIF(COUNT(*), 0) AS revenue_per_order, SUM(t.order_value) AS revenue, COUNT(*) AS orders", compiled.Statement.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("Canada", compiled.Statement.Sql, StringComparison.Ordinal);
        Assert.Equal("revenue_per_order", compiled.MeasureColumn);
    }

    [Fact]
    public void Compile_RatioAcrossTables_JoinsTwoSubqueriesOnTheBreakdown_WithTheSameParameters()
    {
        CompiledQuery duckDb = Compile("top 3 countries by abandoned carts per order outside Canada", SqlDialect.DuckDB);
        CompiledQuery bigQuery = Compile("top 3 countries by abandoned carts per order outside Canada", SqlDialect.BigQuery);

        Assert.Contains("FROM abandoned_carts AS a", duckDb.Statement.Sql, StringComparison.Ordinal);
        Assert.Contains("FROM transactions AS t", duckDb.Statement.Sql, StringComparison.Ordinal);
        Assert.Contains("LEFT JOIN (", duckDb.Statement.Sql, StringComparison.Ordinal);
        Assert.Contains("COALESCE(n.abandoned_carts, 0) / NULLIF(d.orders, 0)", duckDb.Statement.Sql, StringComparison.Ordinal);
        Assert.Contains("QUALIFY RANK() OVER (ORDER BY COALESCE(n.abandoned_carts, 0) / NULLIF(d.orders, 0) DESC) <= $rank_limit", duckDb.Statement.Sql, StringComparison.Ordinal);
        Assert.Single(duckDb.Statement.Parameters, p => p.Name == "country");
        Assert.Contains("WHERE d.country IS NOT NULL\nQUALIFY", bigQuery.Statement.Sql, StringComparison.Ordinal);
        Assert.Contains("@rank_limit", bigQuery.Statement.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_RatioOverAllCustomers_WithATimeRange_IsDeclinedAsAmbiguous()
    {
        ParsedQuestion parsed = QuestionParser.Parse("revenue per customer last month", DemoSemanticLayer.Instance);
        Assert.NotNull(parsed.Query);

        CompiledQuery? compiled = AnalyticsCompiler.Compile(parsed.Query, DemoSemanticLayer.Instance, SqlDialect.DuckDB, new AetherSegmentOptions(), (DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(30)), 1000, out string? reason);

        Assert.Null(compiled);
        Assert.Contains("counted over all time", reason, StringComparison.Ordinal);
        Assert.Contains("revenue per buyer", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how many sends did campaign CMP004 have?")]
    [InlineData("campaign sends for the CMP004 campaign")]
    [InlineData("campaign sends for cmp004")]
    public void Parse_CampaignIdFromTheData_IsAFilter_NotABreakdown(string question)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance, [], CampaignIds);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Null(parsed.Query.Dimension);
        QueryFilter filter = Assert.Single(parsed.Query.Filters);
        Assert.Equal("campaign_id", filter.Dimension);
        Assert.Equal(["CMP004"], filter.Values);
    }

    [Fact]
    public void Parse_CampaignIdNotInTheData_IsDeclinedNamingIt()
    {
        ParsedQuestion parsed = QuestionParser.Parse("conversions of campaign CMP010", DemoSemanticLayer.Instance, [], CampaignIds);

        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, parsed.Status);
        Assert.Contains("CMP010", parsed.Reason + " " + parsed.Detail, StringComparison.Ordinal);
        Assert.Contains("no campaign has the id", parsed.Reason + " " + parsed.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("conversions for the free shipping trigger")]
    [InlineData("conversions for the free_shipping_offer trigger")]
    [InlineData("conversions for trigger free_shipping")]
    public void Parse_TriggerNamedWithTrigger_IsOneFilter(string question)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Null(parsed.Query.Dimension);
        QueryFilter filter = Assert.Single(parsed.Query.Filters);
        Assert.Equal(["free_shipping_offer"], filter.Values);
    }

    [Fact]
    public void Parse_TriggerIdNotInTheProfile_IsDeclinedNamingIt()
    {
        ParsedQuestion parsed = QuestionParser.Parse("conversions for the discount_15 trigger", DemoSemanticLayer.Instance);

        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, parsed.Status);
        Assert.Contains("no trigger \"discount_15\"", parsed.Reason + " " + parsed.Detail, StringComparison.Ordinal);
    }

    private static CompiledQuery Compile(string question, SqlDialect dialect)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);
        Assert.True(parsed.Query is not null, parsed.Reason);
        CompiledQuery? compiled = AnalyticsCompiler.Compile(parsed.Query, DemoSemanticLayer.Instance, dialect, new AetherSegmentOptions(), null, 1000, out string? reason);
        Assert.True(compiled is not null, reason);
        return compiled;
    }
}

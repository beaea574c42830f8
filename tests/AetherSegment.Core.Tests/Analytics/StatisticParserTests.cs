using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DependencyInjection;

namespace AetherSegment.Core.Tests.Analytics;

/// <summary>
/// Issue 17, stop 36: statistics over values. Each customer's total ("the median total spend of London customers who
/// have bought something", "the most sessions any one customer has had") is read as the statistic, the measure totalled,
/// and whether only the customers with rows count; each row's value ("median order value") as the measure's median. A
/// reading that could be of two bases or two periods is asked back.
/// </summary>
public sealed class StatisticParserTests
{
    [Theory]
    [InlineData("What's the biggest total spend by a single customer?", "Maximum", "revenue", false)]
    [InlineData("What is the biggest total amount any single customer has spent?", "Maximum", "revenue", false)]
    [InlineData("For customers with at least one order, what's the median lifetime spend?", "Median", "revenue", true)]
    [InlineData("What's the median total spend of London customers who have bought something?", "Median", "revenue", true)]
    [InlineData("Average total spend per buying customer in Montreal", "Average", "revenue", true)]
    [InlineData("Among customers who have bought at least once, what's the average number of orders per customer?", "Average", "orders", true)]
    [InlineData("On average, how many different categories has each buyer purchased from?", "Average", "distinct_category", true)]
    [InlineData("What's the most sessions any one customer has had?", "Maximum", "sessions", false)]
    [InlineData("Among customers who were in at least one campaign, how many campaigns were they in on average?", "Average", "campaign_count", true)]
    [InlineData("median lifetime spend per customer (all customers, non-buyers included)", "Median", "revenue", false)]
    [InlineData("What is the median number of orders per buyer in the United States?", "Median", "orders", true)]
    [InlineData("lowest total spend of a customer who has bought something", "Minimum", "revenue", true)]
    public void Parse_StatisticOfEachCustomersTotal_ReadsKindMeasureAndBase(string question, string kind, string of, bool withRowsOnly)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.True(parsed.Query?.Statistic is not null, parsed.Reason);
        Assert.Equal(kind, parsed.Query.Statistic.Kind.ToString());
        Assert.Equal(of, parsed.Query.Statistic.Of.Name);
        Assert.Null(parsed.Query.Statistic.Row);
        Assert.Equal(withRowsOnly, parsed.Query.Statistic.WithRowsOnly);
    }

    [Theory]
    [InlineData("What's the median total spend of London customers who have bought something?", "city", "London")]
    [InlineData("Average total spend per buying customer in Montreal", "city", "Montreal")]
    [InlineData("max lifetime spend of any customer in Canada", "country", "Canada")]
    public void Parse_StatisticWithFilter_KeepsTheCustomersFilter(string question, string dimension, string value)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.True(parsed.Query?.Statistic is not null, parsed.Reason);
        QueryFilter filter = Assert.Single(parsed.Query.Filters);
        Assert.Equal(dimension, filter.Dimension);
        Assert.Equal([value], filter.Values);
    }

    [Theory]
    [InlineData("median spend per buyer in London in the last 90 days", "RollingDays")]
    [InlineData("On average, how many orders has each buying customer placed this year?", "ThisYear")]
    [InlineData("Highest number of orders placed by any one customer this year", "ThisYear")]
    public void Parse_StatisticWithTimeRange_TotalsInTheRange(string question, string kind)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.True(parsed.Query?.Statistic is not null, parsed.Reason);
        Assert.Equal(kind, parsed.Query.Time?.Kind.ToString());
    }

    [Theory]
    [InlineData("median order value", "average_order_value")]
    [InlineData("What's the median order value for Bedroom orders last month?", "average_order_value")]
    [InlineData("median cart value", "average_cart_value")]
    [InlineData("median abandoned cart value this year", "average_cart_value")]
    public void Parse_MedianOfARowValue_IsTheRowsMedian(string question, string measure)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.True(parsed.Query?.Statistic is not null, parsed.Reason);
        Assert.Equal(StatisticKind.Median, parsed.Query.Statistic.Kind);
        Assert.Equal(measure, parsed.Query.Statistic.Of.Name);
        Assert.NotNull(parsed.Query.Statistic.Row);
    }

    [Theory]
    // Of an order or of a customer?
    [InlineData("median spend")]
    // Over all customers the lowest total is zero: asked back with the reading over those who bought.
    [InlineData("What's the smallest amount any one customer has spent?")]
    // Lifetime spend, or spend in the range?
    [InlineData("What's the median lifetime spend of customers who bought in the last 90 days?")]
    // The customers with any session, or with an iOS session?
    [InlineData("average number of sessions on iOS per customer with at least one session")]
    [InlineData("median spend on Bedroom per buyer")]
    // The largest order's value, or the most orders of one customer?
    [InlineData("What's the biggest order by a single customer?")]
    public void Parse_AmbiguousStatistic_IsDeclined(string question)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.Null(parsed.Query);
    }

    [Fact]
    public void Parse_AverageAlreadyAnsweredAsARatio_StaysTheRatio()
    {
        ParsedQuestion parsed = QuestionParser.Parse("average lifetime spend per paying customer", DemoSemanticLayer.Instance);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Null(parsed.Query.Statistic);
        Assert.NotNull(parsed.Query.Ratio);
    }

    [Fact]
    public void Compile_MedianPerCustomer_JoinsTotalsToTheCustomersWithParameters()
    {
        ParsedQuestion parsed = QuestionParser.Parse("What's the median total spend of London customers who have bought something?", DemoSemanticLayer.Instance);

        CompiledQuery? compiled = AnalyticsCompiler.Compile(parsed.Query!, DemoSemanticLayer.Instance, SqlDialect.DuckDB, new AetherSegmentOptions(), null, 1000, out string? reason);

        Assert.True(compiled is not null, reason);
        Assert.Contains("MEDIAN(COALESCE(p.revenue, 0))", compiled.Statement.Sql, StringComparison.Ordinal);
        Assert.Contains("\nJOIN (", compiled.Statement.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("London", compiled.Statement.Sql, StringComparison.Ordinal);
        Assert.Contains(compiled.Statement.Parameters, p => Equals(p.Value, "London"));
    }

    [Fact]
    public void Compile_MedianOnADialectWithoutOne_IsDeclined()
    {
        ParsedQuestion parsed = QuestionParser.Parse("median order value", DemoSemanticLayer.Instance);

        CompiledQuery? compiled = AnalyticsCompiler.Compile(parsed.Query!, DemoSemanticLayer.Instance, SqlDialect.BigQuery, new AetherSegmentOptions(), null, 1000, out string? reason);

        Assert.Null(compiled);
        Assert.Contains("median", reason, StringComparison.Ordinal);
    }
}

using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DependencyInjection;

namespace AetherSegment.Core.Tests.Analytics;

/// <summary>
/// Stop 37 (ask14): what the parser reads for the kinds the unseen sets declined in customers, revenue, shares and
/// per-customer statistics: a breakdown by year, shares of a negated condition, shares whose whole has a condition of its
/// own, statistics of each customer's total by an attribute of the customers, acquisition words before a source, shorthand,
/// and the readings that stay declined. The answers are recounted in SQL by StopThirtySevenAsk14Tests (Cli).
/// </summary>
public sealed class StopThirtySevenAsk14ParserTests
{
    private static readonly SemanticLayer Layer = DemoSemanticLayer.Instance;

    [Theory]
    [InlineData("How many new customers did we acquire in each calendar year?", "customers")]
    [InlineData("revenue by year", "revenue")]
    [InlineData("yearly orders in the UK", "orders")]
    [InlineData("revenue per year over the last 3 years", "revenue")]
    [InlineData("number of abandoned carts year by year", "abandoned_carts")]
    [InlineData("new customers per calendar year", "customers")]
    public void Parse_ByYear_IsATimeBreakdownByYear(string question, string measure)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, Layer);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Equal(measure, parsed.Query.Measure.Name);
        Assert.Equal(TimeGrain.Year, parsed.Query.Dimension?.Grain);
    }

    [Fact]
    public void Compile_ByYear_IsTheYearNumber()
    {
        ParsedQuestion parsed = QuestionParser.Parse("revenue by year", Layer);

        CompiledQuery? compiled = AnalyticsCompiler.Compile(parsed.Query!, Layer, SqlDialect.DuckDB, new AetherSegmentOptions(), null, 100, out string? reason);

        Assert.True(compiled is not null, reason);
        Assert.Contains("EXTRACT(YEAR FROM t.transaction_date) AS year", compiled.Statement.Sql, StringComparison.Ordinal);
        Assert.Equal("EXTRACT(YEAR FROM x)", SqlDialect.BigQuery.TruncateTimestamp("x", TimeGrain.Year));
    }

    [Theory]
    [InlineData("revenue for the year")]
    [InlineData("which year")]
    public void Parse_YearWithoutBreakdownWords_IsNoBreakdown(string question)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, Layer);

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, parsed.Status);
    }

    [Theory]
    [InlineData("what % of customers have never bought anything?", "buyers", 0)]
    [InlineData("What proportion of our customers have never placed an order?", "buyers", 0)]
    [InlineData("percentage of customers without any orders", "buyers", 0)]
    [InlineData("what fraction of customers have never abandoned a cart", "abandoned_carts", 0)]
    [InlineData("What percentage of UK customers have never purchased?", "buyers", 1)]
    [InlineData("what percent of customers from email never ordered", "buyers", 1)]
    public void Parse_ShareOfANegatedCondition_IsOutOfTheCustomersTheFiltersPick(string question, string without, int wholeFilters)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, Layer);

        Assert.True(parsed.Query is { Share: true }, parsed.Reason);
        CustomerCondition condition = Assert.Single(parsed.Query.Conditions);
        Assert.True(condition.Negated);
        Assert.Equal(without, condition.Measure.Name);
        Assert.Equal(wholeFilters, parsed.Query.Filters.Count(f => f.NamesMeasure));
        Assert.Equal(parsed.Query.Filters.Count, wholeFilters);
    }

    [Theory]
    [InlineData("What percentage of customers with an abandoned cart are exclusivity seekers?", 1, 2)]
    [InlineData("Among customers who abandoned a cart, what share have never bought anything?", 1, 2)]
    [InlineData("Of the customers who abandoned a cart, what percent never bought anything?", 1, 2)]
    [InlineData("what share of customers who bought Sofas also bought Mattresses?", 1, 2)]
    [InlineData("Among buyers, what share are exclusivity seekers?", 1, 2)]
    [InlineData("What share of exclusivity seekers have an abandoned cart?", 1, 2)]
    [InlineData("what share of customers with more than 5 orders are from the UK", 1, 1)]
    public void Parse_ShareWhoseWholeHasACondition_KeepsTheWhole(string question, int wholeConditions, int partConditions)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, Layer);

        Assert.True(parsed.Query is { Share: true, ShareWhole: not null }, parsed.Reason);
        Assert.Equal(wholeConditions, parsed.Query.ShareWhole.Conditions.Count);
        Assert.Equal(partConditions, parsed.Query.Conditions.Count);
        Assert.Same(Layer.CustomerCount, parsed.Query.ShareWhole.Measure);
    }

    [Fact]
    public void Compile_ShareWhoseWholeHasACondition_RenamesAParameterTheWholeGivesAnotherValue()
    {
        // The part's first condition is the flag (over 0), the whole's the orders (over 5): both named condition_0_value.
        ParsedQuestion parsed = QuestionParser.Parse("what share of customers with more than 5 orders are exclusivity seekers", Layer);
        Assert.True(parsed.Query is { ShareWhole: not null }, parsed.Reason);

        CompiledQuery? compiled = AnalyticsCompiler.Compile(parsed.Query, Layer, SqlDialect.DuckDB, new AetherSegmentOptions(), null, 100, out string? reason);

        Assert.True(compiled is not null, reason);
        Assert.Equal(compiled.Statement.Parameters.Count, compiled.Statement.Parameters.Select(p => p.Name).Distinct().Count());
        Assert.All(compiled.Statement.Parameters, p => Assert.Contains("$" + p.Name, compiled.Statement.Sql, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Average total spend per buying customer, broken down by country", "Average", "country", true)]
    [InlineData("median spend per buying customer by city", "Median", "city", true)]
    [InlineData("average spend per customer by acquisition source", "Average", "acquisition_source", false)]
    [InlineData("top 3 countries by median spend per buyer", "Median", "country", true)]
    public void Parse_StatisticByACustomerAttribute_GroupsTheCustomers(string question, string kind, string dimension, bool withRowsOnly)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, Layer);

        Assert.True(parsed.Query?.Statistic is not null, parsed.Reason);
        Assert.Equal(kind, parsed.Query.Statistic.Kind.ToString());
        Assert.Equal(dimension, parsed.Query.Dimension?.Key);
        Assert.Equal(withRowsOnly, parsed.Query.Statistic.WithRowsOnly);
    }

    [Theory]
    [InlineData("For customers who have purchased, what's the average number of different product categories they've bought from?", "distinct_category", false)]
    [InlineData("on average how many different categories does a buyer purchase from", "distinct_category", false)]
    [InlineData("For customers who bought something in the last 90 days, how much did each spend on average during those 90 days?", "revenue", true)]
    public void Parse_StatisticSaidOtherwise_IsReadOverTheBuyers(string question, string of, bool timed)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, Layer);

        Assert.True(parsed.Query?.Statistic is not null, parsed.Reason);
        Assert.Equal(of, parsed.Query.Statistic.Of.Name);
        Assert.True(parsed.Query.Statistic.WithRowsOnly);
        Assert.Equal(timed, parsed.Query.Time is not null);
    }

    [Theory]
    [InlineData("median spend per buyer by category")]
    [InlineData("average spend per buying customer by month")]
    [InlineData("how much did each customer spend on average during those 90 days")]
    [InlineData("revenue from new customers in the last 30 days")]
    [InlineData("revenue from customers who signed up last month")]
    [InlineData("instagram vs facebook - how many custs came from each")]
    public void Parse_ReadingThatCannotBeTold_IsDeclined(string question)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, Layer);

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, parsed.Status);
    }

    [Theory]
    [InlineData("In the last 30 days, what share of revenue came from customers acquired through social?", "social")]
    [InlineData("revenue from customers who signed up via email last month", "email")]
    public void Parse_AcquiredThroughASource_IsTheSourceWithTheRangeOnTheMeasure(string question, string source)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, Layer);

        Assert.True(parsed.Query is { Time: not null }, parsed.Reason);
        QueryFilter filter = Assert.Single(parsed.Query.Filters);
        Assert.Equal("acquisition_source", filter.Dimension);
        Assert.Equal([source], filter.Values);
    }

    [Theory]
    [InlineData("how many custs in toronto", "how many customers in toronto")]
    [InlineData("how many customers placed 3+ orders", "how many customers placed 3 or more orders")]
    [InlineData("how many ppl have a churn probability > 0.6", "how many people have a churn probability over 0.6")]
    [InlineData("count customers whose biggest single order was over 2k", "count customers with an order over $2000")]
    [InlineData("Average abandoned cart value per customer country", "Average abandoned cart value by country")]
    [InlineData("% of events that come from mobile (ios + android)", "% of events that come from mobile")]
    [InlineData("revenue in November 2026 to date", "revenue in November 2026")]
    public void Parse_Shorthand_ReadsAsTheWordsItStandsFor(string question, string same)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, Layer);
        ParsedQuestion expected = QuestionParser.Parse(same, Layer);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.True(expected.Query is not null, expected.Reason);
        string sql = AnalyticsCompiler.Compile(parsed.Query, Layer, SqlDialect.DuckDB, new AetherSegmentOptions(), null, 100, out _)!.Statement.Sql;
        Assert.Equal(AnalyticsCompiler.Compile(expected.Query, Layer, SqlDialect.DuckDB, new AetherSegmentOptions(), null, 100, out _)!.Statement.Sql, sql);
    }
}

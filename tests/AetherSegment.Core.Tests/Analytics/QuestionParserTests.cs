using AetherSegment.Analytics;

namespace AetherSegment.Core.Tests.Analytics;

public sealed class QuestionParserTests
{
    [Theory]
    [InlineData("delete all customers", "would change data")]
    [InlineData("Drop table customers", "would change data")]
    [InlineData("please truncate the transactions", "would change data")]
    [InlineData("update the churn scores to zero", "would change data")]
    [InlineData("insert a new customer called Bob", "would change data")]
    [InlineData("remove all carts from last week", "would change data")]
    [InlineData("show me passwords", "personal data")]
    [InlineData("email addresses of customers in London", "personal data")]
    [InlineData("list the first names of our VIPs", "personal data")]
    [InlineData("phone numbers of high value customers", "personal data")]
    [InlineData("what is the true uplift of free shipping", "ground-truth")]
    [InlineData("list all tables", "outside the data model")]
    [InlineData("show the information_schema", "outside the data model")]
    [InlineData("SELECT email FROM customers", "SQL typed into the question")]
    public void Parse_HostileQuestion_IsRefusedWithAReason(string question, string reason)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.Equal(AnalyticsAnswerStatus.Refused, parsed.Status);
        Assert.Contains(reason, parsed.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what's the weather in Paris?", "\"weather\"")]
    [InlineData("revenue in Paris", "\"paris\"")]
    [InlineData("revenue and orders by city", "one measure at a time")]
    [InlineData("revenue by city by month", "one breakdown at a time")]
    [InlineData("revenue over 500", "\"500\"")]
    [InlineData("tell me a joke", "\"joke\"")]
    [InlineData("revenue by customer", "per single customer")]
    [InlineData("customers by revenue", "could be the customers with the most revenue")]
    [InlineData("show customers by orders", "could be the customers with the most orders")]
    [InlineData("revenue per head", "per single customer")]
    [InlineData("by city", "what to measure")]
    [InlineData("revenue last month and this year", "one time range")]
    [InlineData("who are our best customers?", "the most or best of what")]
    [InlineData("what is the highest revenue", "the most or best of what")]
    public void Parse_QuestionItCannotPlace_IsUnanswerable_WithoutAGuess(string question, string reason)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, parsed.Status);
        Assert.Null(parsed.Query);
        Assert.Contains(reason, parsed.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("How many customers do we have in Canada?", "customers", null, "country=Canada")]
    [InlineData("number of shoppers", "customers", null, "")]
    [InlineData("total sales in the UK", "revenue", null, "country=United Kingdom")]
    [InlineData("AOV by category", "average_order_value", "category", "")]
    [InlineData("average basket value on nothing", null, null, "")]
    [InlineData("basket value for sofas", "average_order_value", null, "product_type=Sofas")]
    [InlineData("which city has the most abandoned carts", "abandoned_carts", "city", "")]
    [InlineData("add to cart events on mobile", "events", null, "event_type=add_to_cart;device=ios,android")]
    [InlineData("customers from paid search per city", "customers", "city", "acquisition_source=paid_search")]
    [InlineData("customers acquired via email", "customers", null, "acquisition_source=email")]
    [InlineData("revenue in the US vs Canada", "revenue", "country", "country=United States,Canada")]
    [InlineData("conversion rate for free shipping campaigns", "conversion_rate", null, "trigger=free_shipping_offer")]
    [InlineData("free shipping sensitivity by country", "average_free_shipping_sensitivity", "country", "")]
    [InlineData("remove from cart events by device", "events", "device", "event_type=remove_from_cart")]
    [InlineData("revenue from Kitchen & Dining", "revenue", null, "category=Kitchen & Dining")]
    [InlineData("orders for office chairs", "orders", null, "product_type=Office Chairs")]
    [InlineData("monthly revenue trend", "revenue", "month", "")]
    [InlineData("how many customers bought sofas last month?", "buyers", null, "product_type=Sofas")]
    public void Parse_ReadsMeasureDimensionAndFilters(string question, string? measure, string? dimension, string filters)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        if (measure is null)
        {
            Assert.Equal(AnalyticsAnswerStatus.Unanswerable, parsed.Status);
            return;
        }

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Equal(measure, parsed.Query.Measure.Name);
        Assert.Equal(dimension, parsed.Query.Dimension?.Name);
        Assert.Equal(filters, string.Join(";", parsed.Query.Filters.Select(f => $"{f.Dimension}={string.Join(",", f.Values)}")));
    }

    [Theory]
    [InlineData("revenue last month", "2026-10-01", "2026-11-01")]
    // Rolling ranges include the as-of instant: their exclusive end is one microsecond after it.
    [InlineData("revenue in the last 30 days", "2026-10-21T12:00:00", "2026-11-20T12:00:00.000001")]
    [InlineData("revenue over the past 2 weeks", "2026-11-06T12:00:00", "2026-11-20T12:00:00.000001")]
    [InlineData("revenue in the last 24 hours", "2026-11-19T12:00:00", "2026-11-20T12:00:00.000001")]
    [InlineData("revenue in the past 3 months", "2026-08-20T12:00:00", "2026-11-20T12:00:00.000001")]
    [InlineData("revenue this year", "2026-01-01", "2026-11-21")]
    [InlineData("revenue last year", "2025-01-01", "2026-01-01")]
    [InlineData("revenue last week", "2026-11-09", "2026-11-16")]
    [InlineData("revenue this week", "2026-11-16", "2026-11-21")]
    [InlineData("revenue yesterday", "2026-11-19", "2026-11-20")]
    [InlineData("revenue today", "2026-11-20", "2026-11-21")]
    [InlineData("revenue in October", "2026-10-01", "2026-11-01")]
    [InlineData("revenue in December", "2025-12-01", "2026-01-01")]
    [InlineData("revenue in may", "2026-05-01", "2026-06-01")]
    [InlineData("revenue in March 2025", "2025-03-01", "2025-04-01")]
    [InlineData("revenue in 2025", "2025-01-01", "2026-01-01")]
    [InlineData("revenue last quarter", "2026-07-01", "2026-10-01")]
    [InlineData("revenue month to date", "2026-11-01", "2026-11-21")]
    public void Parse_TimeRange_ResolvesAgainstTheAsOf(string question, string start, string end)
    {
        DateTimeOffset asOf = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.True(parsed.Query?.Time is not null, parsed.Reason);
        (DateTimeOffset from, DateTimeOffset to) = parsed.Query.Time.Resolve(asOf);
        Assert.Equal(DateTimeOffset.Parse(start + (start.Contains('T', StringComparison.Ordinal) ? "Z" : "T00:00:00Z"), System.Globalization.CultureInfo.InvariantCulture), from);
        Assert.Equal(DateTimeOffset.Parse(end + (end.Contains('T', StringComparison.Ordinal) ? "Z" : "T00:00:00Z"), System.Globalization.CultureInfo.InvariantCulture), to);
    }

    [Theory]
    [InlineData("how many customers have a lifetime value between 500 and 2000?", 500.0, 2000.0)]
    [InlineData("customers who spent between 100 and 2025 dollars", 100.0, 2025.0)]
    [InlineData("customers who spent over 2000", 2000.0, null)]
    [InlineData("customers who spent at most 2030", 2030.0, null)]
    public void Parse_FourDigitAmountInAComparison_IsAnAmountNotAYear(string question, double value, double? upper)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Null(parsed.Query.Time);
        NumericComparison comparison = Assert.Single(parsed.Query.Conditions).Comparison!;
        Assert.Equal(value, comparison.Value);
        Assert.Equal(upper, comparison.Upper);
    }

    [Fact]
    public void Parse_RangeBetweenTwoYears_StaysAComparisonOfPeriods()
    {
        ParsedQuestion parsed = QuestionParser.Parse("revenue growth between 2024 and 2025", DemoSemanticLayer.Instance);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Equal(2024, parsed.Query.Time!.Amount);
        Assert.Equal(2025, parsed.Query.ComparedTime!.Amount);
    }

    [Theory]
    [InlineData("customers with a churn probability between 0.5", "0.5")]
    [InlineData("how many customers spent between 100?", "100")]
    public void Parse_RangeWithOneEnd_IsDeclinedNotReadAsAtLeast(string question, string unplaced)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, parsed.Status);
        Assert.Null(parsed.Query);
        Assert.Contains(unplaced, parsed.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("top 5 cities by revenue", 5, "desc")]
    [InlineData("top ten product types by units sold", 10, "desc")]
    [InlineData("bottom 3 categories by orders", 3, "asc")]
    [InlineData("which country has the fewest customers", 1, "asc")]
    [InlineData("which cities have the most revenue", null, "desc")]
    [InlineData("revenue by city in ascending order", null, "asc")]
    [InlineData("revenue by city alphabetically", null, "name")]
    public void Parse_TopNAndSorting(string question, int? limit, string sort)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Equal(limit, parsed.Query.Limit);
        Assert.Equal(sort, parsed.Query.Sort switch
        {
            AnalyticsSort.MeasureDescending => "desc",
            AnalyticsSort.MeasureAscending => "asc",
            AnalyticsSort.DimensionAscending => "name",
            _ => "default",
        });
    }

    [Theory]
    // Stop 36: "Of the customers who came from paid search, what percent are in the United States?" is answered, out of
    // the customers from paid search (StatisticAnswerTests); with both filters after the share word it is still asked back.
    [InlineData("what percent of customers are in the United States and came from paid search", "out of which customers?")]
    [InlineData("For each country, what share of customers are exclusivity seekers?", "out of that country's customers or out of all of them")]
    [InlineData("In each country, what share of customers were acquired through social?", "out of that country's customers or out of all of them")]
    [InlineData("what share of customers who bought Sofas by country", "out of which customers?")]
    public void Parse_QuestionWhoseReadingWouldAnswerAnotherQuestion_IsAskedBack(string question, string reason)
    {
        // Found by a blind set at stop 32: answered out of all customers instead of the paid-search ones. (Its companion,
        // "customers with churn probability over 0.6 and a CLV score above 0.5", asked back then, is answered since stop
        // 34, each comparison on the measure before it: ConjoinedComparisonsTests recounts it.)
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, parsed.Status);
        Assert.Contains(reason, (parsed.Reason ?? "") + " " + parsed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ShareOutOfAllWithTwoFilters_IsTheShareOfAll()
    {
        ParsedQuestion parsed = QuestionParser.Parse("what share of all customers are in the United States and from paid search?", DemoSemanticLayer.Instance);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.True(parsed.Query.Share);
        Assert.Equal(2, parsed.Query.Filters.Count);
    }
}

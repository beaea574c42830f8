using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// A ratio of one measure under two filters of one dimension ("ratio of iOS sessions to Android sessions", "how many times
/// more revenue does one category bring in than another") is answered as one number, each side recounted here in SQL;
/// a filter said inside one side only, a breakdown or a threshold is declined, never applied to both sides.
/// </summary>
public sealed class FilterRatioTests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    [InlineData("What is the ratio of iOS sessions to Android sessions?",
        "SELECT (SELECT count(DISTINCT session_id) FROM behavioral_events WHERE device = 'ios') / (SELECT count(DISTINCT session_id) FROM behavioral_events WHERE device = 'android')",
        "sessions on ios divided by the number of sessions on android")]
    [InlineData("ratio of add-to-cart events to product views",
        "SELECT (SELECT count(*) FROM behavioral_events WHERE event_type = 'add_to_cart') / (SELECT count(*) FROM behavioral_events WHERE event_type = 'product_view')",
        "add to cart events divided by")]
    [InlineData("How many times more revenue does Bedroom bring in than Bathroom?",
        "SELECT (SELECT sum(order_value) FROM transactions WHERE category = 'Bedroom') / (SELECT sum(order_value) FROM transactions WHERE category = 'Bathroom')",
        "revenue for Bedroom divided by the total revenue for Bathroom")]
    [InlineData("how many times more orders came from the US than from Canada last month",
        "SELECT (SELECT count(*) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'United States' AND t.transaction_date >= TIMESTAMP '2026-10-01' AND t.transaction_date < TIMESTAMP '2026-11-01') / (SELECT count(*) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'Canada' AND t.transaction_date >= TIMESTAMP '2026-10-01' AND t.transaction_date < TIMESTAMP '2026-11-01')",
        "orders in United States divided by the number of orders in Canada last month")]
    public async Task OneMeasureUnderTwoFilters_IsTheirQuotient(string question, string truth, string restated)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: true);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), Convert.ToDouble(answer.Rows[0][answer.Columns[0]]), 9);
        Assert.Contains(restated, answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ratio of US iOS sessions to Android sessions")]
    [InlineData("ratio of iOS sessions to Android sessions by country")]
    [InlineData("ratio of US orders over $500 to Canada orders")]
    public async Task AFilterOnOneSideOrAnotherPart_IsDeclined(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, answer.Status);
    }
}

using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 43: the held-out sets' wrong answers (blind34 and blind35, read after they were measured) and the kinds
/// they stand for. Each was an answer to a different question; each is now declined with what was read, or answered right.
/// </summary>
public sealed class HeldOutStop43Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    // The future: last December's average churn probability was given for "will churn in December".
    [InlineData("How many customers will churn in December?", "asks about the future")]
    [InlineData("how many orders will we get this month", "asks about the future")]
    // The business's own spending: the campaign's attributed revenue was given.
    [InlineData("how much have we spent on campaigns this year", "asks what the business spent")]
    // A count of customers where none was asked: "over 2,000" read as a number of orders per customer.
    [InlineData("Orders over 2,000 placed this year: how many?", "counts no customers")]
    [InlineData("How many orders were over 2000 this year?", "counts no customers")]
    // A base said for an average per customer and now applied (stop 44): BasesAndScopesStop44Tests.
    // Two values of one level said together of sessions (blind36, training): one row per event type was given.
    [InlineData("How many sessions had both a search and an add_to_cart?", "named together")]
    [InlineData("How many sessions had a search and an add to cart?", "named together")]
    [InlineData("revenue from both the US and Canada", "named together")]
    public async Task ADifferentQuestion_IsDeclinedWithWhatWasRead(string question, string reason) =>
        await RuleAnswers.AssertDeclinedAsync(database.Path, question, reason);

    [Theory]
    [InlineData("Which customers are going to buy a sofa next month?")]
    [InlineData("How much did we spend on the Winter 2026 Win-Back Discount campaign?")]
    [InlineData("What was our marketing spend last month?")]
    public async Task TheSameKinds_AreNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);

    [Theory]
    // "on the site or apps" is every device; "on the site" was dropped and "apps" kept, which counted the apps only.
    [InlineData("How many customers were active on the site or apps in the last 30 days?")]
    [InlineData("How many customers were active across our website and app in the last 30 days?")]
    public async Task SiteOrApps_IsEveryDevice(string question) =>
        await RuleAnswers.AssertValueAsync(database.Path, question,
            "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_timestamp >= TIMESTAMP '2026-10-21 12:00:00' AND event_timestamp <= TIMESTAMP '2026-11-20 12:00:00'");

    [Theory]
    // The kinds beside them keep their answers.
    [InlineData("How many orders over $2,000 were placed this year?", "SELECT count(*) FROM transactions WHERE order_value > 2000 AND transaction_date >= TIMESTAMP '2026-01-01 00:00:00'")]
    [InlineData("How many customers placed more than 3 orders this year?", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE transaction_date >= TIMESTAMP '2026-01-01 00:00:00' GROUP BY 1 HAVING count(*) > 3)")]
    [InlineData("How many customers have spent more than $2,000 in total across all their purchases?", "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING sum(order_value) > 2000)")]
    [InlineData("How many customers bought both Sofas and Mattresses?", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE product_type IN ('Sofas', 'Mattresses') GROUP BY 1 HAVING count(DISTINCT product_type) = 2)")]
    [InlineData("events per customer", "SELECT (SELECT count(*) FROM behavioral_events) * 1.0 / (SELECT count(*) FROM customers)")]
    public async Task TheKindsBeside_KeepTheirAnswers(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth);
}

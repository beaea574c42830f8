using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 43 red team (rt1, scope and quantifier words): readings that answered a different question, now
/// declined with what was read, and the wordings beside them that keep their answers.
/// </summary>
public sealed class RedTeamRt1Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    // "every category" was read as the buyers of each category, one row each.
    [InlineData("How many customers have bought from every category?", "asks for the ones that bought from each")]
    [InlineData("how many customers bought from all categories in 2026", "asks for the ones that bought from each")]
    // "just one / more than one category" was read as a breakdown by category.
    [InlineData("How many customers purchased from just one category?", "how many different values")]
    [InlineData("How many customers bought from more than one category?", "how many different values")]
    // "all their orders in X" was read as anyone with an order in X.
    [InlineData("How many customers have all their orders in the Kitchen & Dining category?", "every one of whose orders")]
    [InlineData("How many customers have all of their purchases in Office?", "every one of whose orders")]
    // "every category except A and B" was read as excluding A and keeping only B.
    [InlineData("Orders in all categories except Bedroom and Office in 2026", "excluded and others as kept")]
    [InlineData("Revenue for all categories except Office and Lighting", "excluded and others as kept")]
    // "only" of events was read as every session (or customer) that had the event.
    [InlineData("How many sessions had only product views?", "had nothing else")]
    [InlineData("How many sessions had only a search?", "had nothing else")]
    public async Task ADifferentQuestion_IsDeclinedWithWhatWasRead(string question, string reason) =>
        await RuleAnswers.AssertDeclinedAsync(database.Path, question, reason);

    [Theory]
    [InlineData("How many customers in the UK bought from multiple categories?")]
    [InlineData("How many customers bought from a single category?")]
    public async Task TheSameKinds_AreNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);

    [Theory]
    // blind9: an instruction after the question ("Only count ...") is not "had only".
    [InlineData("On average, how many browsing sessions does a customer have? Only count customers with at least one session.", "SELECT avg(n) FROM (SELECT customer_id, count(DISTINCT session_id) AS n FROM behavioral_events GROUP BY 1)")]
    [InlineData("How many customers have only one order?", "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING count(*) = 1)")]
    [InlineData("How many customers have just one order?", "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING count(*) = 1)")]
    [InlineData("How many customers bought from exactly 2 categories?", "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING count(DISTINCT category) = 2)")]
    [InlineData("How many customers have spent more than $2,000 in total across all their purchases?", "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING sum(order_value) > 2000)")]
    [InlineData("How many customers bought Bedroom but not Office?", "SELECT count(DISTINCT customer_id) FROM transactions WHERE category = 'Bedroom' AND customer_id NOT IN (SELECT customer_id FROM transactions WHERE category = 'Office')")]
    [InlineData("How many orders were not in the Bedroom category?", "SELECT count(*) FROM transactions WHERE category <> 'Bedroom'")]
    [InlineData("Revenue apart from Living Room", "SELECT sum(order_value) FROM transactions WHERE category <> 'Living Room'")]
    [InlineData("How many customers outside the United States?", "SELECT count(*) FROM customers WHERE country <> 'United States'")]
    [InlineData("How many customers from the United States or Canada?", "SELECT count(*) FROM customers WHERE country IN ('United States', 'Canada')")]
    [InlineData("How many customers placed no more than 3 orders?", "SELECT count(*) FROM (SELECT c.customer_id FROM customers c LEFT JOIN transactions t ON t.customer_id = c.customer_id GROUP BY 1 HAVING count(t.transaction_id) <= 3)")]
    [InlineData("How many customers bought both Sofas and Bedding?", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE product_type IN ('Sofas', 'Bedding') GROUP BY 1 HAVING count(DISTINCT product_type) = 2)")]
    [InlineData("How many events other than page views happened last week?", "SELECT count(*) FROM behavioral_events WHERE event_type <> 'page_view' AND event_timestamp >= TIMESTAMP '2026-11-09 00:00:00' AND event_timestamp < TIMESTAMP '2026-11-16 00:00:00'")]
    public async Task TheKindsBeside_KeepTheirAnswers(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth);
}

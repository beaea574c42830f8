namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 46 (cov59): wordings the unseen sets blind50 to blind54 declined, each checked against a hand-written
/// query on a real DuckDB store: "that year" after one year said, "made purchases in both 2025 and 2026", "(both years)",
/// "sessions started" on a count of sessions, "not made a single purchase yet", "how many sessions does a customer have
/// (only customers with at least one event)", "how many more orders this month than last month", "both A and B (at any
/// time, not necessarily in the same order)", "the highest spend of any single (city) customer" and "single biggest order
/// ever"; and nearby wordings that mean something else, still declined.
/// </summary>
public sealed class CoverageStop46Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string AsOf = "TIMESTAMP '2026-11-20 12:00:00'";

    [Theory]
    [InlineData("Among customers who bought something in 2025, how many spent less than $100 in total that year?", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE year(transaction_date) = 2025 GROUP BY 1 HAVING sum(order_value) < 100)")]
    [InlineData("How many customers made purchases in both 2025 and 2026?", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE year(transaction_date) = 2025 INTERSECT SELECT customer_id FROM transactions WHERE year(transaction_date) = 2026)")]
    [InlineData("how many customers bought Outdoor in 2025 and again in 2026 (both years)?", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE category = 'Outdoor' AND year(transaction_date) = 2025 INTERSECT SELECT customer_id FROM transactions WHERE category = 'Outdoor' AND year(transaction_date) = 2026)")]
    [InlineData("How many sessions started in the last 7 days?", "SELECT count(*) FROM behavioral_events WHERE session_start AND event_timestamp > " + AsOf + " - INTERVAL 7 DAY AND event_timestamp <= " + AsOf)]
    [InlineData("number of distinct sessions started in the last 30 days", "SELECT count(*) FROM behavioral_events WHERE session_start AND event_timestamp > " + AsOf + " - INTERVAL 30 DAY AND event_timestamp <= " + AsOf)]
    [InlineData("How many customers acquired this year have not made a single purchase yet?", "SELECT count(*) FROM customers c WHERE c.created_at >= TIMESTAMP '2026-01-01' AND c.created_at <= " + AsOf + " AND NOT EXISTS (SELECT 1 FROM transactions t WHERE t.customer_id = c.customer_id)")]
    [InlineData("On average, how many distinct sessions does a customer have? (only customers with at least one event)", "SELECT count(DISTINCT session_id) / count(DISTINCT customer_id) FROM behavioral_events")]
    [InlineData("How many more orders did we get this month than last month?", "SELECT count(*) FILTER (WHERE transaction_date >= TIMESTAMP '2026-11-01' AND transaction_date <= " + AsOf + ") - count(*) FILTER (WHERE transaction_date >= TIMESTAMP '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01') FROM transactions")]
    [InlineData("how many customers have bought BOTH a sofa and a coffee table (at any time, not necessarily in the same order)?", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE product_type IN ('Sofas', 'Coffee Tables') GROUP BY 1 HAVING count(DISTINCT product_type) = 2)")]
    [InlineData("How many customers have bought both a sofa and a coffee table (any time, not necessarily together)?", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE product_type = 'Sofas' INTERSECT SELECT customer_id FROM transactions WHERE product_type = 'Coffee Tables')")]
    [InlineData("How many customers bought both a Desk and an Office Chair during 2025 (separate orders are fine)?", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE product_type = 'Desks' AND year(transaction_date) = 2025 INTERSECT SELECT customer_id FROM transactions WHERE product_type = 'Office Chairs' AND year(transaction_date) = 2025)")]
    [InlineData("what's the highest lifetime total spend of any single Melbourne customer", "SELECT max(s) FROM (SELECT t.customer_id, sum(t.order_value) s FROM transactions t JOIN customers c USING (customer_id) WHERE c.city = 'Melbourne' GROUP BY 1)")]
    [InlineData("what's the highest total spend by a single Seattle customer this year", "SELECT max(s) FROM (SELECT t.customer_id, sum(t.order_value) s FROM transactions t JOIN customers c USING (customer_id) WHERE c.city = 'Seattle' AND t.transaction_date >= TIMESTAMP '2026-01-01' AND t.transaction_date <= " + AsOf + " GROUP BY 1)")]
    [InlineData("Canadian customers whose single biggest order ever is above $2,000: count please", "SELECT count(*) FROM (SELECT t.customer_id FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'Canada' GROUP BY 1 HAVING max(t.order_value) > 2000)")]
    public async Task UnseenDeclines_AreAnswered(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 2, nonZero: true);

    [Theory]
    // Two years said: "that year" could be either.
    [InlineData("Among customers who bought something in 2024 or 2025, how many spent less than $100 in total that year?")]
    // Without "both", "again" or "also": either year, or both?
    [InlineData("How many customers made purchases in 2025 and 2026?")]
    // The earlier range said first, or a count of customers (acquired? active?).
    [InlineData("How many more orders did we get last month than this month?")]
    [InlineData("How many more customers did we get this month than last month?")]
    // In one order: not the same as bought each.
    [InlineData("how many customers bought both a sofa and a coffee table in the same order?")]
    // A base of customers with an order is not the customers with events.
    [InlineData("On average, how many distinct sessions does a customer have? (only customers with at least one order)")]
    // The highest order of one customer, or an average: not each customer's total.
    [InlineData("what's the highest average order value of any single Melbourne customer")]
    public async Task NearbyWordings_AreNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
}

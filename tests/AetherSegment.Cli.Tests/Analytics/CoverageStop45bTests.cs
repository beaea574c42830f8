namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 45 (cov56): wordings the unseen sets blind48 and blind49 declined, each checked against a hand-written
/// query on a real DuckDB store: asides that say what is counted ("(orders, not people)", "units = quantity, not order
/// count", "(count sessions, not events)"), answered only when the reading counts that and declined when it does not;
/// filler ("quick one:", "already", "distinct" before a qualified person noun, "new ... acquired", "separate", "stuff",
/// "sales value"); "(each session once)", "summed over all their orders", "beat
/// control by how many percentage points"; and per-customer averages over a base said in words.
/// </summary>
public sealed class CoverageStop45bTests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string AsOf = "TIMESTAMP '2026-11-20 12:00:00'";

    [Theory]
    [InlineData("number of Bedroom orders (orders, not people) placed in 2025", "SELECT count(*) FROM transactions WHERE category = 'Bedroom' AND transaction_date >= TIMESTAMP '2025-01-01' AND transaction_date < TIMESTAMP '2026-01-01'")]
    [InlineData("What share of sessions in the last 30 days were on web? (count sessions, not events)", "SELECT 1.0 * count(DISTINCT session_id) FILTER (WHERE device = 'web') / count(DISTINCT session_id) FROM behavioral_events WHERE event_timestamp >= " + AsOf + " - INTERVAL 30 DAY AND event_timestamp <= " + AsOf)]
    [InlineData("average session duration per session (each session once) on web in the last 30 days, in seconds", "SELECT avg(session_duration_seconds) FROM behavioral_events WHERE session_start AND device = 'web' AND event_timestamp >= " + AsOf + " - INTERVAL 30 DAY AND event_timestamp <= " + AsOf)]
    [InlineData("how many customers have a lifetime spend above $2,000 summed over all their orders?", "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING sum(order_value) > 2000)")]
    [InlineData("quick one: how many distinct Australian customers bought Sofas in the last 90 days?", "SELECT count(DISTINCT t.customer_id) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'Australia' AND t.product_type = 'Sofas' AND t.transaction_date >= " + AsOf + " - INTERVAL 90 DAY AND t.transaction_date <= " + AsOf)]
    [InlineData("new US customers acquired last quarter, how many", "SELECT count(*) FROM customers WHERE country = 'United States' AND created_at >= TIMESTAMP '2026-07-01' AND created_at < TIMESTAMP '2026-10-01'")]
    [InlineData("of the UK customers acquired via email this year, how many have already placed at least one order", "SELECT count(*) FROM customers c WHERE country = 'United Kingdom' AND acquisition_source = 'email' AND created_at >= TIMESTAMP '2026-01-01' AND created_at <= " + AsOf + " AND EXISTS (SELECT 1 FROM transactions t WHERE t.customer_id = c.customer_id)")]
    [InlineData("customers with 2 or more separate Bedroom purchases: how many?", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE category = 'Bedroom' GROUP BY 1 HAVING count(*) >= 2)")]
    [InlineData("Bedroom sales value last year", "SELECT sum(order_value) FROM transactions WHERE category = 'Bedroom' AND transaction_date >= TIMESTAMP '2025-01-01' AND transaction_date < TIMESTAMP '2026-01-01'")]
    [InlineData("last 90 days: among customers who searched at all, average number of search events per customer", "SELECT 1.0 * count(*) / count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'search' AND event_timestamp >= " + AsOf + " - INTERVAL 90 DAY AND event_timestamp <= " + AsOf)]
    [InlineData("Per Australian buyer, what was the average 2025 spend? (only customers who bought in 2025, total per customer then averaged)", "SELECT avg(s) FROM (SELECT t.customer_id, sum(t.order_value) s FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'Australia' AND t.transaction_date >= TIMESTAMP '2025-01-01' AND t.transaction_date < TIMESTAMP '2026-01-01' GROUP BY 1)")]
    public async Task UnseenDeclines_AreAnswered(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 2, nonZero: true);

    [Theory]
    [InlineData("which 3 product types sold the most units last year? units = quantity, not order count", "SELECT product_type, sum(quantity) FROM transactions WHERE transaction_date >= TIMESTAMP '2025-01-01' AND transaction_date < TIMESTAMP '2026-01-01' GROUP BY 1 ORDER BY 2 DESC LIMIT 3")]
    [InlineData("by how many percentage points did the treatment conversion rate beat control for each campaign", "SELECT campaign_name, (avg(CASE WHEN \"group\" = 'treatment' THEN converted::INT END) - avg(CASE WHEN \"group\" = 'control' THEN converted::INT END)) FROM campaign_history GROUP BY 1")]
    public async Task UnseenDeclines_AreAnsweredByGroup(string question, string truth) =>
        await RuleAnswers.AssertGroupsAsync(database.Path, question, truth, precision: 2);

    [Theory]
    // An aside that contradicts the reading is never dropped: the question stays declined.
    [InlineData("how many customers bought Bedroom in 2025 (orders, not people)")]
    [InlineData("revenue from Bedroom in 2025 (orders, not people)")]
    [InlineData("which 5 product types had the most orders last year? units = quantity, not order count")]
    [InlineData("What share of events in the last 30 days were on web? (count sessions, not events)")]
    [InlineData("how many events on web last week (count sessions, not events)")]
    [InlineData("how many customers have an average order value above $500 summed over all their orders?")]
    [InlineData("by how many percentage points did control beat the treatment conversion rate for each campaign")]
    [InlineData("which campaign had the largest uplift in conversion rate (control rate minus treatment rate)?")]
    [InlineData("average session duration across events (each session once)")]
    [InlineData("among customers who viewed at all, average number of search events per customer in the last 90 days")]
    [InlineData("Per Australian buyer, what was the average 2025 spend? (only customers who bought in 2024)")]
    [InlineData("Per Australian buyer, what was the median 2025 spend? (total per customer then averaged)")]
    [InlineData("new US customers last quarter, how many")]
    [InlineData("what share of sessions started in the last 30 days were on web?")]
    [InlineData("of the customers who ran a campaign in the last 14 days, how many also made a purchase")]
    public async Task Contradictions_AreNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
}

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 48 (cov63): wordings that restate or stress what is already asked, which the hard unseen sets declined,
/// each checked against a hand-written query on a real DuckDB store: "(units, not orders)", "(quantity, not orders)",
/// "(order lines, not customers)", "(count carts, not units)"; "name only", "just the names", "just name the 5 ...",
/// "which single campaign"; "treatment customers", "(treatment group)", "actually sent", "(holdouts don't count)",
/// "attributed revenue from treatment customers", "absolute lift"; "never placed a single order (with us)", "never once
/// used"; "restricted to customers flagged as". An aside that contradicts the reading is never dropped.
/// </summary>
public sealed class CoverageStop48AsidesTests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string AsOf = "TIMESTAMP '2026-11-20 12:00:00'";
    private const string Items = "(SELECT a.cart_id, a.customer_id, a.abandoned_at, it.* FROM abandoned_carts a, unnest(from_json(a.items, '[{\"category\":\"VARCHAR\",\"product_type\":\"VARCHAR\",\"product_name\":\"VARCHAR\",\"price\":\"DOUBLE\",\"quantity\":\"BIGINT\"}]')) AS u(it))";

    [Theory]
    [InlineData("Total units of candles sold to US customers last quarter (units, not orders).", "SELECT sum(t.quantity) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'United States' AND t.product_type = 'Candles' AND t.transaction_date >= TIMESTAMP '2026-07-01' AND t.transaction_date < TIMESTAMP '2026-10-01'")]
    [InlineData("Number of Bedroom orders (order lines, not customers) placed by US customers this year?", "SELECT count(*) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'United States' AND t.category = 'Bedroom' AND t.transaction_date >= TIMESTAMP '2026-01-01' AND t.transaction_date <= " + AsOf)]
    [InlineData("In the Campaign 3 campaign, how many treatment customers converted?", "SELECT count(*) FROM campaign_history WHERE campaign_name = 'Campaign 3' AND \"group\" = 'treatment' AND converted")]
    [InlineData("How many customers were actually sent the Campaign 3 campaign (treatment group)?", "SELECT count(DISTINCT customer_id) FROM campaign_history WHERE campaign_name = 'Campaign 3' AND \"group\" = 'treatment'")]
    [InlineData("How many customers were sent the Campaign 3 campaign? (holdouts don't count)", "SELECT count(DISTINCT customer_id) FROM campaign_history WHERE campaign_name = 'Campaign 3' AND \"group\" = 'treatment'")]
    [InlineData("How many customers have never placed a single order with us?", "SELECT count(*) FROM customers c WHERE NOT EXISTS (SELECT 1 FROM transactions t WHERE t.customer_id = c.customer_id)")]
    [InlineData("customers who abandoned a cart in the last 30 days and have never placed a single order — count?", "SELECT count(DISTINCT a.customer_id) FROM abandoned_carts a WHERE a.abandoned_at >= " + AsOf + " - INTERVAL 30 DAY AND a.abandoned_at <= " + AsOf + " AND NOT EXISTS (SELECT 1 FROM transactions t WHERE t.customer_id = a.customer_id)")]
    [InlineData("number of customers who have used the room planner but have never once used the AR view", "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events WHERE event_type = 'room_planner_use' EXCEPT SELECT customer_id FROM behavioral_events WHERE event_type = 'ar_view')")]
    public async Task Restated_AreAnswered(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 2, nonZero: true);

    [Theory]
    [InlineData("top 5 Textiles products by units sold (quantity, not orders) this year", "SELECT product_name, sum(quantity) u FROM transactions WHERE category = 'Textiles' AND transaction_date >= TIMESTAMP '2026-01-01' AND transaction_date <= " + AsOf + " GROUP BY 1 ORDER BY u DESC LIMIT 5")]
    [InlineData("the 2 product types that show up in the most carts abandoned over the last 30 days (count carts, not units)", "SELECT product_type, count(DISTINCT cart_id) v FROM " + Items + " WHERE abandoned_at >= " + AsOf + " - INTERVAL 30 DAY AND abandoned_at <= " + AsOf + " GROUP BY 1 ORDER BY v DESC LIMIT 2")]
    [InlineData("just name the 5 product types with the most units sold this year", "SELECT product_type, sum(quantity) u FROM transactions WHERE transaction_date >= TIMESTAMP '2026-01-01' AND transaction_date <= " + AsOf + " GROUP BY 1 ORDER BY u DESC LIMIT 5")]
    [InlineData("what are our 10 best-selling products by revenue? just the names", "SELECT product_name, sum(order_value) r FROM transactions GROUP BY 1 ORDER BY r DESC LIMIT 10")]
    [InlineData("which campaign had the biggest uplift in conversion rate? Name only.", "SELECT campaign_name, avg(converted::INT) FILTER (WHERE \"group\" = 'treatment') - avg(converted::INT) FILTER (WHERE \"group\" = 'control') v FROM campaign_history GROUP BY 1 ORDER BY v DESC LIMIT 1")]
    [InlineData("which campaign had the biggest absolute lift in conversion rate, treatment minus control?", "SELECT campaign_name, avg(converted::INT) FILTER (WHERE \"group\" = 'treatment') - avg(converted::INT) FILTER (WHERE \"group\" = 'control') v FROM campaign_history GROUP BY 1 ORDER BY v DESC LIMIT 1")]
    [InlineData("which single campaign had the highest treatment conversion rate?", "SELECT campaign_name, avg(CASE WHEN converted THEN 1.0 ELSE 0.0 END) v FROM campaign_history WHERE \"group\" = 'treatment' GROUP BY 1 ORDER BY v DESC LIMIT 1")]
    [InlineData("total attributed revenue from treatment customers by trigger type", "SELECT trigger_type, sum(revenue) FROM campaign_history WHERE \"group\" = 'treatment' GROUP BY 1")]
    [InlineData("conversion rate of treatment customers by campaign type", "SELECT campaign_type, avg(CASE WHEN converted THEN 1.0 ELSE 0.0 END) FROM campaign_history WHERE \"group\" = 'treatment' GROUP BY 1")]
    [InlineData("2025 revenue by acquisition source, restricted to customers flagged as exclusivity seekers", "SELECT c.acquisition_source, sum(t.order_value) FROM transactions t JOIN customers c USING (customer_id) JOIN customer_scores s USING (customer_id) WHERE s.exclusivity_seeker AND t.transaction_date >= TIMESTAMP '2025-01-01' AND t.transaction_date < TIMESTAMP '2026-01-01' GROUP BY 1")]
    public async Task Restated_AreAnsweredByGroup(string question, string truth) =>
        await RuleAnswers.AssertGroupsAsync(database.Path, question, truth, precision: 2);

    [Theory]
    // An aside whose first word is not what the reading computes, or whose two words name the same kind, stays declined.
    [InlineData("Total units of candles sold to US customers last quarter (orders, not units).")]
    [InlineData("Number of Bedroom orders (customers, not orders) placed by US customers this year?")]
    [InlineData("Number of Bedroom orders (orders, not order lines) placed by US customers this year?")]
    [InlineData("top 5 Textiles products by revenue (quantity, not orders) this year")]
    [InlineData("the 2 product types that show up in the most carts abandoned over the last 30 days (count units, not carts)")]
    [InlineData("total revenue this year? Name only.")]
    [InlineData("revenue by month this year, just the names")]
    [InlineData("total attributed revenue from treatment customers vs control by trigger type")]
    [InlineData("How many customers were sent the Campaign 3 campaign? (control group only)")]
    [InlineData("how many control customers converted in the Campaign 3 campaign (treatment group)?")]
    [InlineData("which campaign had the biggest absolute increase in revenue?")]
    public async Task Contradictions_AreNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
}

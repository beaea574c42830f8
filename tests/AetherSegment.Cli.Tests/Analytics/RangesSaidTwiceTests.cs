namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 49 (ranges64): a time range said twice. The same range said again in an aside of the parts already read
/// ("(both purchases this year)", "(summing all their 2025 Bedroom orders)", "bought nothing in those 90 days") is the one
/// range on each part; two periods of a change said again in their order ("from Q1 2025 to Q1 2026 (Q1 2026 minus Q1
/// 2025)") are the change. Each answer is checked against a hand-written query on a real DuckDB store; an aside with
/// another range, another value or the other order stays declined.
/// </summary>
public sealed class RangesSaidTwiceTests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string AsOf = "TIMESTAMP '2026-11-20 12:00:00'";
    private const string ThisYear = "transaction_date >= TIMESTAMP '2026-01-01' AND transaction_date <= " + AsOf;
    private const string Y2025 = "transaction_date >= TIMESTAMP '2025-01-01' AND transaction_date < TIMESTAMP '2026-01-01'";
    private const string Y2026 = "transaction_date >= TIMESTAMP '2026-01-01' AND transaction_date < TIMESTAMP '2027-01-01'";
    private const string Q12025 = "transaction_date >= TIMESTAMP '2025-01-01' AND transaction_date < TIMESTAMP '2025-04-01'";
    private const string Q12026 = "transaction_date >= TIMESTAMP '2026-01-01' AND transaction_date < TIMESTAMP '2026-04-01'";

    [Theory]
    [InlineData("this year, how many customers bought both a patio set and an outdoor table (both purchases this year)", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE " + ThisYear + " GROUP BY 1 HAVING count(*) FILTER (WHERE product_type = 'Patio Sets') > 0 AND count(*) FILTER (WHERE product_type = 'Outdoor Tables') > 0)")]
    [InlineData("how many people spent over $800 on Bedroom items in 2025 (summing all their 2025 Bedroom orders)?", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE category = 'Bedroom' AND " + Y2025 + " GROUP BY 1 HAVING sum(order_value) > 800)")]
    [InlineData("how many people spent over $1,000 on Bedroom in 2025 (adding up all of their Bedroom orders)", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE category = 'Bedroom' AND " + Y2025 + " GROUP BY 1 HAVING sum(order_value) > 1000)")]
    [InlineData("By how many dollars did AOV change from 2025 to 2026 (2026 minus 2025)?", "SELECT sum(order_value) FILTER (WHERE " + Y2026 + ") / count(*) FILTER (WHERE " + Y2026 + ") - sum(order_value) FILTER (WHERE " + Y2025 + ") / count(*) FILTER (WHERE " + Y2025 + ") FROM transactions")]
    [InlineData("By how many dollars did revenue change from 2025 to 2026?", "SELECT sum(order_value) FILTER (WHERE transaction_date >= TIMESTAMP '2026-01-01' AND transaction_date < TIMESTAMP '2027-01-01') - sum(order_value) FILTER (WHERE " + Y2025 + ") FROM transactions")]
    public async Task RangeSaidTwice_IsOneRange(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 2, nonZero: true);

    // The test store's events and Q1 2025 orders are too few for these to be non-zero (checked non-zero on the generated
    // stores: 216 customers and +$14.71 on c10000-s273).
    [Theory]
    [InlineData("count customers with 5+ product views in the last 90 days who bought nothing in those 90 days", "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events WHERE event_type = 'product_view' AND event_timestamp >= " + AsOf + " - INTERVAL 90 DAY AND event_timestamp <= " + AsOf + " GROUP BY 1 HAVING count(*) >= 5) v WHERE NOT EXISTS (SELECT 1 FROM transactions t WHERE t.customer_id = v.customer_id AND t.transaction_date >= " + AsOf + " - INTERVAL 90 DAY AND t.transaction_date <= " + AsOf + ")")]
    [InlineData("By how many dollars did AOV change from Q1 2025 to Q1 2026 (Q1 2026 minus Q1 2025)?", "SELECT coalesce(sum(order_value) FILTER (WHERE " + Q12026 + ") / nullif(count(*) FILTER (WHERE " + Q12026 + "), 0), 0) - coalesce(sum(order_value) FILTER (WHERE " + Q12025 + ") / nullif(count(*) FILTER (WHERE " + Q12025 + "), 0), 0) FROM transactions")]
    public async Task RangeSaidTwice_IsOneRangeOnThinData(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 2);

    [Theory]
    // Another range, another value, or the other order in the aside: declined.
    [InlineData("how many customers bought a patio set in 2025 (both purchases this year)")]
    [InlineData("how many customers bought both a patio set and an outdoor table in 2025 (both purchases last year)")]
    [InlineData("how many people spent over $2,000 on Bedroom items in 2025 (summing all their 2024 Bedroom orders)?")]
    [InlineData("how many people spent over $2,000 on Bedroom items in 2025 (summing all their Office orders)?")]
    [InlineData("AOV change from Q1 2025 to Q1 2026 (Q1 2025 minus Q1 2026)")]
    [InlineData("AOV change from Q1 2025 to Q1 2026 (Q2 2026 minus Q1 2025)")]
    [InlineData("By how many dollars did orders change from Q1 2025 to Q1 2026?")]
    [InlineData("count customers with 5+ product views in the last 90 days who bought nothing in those 30 days")]
    [InlineData("customers who bought Outdoor in 2025 but did not buy Outdoor in 2026")]
    public async Task OtherRangeOrOrder_IsNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
}

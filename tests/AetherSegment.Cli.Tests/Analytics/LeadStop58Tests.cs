using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 58 (lead): two ranges each said at the end of its own clause, the retention share said with "this year",
/// and the wordings of blind82 the rules declined, each checked on a real DuckDB store (as-of 2026-11-20 12:00 UTC)
/// against SQL that computes the truth, with near wordings that must stay declined.
/// </summary>
public sealed class LeadStop58Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string AsOf = "TIMESTAMP '2026-11-20 12:00:00'";

    [Theory]
    [InlineData(
        "How many customers abandoned a cart in the last 7 days and bought something in the last 30 days?",
        "SELECT count(*) FROM (SELECT customer_id FROM abandoned_carts WHERE abandoned_at >= " + AsOf + " - INTERVAL 7 DAY INTERSECT SELECT customer_id FROM transactions WHERE transaction_date >= " + AsOf + " - INTERVAL 30 DAY)")]
    [InlineData(
        "how many customers bought Lighting in 2025 and bought Outdoor this year",
        "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE category = 'Lighting' AND year(transaction_date) = 2025 INTERSECT SELECT customer_id FROM transactions WHERE category = 'Outdoor' AND year(transaction_date) = 2026)")]
    [InlineData(
        "how many customers bought in 2025 and bought this year",
        "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE year(transaction_date) = 2025 INTERSECT SELECT customer_id FROM transactions WHERE year(transaction_date) = 2026)")]
    [InlineData(
        "How many customers bought Outdoor products this year but made no Outdoor purchase in 2025?",
        "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE category = 'Outdoor' AND year(transaction_date) = 2026 EXCEPT SELECT customer_id FROM transactions WHERE category = 'Outdoor' AND year(transaction_date) = 2025)")]
    [InlineData(
        "customers who bought Outdoor this year but not in 2025",
        "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE category = 'Outdoor' AND year(transaction_date) = 2026 EXCEPT SELECT customer_id FROM transactions WHERE category = 'Outdoor' AND year(transaction_date) = 2025)")]
    [InlineData(
        "How many customers were actually sent the CMP003 campaign (treatment group, not the holdout)?",
        "SELECT count(DISTINCT customer_id) FROM campaign_history WHERE campaign_id = 'CMP003' AND \"group\" = 'treatment'")]
    public async Task EachClauseKeepsItsOwnRange(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Fact]
    public async Task RetentionSaidWithThisYear_IsTheShareOfLastYearsBuyers() =>
        await RuleAnswers.AssertValueAsync(
            database.Path,
            "Of the customers who bought something in 2025, what fraction also bought something this year?",
            "SELECT count(*) FILTER (WHERE customer_id IN (SELECT customer_id FROM transactions WHERE year(transaction_date) = 2026)) * 1.0 / count(*) FROM (SELECT DISTINCT customer_id FROM transactions WHERE year(transaction_date) = 2025)",
            nonZero: true);

    [Theory]
    [InlineData("how many customers abandoned a cart in the last 7 days and in the last 30 days")]
    [InlineData("revenue in 2025 and orders this year")]
    [InlineData("how many customers bought a sofa in 2025 and the average order value this year")]
    public async Task TwoRangesWithoutAClauseEach_StayDeclined(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);

    [Fact]
    public async Task TwoClauseRanges_AreRestated()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "How many customers abandoned a cart in the last 7 days and bought something in the last 30 days?");

        Assert.Contains("last 7 days", answer.Restatement, StringComparison.Ordinal);
        Assert.Contains("last 30 days", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how many customers viewed a sofa and bought a sofa")]
    [InlineData("how many customers viewed a sofa and bought something")]
    [InlineData("customers who added a sofa to their cart and bought a sofa")]
    public async Task AValueSaidAfterBothVerbsButReadOnOne_IsDeclined(string question) =>
        await RuleAnswers.AssertDeclinedAsync(database.Path, question, "is said after");

    [Fact]
    public async Task AValueSaidForBothWithOne_KeepsItsReading() =>
        await RuleAnswers.AssertValueAsync(
            database.Path,
            "how many customers viewed sofas but never bought one",
            "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events WHERE event_type = 'product_view' AND product_type = 'Sofas' EXCEPT SELECT customer_id FROM transactions WHERE product_type = 'Sofas')",
            nonZero: true);
}

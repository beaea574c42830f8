using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 45 red team rt8 (counting traps, campaign membership, averages, breakdowns under a condition, time words,
/// comparatives): "bought (a category) in more than 2 orders" was answered with the category's buyers whose orders of
/// every product pass the count, "viewed (a category) in more than 2 sessions" with every session, and "haven't bought
/// since (a date)" counted the customers who never bought. Each is declined with what was read; the nearby wordings keep
/// their answers (truths recounted in SQL on a real DuckDB store).
/// </summary>
public sealed class RedTeamRt8Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    [InlineData("how many customers bought Lighting in more than 2 orders", "counts the orders of")]
    [InlineData("how many customers bought Lighting in 3 or more orders", "counts the orders of")]
    [InlineData("how many customers bought Lighting across more than 2 orders", "counts the orders of")]
    [InlineData("how many customers bought Lighting in exactly 2 orders", "counts the orders of")]
    [InlineData("how many customers ordered Lighting in more than 2 orders this year", "counts the orders of")]
    [InlineData("how many customers spent over $500 on Lighting in more than 2 orders", "counts the orders of")]
    [InlineData("how many customers viewed Lighting in more than 2 sessions", "counts the sessions of")]
    [InlineData("how many customers haven't purchased since 1 June 2026", "bought before it and not since")]
    [InlineData("how many customers have not ordered since March", "bought before it and not since")]
    public async Task ADifferentQuestion_IsDeclinedWithWhatWasRead(string question, string reason) =>
        await RuleAnswers.AssertDeclinedAsync(database.Path, question, reason);

    [Theory]
    [InlineData("how many customers placed more than 2 orders of Lighting", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE category = 'Lighting' GROUP BY 1 HAVING count(*) > 2)")]
    [InlineData("how many customers in Canada bought Lighting in more than 2 orders", "SELECT count(*) FROM (SELECT t.customer_id FROM transactions t JOIN customers c USING (customer_id) WHERE t.category = 'Lighting' AND c.country = 'Canada' GROUP BY 1 HAVING count(*) > 2)")]
    [InlineData("how many customers who bought Lighting placed more than 2 orders", "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING count(*) > 2) WHERE customer_id IN (SELECT customer_id FROM transactions WHERE category = 'Lighting')")]
    [InlineData("how many customers ordered more than once in November 2026", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE transaction_date >= TIMESTAMP '2026-11-01' AND transaction_date < TIMESTAMP '2026-12-01' GROUP BY 1 HAVING count(*) > 1)")]
    [InlineData("how many buyers in the United States with more than 5 orders", "SELECT count(*) FROM (SELECT t.customer_id FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'United States' GROUP BY 1 HAVING count(*) > 5)")]
    [InlineData("how many customers had more than 5 sessions", "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events GROUP BY 1 HAVING count(DISTINCT session_id) > 5)")]
    public async Task NearbyWordings_KeepTheirAnswers(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth);
}

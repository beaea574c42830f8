namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 48 (rt11): the window said again ("in that quarter") read as the one range, not a breakdown by quarter
/// (blind60); events said as what is counted before "customers who never ordered" counted as the events (stop 47's case,
/// before declined as the customers); and a value said on two parts but read on one declined (stop 47's case, which a
/// rewrite had merged into one phrase). Each checked on a real DuckDB store.
/// </summary>
public sealed class RedTeamRt11Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string Never = "c.customer_id NOT IN (SELECT customer_id FROM transactions WHERE customer_id IS NOT NULL)";

    [Theory]
    [InlineData("Among customers who bought Office products in Q2 2026, what was the average Office spend per customer in that quarter?", "SELECT sum(order_value) / count(DISTINCT customer_id) FROM transactions WHERE category = 'Office' AND transaction_date >= TIMESTAMP '2026-04-01' AND transaction_date < TIMESTAMP '2026-07-01'")]
    [InlineData("Among customers who bought Lighting products in Q1 2026, what was the average Lighting spend per customer in that quarter?", "SELECT sum(order_value) / count(DISTINCT customer_id) FROM transactions WHERE category = 'Lighting' AND transaction_date >= TIMESTAMP '2026-01-01' AND transaction_date < TIMESTAMP '2026-04-01'")]
    [InlineData("searches made by Canadian customers who never ordered - how many?", "SELECT count(*) FROM behavioral_events e JOIN customers c USING (customer_id) WHERE c.country = 'Canada' AND e.event_type = 'search' AND " + Never)]
    public async Task ReadRight(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 2, nonZero: true);

    [Theory]
    [InlineData("searches made by Canadian customers who never ordered in the last 30 days - how many?")]
    [InlineData("of customers who did an Office stock check in 2026, how many bought an Office item in 2026?")]
    [InlineData("of customers who searched for Lighting in 2026, how many bought Lighting in 2026?")]
    public async Task DifferentQuestions_AreNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
}

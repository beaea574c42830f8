using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 36 (found by the ninth blind set): one range said last, right after the one negated part ("abandoned a
/// cart and have not purchased anything in the last 30 days"), is that part's own; the other condition is over all time.
/// It was put on both. Each answer recounted by hand-written SQL on the fixture (as-of 2026-11-20 12:00 UTC).
/// </summary>
public sealed class TrailingNeverRangeTests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string NoOrderInThirtyDays = "customer_id NOT IN (SELECT customer_id FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-21 12:00:00' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00')";

    [Theory]
    [InlineData("How many customers abandoned a cart and have not purchased anything in the last 30 days?", "SELECT count(*) FROM customers WHERE customer_id IN (SELECT customer_id FROM abandoned_carts) AND " + NoOrderInThirtyDays)]
    [InlineData("how many customers have abandoned a cart but never bought anything in the last 30 days", "SELECT count(*) FROM customers WHERE customer_id IN (SELECT customer_id FROM abandoned_carts) AND " + NoOrderInThirtyDays)]
    [InlineData("How many UK customers used the room planner but haven't ordered in the last 30 days?", "SELECT count(*) FROM customers WHERE country = 'United Kingdom' AND customer_id IN (SELECT customer_id FROM behavioral_events WHERE event_type = 'room_planner_use') AND " + NoOrderInThirtyDays)]
    public async Task TheRangeIsTheNegatedPartsOwn_TheOtherIsOverAllTime(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
        Assert.Contains("who did not buy in last 30 days (2026-10-21 12:00 to 2026-11-20 12:00 UTC, both included)", answer.Restatement, StringComparison.Ordinal);
        Assert.DoesNotContain("in the time range", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    // Said first, the range is the whole question's, as before.
    [InlineData("How many customers abandoned a cart in the last 30 days and have not purchased anything in the last 30 days?")]
    [InlineData("how many customers haven't bought anything in the last 30 days")]
    public async Task ARangeNotTrailingTheNegatedPart_StaysOnEveryCondition(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Contains("last 30 days", answer.Restatement, StringComparison.Ordinal);
    }
}

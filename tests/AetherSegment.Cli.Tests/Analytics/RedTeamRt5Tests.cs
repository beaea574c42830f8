namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 44 red team (rt5, time words and what is counted): readings that answered a different question, now
/// declined with what is answered instead, and the wordings beside them that keep their answers.
/// </summary>
public sealed class RedTeamRt5Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    // "average buyers per day" was the month's distinct buyers divided by its days; each day's buyers is asked.
    [InlineData("average number of buyers per day in October 2026")]
    [InlineData("daily average buyers in Canada in October 2026")]
    [InlineData("average buyers per day in September 2026")]
    [InlineData("how many customers bought per day on average in October 2026")]
    public async Task AnAveragePerDayOfDistinctBuyers_IsDeclined(string question) =>
        await RuleAnswers.AssertDeclinedAsync(database.Path, question, "is ambiguous");

    [Theory]
    // Orders, revenue and units add up over days: the total divided by the days is the average of the days.
    [InlineData("average orders per day in October 2026", "SELECT count(*) / 31.0 FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-01 00:00:00' AND transaction_date < TIMESTAMP '2026-11-01 00:00:00'")]
    [InlineData("daily average revenue in October 2026", "SELECT sum(order_value) / 31.0 FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-01 00:00:00' AND transaction_date < TIMESTAMP '2026-11-01 00:00:00'")]
    // Sign-ups: each customer is created once, so the count adds up over days.
    [InlineData("average number of new customers per day in October 2026", "SELECT count(*) / 31.0 FROM customers WHERE created_at >= TIMESTAMP '2026-10-01 00:00:00' AND created_at < TIMESTAMP '2026-11-01 00:00:00'")]
    // The distinct buyers of the range, asked as such.
    [InlineData("how many buyers in October 2026", "SELECT count(DISTINCT customer_id) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-01 00:00:00' AND transaction_date < TIMESTAMP '2026-11-01 00:00:00'")]
    public async Task AdditiveAveragesAndDistinctTotals_KeepTheirAnswers(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);
}

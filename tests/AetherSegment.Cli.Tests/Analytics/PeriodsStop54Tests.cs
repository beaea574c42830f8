namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 54: two periods compared as one figure, said in more ways (the unseen sets blind72-76), each checked on a
/// real DuckDB store (as-of 2026-11-20 12:00 UTC): "how much more (or less) ... than ... (Q2 minus Q1)", "compare 2025 with
/// 2024, give me the total for each year", "this month so far vs all of last month", and customers who bought a category in
/// one month or year "but nothing from" (or "didn't buy any of") it in the next.
/// </summary>
public sealed class PeriodsStop54Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string Q2MinusQ1 = "SELECT sum(order_value) FILTER (WHERE transaction_date >= TIMESTAMP '2026-04-01' AND transaction_date < TIMESTAMP '2026-07-01') - sum(order_value) FILTER (WHERE transaction_date >= TIMESTAMP '2026-01-01' AND transaction_date < TIMESTAMP '2026-04-01') FROM transactions";

    [Theory]
    [InlineData("How much more (or less) revenue did we make in Q2 2026 than in Q1 2026? (Q2 minus Q1)", Q2MinusQ1)]
    [InlineData("how much more (or less) revenue in Q2 2026 than in Q1 2026", Q2MinusQ1)]
    [InlineData("revenue in Q2 2026 vs Q1 2026 (Q2 2026 minus Q1 2026)", Q2MinusQ1)]
    [InlineData("how many more (or fewer) orders in Q3 2026 than in Q2 2026?", "SELECT count(*) FILTER (WHERE transaction_date >= TIMESTAMP '2026-07-01' AND transaction_date < TIMESTAMP '2026-10-01') - count(*) FILTER (WHERE transaction_date >= TIMESTAMP '2026-04-01' AND transaction_date < TIMESTAMP '2026-07-01') FROM transactions")]
    public async Task TheDifferenceSaidAgain_IsTheLaterMinusTheEarlier(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 2, nonZero: true);

    private const string October2026Minus2025 = "SELECT sum(order_value) FILTER (WHERE transaction_date >= TIMESTAMP '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01') - sum(order_value) FILTER (WHERE transaction_date >= TIMESTAMP '2025-10-01' AND transaction_date < TIMESTAMP '2025-11-01') FROM transactions";

    [Theory]
    [InlineData("how did October do vs last year? revenue in October 2026 minus revenue in October 2025 (so the year-on-year change in dollars, positive means up)", October2026Minus2025)]
    [InlineData("revenue in October 2026 minus revenue in October 2025 (i.e. the change in dollars)", October2026Minus2025)]
    [InlineData("How did October perform compared with last year? revenue October 2026 vs October 2025, the difference", October2026Minus2025)]
    public async Task ALeadAskingWhatTheNextSentenceSays_IsDropped(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 2, nonZero: true);

    // The lead names another month than the sentence after it, or the aside says dollars of a count: declined.
    [Theory]
    [InlineData("how did October do vs last year? revenue in September 2026 minus revenue in September 2025")]
    [InlineData("how did October do vs last year? revenue in October 2026 minus revenue in October 2024")]
    [InlineData("orders in October 2026 minus orders in October 2025 (so the change in dollars)")]
    [InlineData("revenue in Q1 2026 vs Q2 2026 (Q1 2026 minus Q2 2026)")]
    public async Task ALeadOrAsideThatSaysSomethingElse_IsNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);

    // The bracket says the other difference, or the earlier period comes first: never answered as the change.
    [Theory]
    [InlineData("How much more revenue did we make in Q2 2026 than in Q1 2026? (Q1 minus Q2)")]
    [InlineData("How much more (or less) revenue did we make in Q1 2026 than in Q2 2026?")]
    [InlineData("How much more revenue did we make in Q2 2026 than in Q1 2026? (Q3 minus Q1)")]
    public async Task ADifferenceTakenTheOtherWay_IsNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);

    [Theory]
    [InlineData("How did 2025 revenue compare with 2024? Give me the total for each year.", "SELECT CAST(year(transaction_date) AS VARCHAR), sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2024-01-01' AND transaction_date < TIMESTAMP '2026-01-01' GROUP BY 1")]
    [InlineData("orders in 2025 vs 2024, show the totals for both years", "SELECT CAST(year(transaction_date) AS VARCHAR), count(*) FROM transactions WHERE transaction_date >= TIMESTAMP '2024-01-01' AND transaction_date < TIMESTAMP '2026-01-01' GROUP BY 1")]
    public async Task TheTotalForEachOfTwoYearsCompared_IsOneRowPerYear(string question, string truth) =>
        await RuleAnswers.AssertGroupsAsync(database.Path, question, truth, precision: 2);

    // Only beside two years compared: a year and a quarter, or a breakdown by year, are not rewritten.
    [Theory]
    [InlineData("How did 2025 revenue compare with Q1 2026? Give me the total for each year.")]
    public async Task TheTotalForEachYear_BesideOtherPeriods_IsNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);

    private const string ThisMonthVsLast = "SELECT (sum(order_value) FILTER (WHERE transaction_date >= TIMESTAMP '2026-11-01') - sum(order_value) FILTER (WHERE transaction_date >= TIMESTAMP '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01')) / sum(order_value) FILTER (WHERE transaction_date >= TIMESTAMP '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01') FROM transactions WHERE transaction_date <= TIMESTAMP '2026-11-20 12:00:00'";

    [Theory]
    [InlineData("MoM revenue change: this month so far vs all of last month, as a % change", ThisMonthVsLast)]
    [InlineData("percent change in revenue, this month so far vs the whole of last month", ThisMonthVsLast)]
    public async Task AllOfLastMonth_IsLastMonth(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 6, nonZero: true);

    [Theory]
    [InlineData("How many customers bought Bedroom items in 2025 but nothing from Bedroom in 2026?", "SELECT count(*) FROM (SELECT DISTINCT customer_id FROM transactions WHERE category = 'Bedroom' AND year(transaction_date) = 2025 EXCEPT SELECT DISTINCT customer_id FROM transactions WHERE category = 'Bedroom' AND year(transaction_date) = 2026)")]
    [InlineData("customers who bought Lighting in October but didn't buy any Lighting in November - count?", "SELECT count(*) FROM (SELECT DISTINCT customer_id FROM transactions WHERE category = 'Lighting' AND transaction_date >= TIMESTAMP '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01' EXCEPT SELECT DISTINCT customer_id FROM transactions WHERE category = 'Lighting' AND transaction_date >= TIMESTAMP '2026-11-01' AND transaction_date < TIMESTAMP '2026-12-01')")]
    [InlineData("how many customers bought Lighting in September 2026 but not in October 2026", "SELECT count(*) FROM (SELECT DISTINCT customer_id FROM transactions WHERE category = 'Lighting' AND transaction_date >= TIMESTAMP '2026-09-01' AND transaction_date < TIMESTAMP '2026-10-01' EXCEPT SELECT DISTINCT customer_id FROM transactions WHERE category = 'Lighting' AND transaction_date >= TIMESTAMP '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01')")]
    public async Task BoughtInOnePeriodButNotTheNext_IsTheFirstBuyersLessTheSecond(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    // Another value after "but nothing from", or two months whose years are not said in calendar order: declined.
    [Theory]
    [InlineData("How many customers bought Bedroom items in 2025 but nothing from Lighting in 2026?")]
    [InlineData("how many customers bought Lighting in December but not in January")]
    [InlineData("how many customers bought Lighting in October 2026 but not in November")]
    public async Task AnotherValueOrAnUnclearYear_IsNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
}

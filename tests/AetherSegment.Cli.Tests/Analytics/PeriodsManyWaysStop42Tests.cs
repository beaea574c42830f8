using System.Globalization;
using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 42, ask38 (periods said many ways). Each answer recounted by hand-written SQL on the fixture (as-of 2026-11-20
/// 12:00 UTC, a Friday; a range "to now" runs to the end of the as-of's day, as "since" always did; weeks start on Monday).
/// </summary>
public sealed class PeriodsManyWaysStop42Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string Orders = "SELECT count(*) FROM transactions WHERE ";
    private const string Revenue = "SELECT sum(order_value) FROM transactions WHERE ";

    [Theory]
    // A list of months one after the other, with a breakdown by month or a total: the span from the first to the last.
    [InlineData("Monthly revenue for September, October and November 2026", "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-09-01' AND transaction_date < TIMESTAMP '2026-12-01' GROUP BY date_trunc('month', transaction_date) ORDER BY date_trunc('month', transaction_date)")]
    [InlineData("revenue per month for August, September & October", "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-08-01' AND transaction_date < TIMESTAMP '2026-11-01' GROUP BY date_trunc('month', transaction_date) ORDER BY date_trunc('month', transaction_date)")]
    [InlineData("new customers by month in July, August and September 2026", "SELECT count(*) FROM customers WHERE created_at >= TIMESTAMP '2026-07-01' AND created_at < TIMESTAMP '2026-10-01' GROUP BY date_trunc('month', created_at) ORDER BY date_trunc('month', created_at)")]
    // The last N complete months, alone or restated by their months in brackets (the same data at the as-of).
    [InlineData("Monthly revenue for the last 6 complete months (May to October 2026), broken down by month", "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-05-01' AND transaction_date < TIMESTAMP '2026-11-01' GROUP BY date_trunc('month', transaction_date) ORDER BY date_trunc('month', transaction_date)")]
    [InlineData("orders per month over the past 3 full months", "SELECT count(*) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-08-01' AND transaction_date < TIMESTAMP '2026-11-01' GROUP BY date_trunc('month', transaction_date) ORDER BY date_trunc('month', transaction_date)")]
    public async Task PeriodRows_MatchTheHandWrittenRows(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        List<string> expected = await RuleAnswers.ColumnAsync(database.Path, truth);
        string measure = answer.Columns[^1];
        Assert.Equal(expected.Count, answer.Rows.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(double.Parse(expected[i], CultureInfo.InvariantCulture), Convert.ToDouble(answer.Rows[i][measure], CultureInfo.InvariantCulture), 6);
        }
    }

    [Theory]
    // The months listed with a total.
    [InlineData("Total revenue for September and October 2026", Revenue + "transaction_date >= TIMESTAMP '2026-09-01' AND transaction_date < TIMESTAMP '2026-11-01'")]
    // One day: by its date, a named day with its year, a named day restated by its date in brackets.
    [InlineData("orders on 28 November 2025", Orders + "transaction_date >= TIMESTAMP '2025-11-28' AND transaction_date < TIMESTAMP '2025-11-29'")]
    [InlineData("How many orders did we get on November 28, 2025?", Orders + "transaction_date >= TIMESTAMP '2025-11-28' AND transaction_date < TIMESTAMP '2025-11-29'")]
    [InlineData("revenue on 2025-11-28", Revenue + "transaction_date >= TIMESTAMP '2025-11-28' AND transaction_date < TIMESTAMP '2025-11-29'")]
    [InlineData("How many orders did we get on Black Friday 2025?", Orders + "transaction_date >= TIMESTAMP '2025-11-28' AND transaction_date < TIMESTAMP '2025-11-29'")]
    [InlineData("How many orders did we get on Black Friday last year (28 November 2025, UTC)?", Orders + "transaction_date >= TIMESTAMP '2025-11-28' AND transaction_date < TIMESTAMP '2025-11-29'")]
    [InlineData("revenue on Halloween", Revenue + "transaction_date >= TIMESTAMP '2026-10-31' AND transaction_date < TIMESTAMP '2026-11-01'")]
    [InlineData("orders on Friday 28 November 2025", Orders + "transaction_date >= TIMESTAMP '2025-11-28' AND transaction_date < TIMESTAMP '2025-11-29'")]
    // From a named day or a date to now.
    [InlineData("orders since Black Friday 2025", Orders + "transaction_date >= TIMESTAMP '2025-11-28' AND transaction_date < TIMESTAMP '2026-11-21'")]
    [InlineData("orders from 28 November 2025 until now", Orders + "transaction_date >= TIMESTAMP '2025-11-28' AND transaction_date < TIMESTAMP '2026-11-21'")]
    // Days with the year said once, or not at all (the latest such days).
    [InlineData("New customers acquired between March 1 and May 31, 2026", "SELECT count(*) FROM customers WHERE created_at >= TIMESTAMP '2026-03-01' AND created_at < TIMESTAMP '2026-06-01'")]
    [InlineData("orders Nov 1-7", Orders + "transaction_date >= TIMESTAMP '2026-11-01' AND transaction_date < TIMESTAMP '2026-11-08'")]
    [InlineData("revenue 1-7 November 2026", Revenue + "transaction_date >= TIMESTAMP '2026-11-01' AND transaction_date < TIMESTAMP '2026-11-08'")]
    [InlineData("orders from the 1st to the 7th of November", Orders + "transaction_date >= TIMESTAMP '2026-11-01' AND transaction_date < TIMESTAMP '2026-11-08'")]
    [InlineData("revenue from 1st March to 31st May 2026", Revenue + "transaction_date >= TIMESTAMP '2026-03-01' AND transaction_date < TIMESTAMP '2026-06-01'")]
    [InlineData("How many orders between Dec 20 and Jan 5?", Orders + "transaction_date >= TIMESTAMP '2025-12-20' AND transaction_date < TIMESTAMP '2026-01-06'")]
    // The week convention said in brackets: weeks run Monday to Sunday already.
    [InlineData("Orders last week (Monday to Sunday)", Orders + "transaction_date >= TIMESTAMP '2026-11-09' AND transaction_date < TIMESTAMP '2026-11-16'")]
    [InlineData("revenue this week (Mon-Sun)", Revenue + "transaction_date >= TIMESTAMP '2026-11-16' AND transaction_date < TIMESTAMP '2026-11-21'")]
    // Since the start of the period.
    [InlineData("How many orders have we had since the start of the year?", Orders + "transaction_date >= TIMESTAMP '2026-01-01' AND transaction_date < TIMESTAMP '2026-11-21'")]
    [InlineData("new customers since the beginning of this month", "SELECT count(*) FROM customers WHERE created_at >= TIMESTAMP '2026-11-01' AND created_at < TIMESTAMP '2026-11-21'")]
    [InlineData("revenue since the 1st", Revenue + "transaction_date >= TIMESTAMP '2026-11-01' AND transaction_date < TIMESTAMP '2026-11-21'")]
    [InlineData("orders since Jan 1st", Orders + "transaction_date >= TIMESTAMP '2026-01-01' AND transaction_date < TIMESTAMP '2026-11-21'")]
    [InlineData("revenue since the start of the quarter", Revenue + "transaction_date >= TIMESTAMP '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-21'")]
    // A fortnight, and whole weeks.
    [InlineData("revenue over the past fortnight", Revenue + "transaction_date >= TIMESTAMP '2026-11-06 12:00:00' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00'")]
    [InlineData("orders in the last 2 complete weeks", Orders + "transaction_date >= TIMESTAMP '2026-11-02' AND transaction_date < TIMESTAMP '2026-11-16'")]
    public async Task Answered_MatchesTheHandWrittenValue(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
    }

    [Fact]
    public async Task YearToDate_AgainstTheSamePeriodLastYear_IsTwoPeriods()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "revenue year to date vs the same period last year");

        Assert.Equal(2, answer.Rows.Count);
        List<double> values = [.. answer.Rows.Select(r => Convert.ToDouble(r[answer.Columns[^1]], CultureInfo.InvariantCulture))];
        double thisYear = await RuleAnswers.TruthAsync(database.Path, Revenue + "transaction_date >= TIMESTAMP '2026-01-01' AND transaction_date < TIMESTAMP '2026-11-21'");
        double lastYear = await RuleAnswers.TruthAsync(database.Path, Revenue + "transaction_date >= TIMESTAMP '2025-01-01' AND transaction_date < TIMESTAMP '2025-11-21'");
        Assert.Contains(values, v => Math.Abs(v - thisYear) < 1e-6);
        Assert.Contains(values, v => Math.Abs(v - lastYear) < 1e-6);
        Assert.Contains("2025-01-01 to 2025-11-20", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    // Two readings: the 1st to the 7th, or the first week starting on a Monday.
    [InlineData("orders in the first week of November", "two readings")]
    // Another week convention than Monday to Sunday.
    [InlineData("Orders last week (Sunday to Saturday)", "could not place")]
    // Months restated in brackets that are not the last 6 complete months at the as-of.
    [InlineData("Monthly revenue for the last 6 complete months (April to September 2026)", "not the same data")]
    // Months that do not follow one another.
    [InlineData("Monthly revenue for September and November 2026", "one time range")]
    // A named day restated by another date, or a weekday that is not the date's.
    [InlineData("orders on Black Friday 2025 (27 November 2025)", "")]
    [InlineData("orders on Friday 27 November 2025", "")]
    // A day after the data: a forecast.
    [InlineData("How many orders did we get on Black Friday this year?", "after the latest data")]
    // A named day without its year is this year's, not moved to last year's.
    [InlineData("orders since Black Friday", "after the latest data")]
    public async Task Uncertain_IsDeclined(string question, string reason)
    {
        await RuleAnswers.AssertDeclinedAsync(database.Path, question, reason);
    }
}

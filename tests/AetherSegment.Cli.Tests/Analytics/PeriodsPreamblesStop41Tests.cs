using System.Globalization;
using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 41, ask34 (periods and preambles). Each answer recounted by hand-written SQL on the fixture (as-of 2026-11-20
/// 12:00 UTC; a range "to now" runs to the end of the as-of's day, as "since" always did).
/// </summary>
public sealed class PeriodsPreamblesStop41Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string Revenue2025 = "FROM transactions WHERE transaction_date >= TIMESTAMP '2025-01-01' AND transaction_date < TIMESTAMP '2026-01-01'";
    private const string Revenue2026 = "FROM transactions WHERE transaction_date >= TIMESTAMP '2026-01-01' AND transaction_date < TIMESTAMP '2027-01-01'";

    [Theory]
    // A calendar quarter as a row: "per quarter", "quarterly", "by quarter", "in each quarter of".
    [InlineData("Revenue per quarter in 2025", $"SELECT sum(order_value) {Revenue2025} GROUP BY date_trunc('quarter', transaction_date) ORDER BY date_trunc('quarter', transaction_date)")]
    [InlineData("quarterly revenue in 2025", $"SELECT sum(order_value) {Revenue2025} GROUP BY date_trunc('quarter', transaction_date) ORDER BY date_trunc('quarter', transaction_date)")]
    [InlineData("What was our revenue by quarter for 2025?", $"SELECT sum(order_value) {Revenue2025} GROUP BY date_trunc('quarter', transaction_date) ORDER BY date_trunc('quarter', transaction_date)")]
    [InlineData("how many orders in each quarter of 2026", $"SELECT count(*) {Revenue2026} GROUP BY date_trunc('quarter', transaction_date) ORDER BY date_trunc('quarter', transaction_date)")]
    // A year with its months "to now" in brackets: the same data at the as-of.
    [InlineData("Monthly revenue for 2026 (Jan to now)", $"SELECT sum(order_value) {Revenue2026} GROUP BY date_trunc('month', transaction_date) ORDER BY date_trunc('month', transaction_date)")]
    [InlineData("Monthly revenue for 2026 (from January 1st through today)", $"SELECT sum(order_value) {Revenue2026} GROUP BY date_trunc('month', transaction_date) ORDER BY date_trunc('month', transaction_date)")]
    // One row per month, said as the layout.
    [InlineData("Monthly revenue for 2026 - one row per month please", $"SELECT sum(order_value) {Revenue2026} GROUP BY date_trunc('month', transaction_date) ORDER BY date_trunc('month', transaction_date)")]
    [InlineData("Orders in 2025, one line per quarter", $"SELECT count(*) {Revenue2025} GROUP BY date_trunc('quarter', transaction_date) ORDER BY date_trunc('quarter', transaction_date)")]
    // A quarter restated by its months in brackets.
    [InlineData("Monthly revenue for Q3 2026 (July, August, September)", "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-07-01' AND transaction_date < TIMESTAMP '2026-10-01' GROUP BY date_trunc('month', transaction_date) ORDER BY date_trunc('month', transaction_date)")]
    [InlineData("revenue by month for Q2 2026 (April, May and June)", "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-04-01' AND transaction_date < TIMESTAMP '2026-07-01' GROUP BY date_trunc('month', transaction_date) ORDER BY date_trunc('month', transaction_date)")]
    // A span of months after "over", "during", "for" with a breakdown by month (the "per" of the breakdown is no comparison).
    [InlineData("New customers per month over June to November 2026", "SELECT count(*) FROM customers WHERE created_at >= TIMESTAMP '2026-06-01' AND created_at < TIMESTAMP '2026-12-01' GROUP BY date_trunc('month', created_at) ORDER BY date_trunc('month', created_at)")]
    [InlineData("orders each month during June to September 2026", "SELECT count(*) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-06-01' AND transaction_date < TIMESTAMP '2026-10-01' GROUP BY date_trunc('month', transaction_date) ORDER BY date_trunc('month', transaction_date)")]
    [InlineData("revenue per month for March to May 2026", "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-03-01' AND transaction_date < TIMESTAMP '2026-06-01' GROUP BY date_trunc('month', transaction_date) ORDER BY date_trunc('month', transaction_date)")]
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
    // A month "to now" without its year: from the start of the latest such month (it was read as that month alone).
    [InlineData("revenue from Jan to now", "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-01-01' AND transaction_date < TIMESTAMP '2026-11-21'")]
    [InlineData("orders from January 1st through today", "SELECT count(*) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-01-01' AND transaction_date < TIMESTAMP '2026-11-21'")]
    [InlineData("How many customers came in through referral between Jan 1 and now?", "SELECT count(*) FROM customers WHERE acquisition_source = 'referral' AND created_at >= TIMESTAMP '2026-01-01' AND created_at < TIMESTAMP '2026-11-21'")]
    [InlineData("revenue from Dec to now", "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2025-12-01' AND transaction_date < TIMESTAMP '2026-11-21'")]
    // Who asks, said before the question, restricts nothing.
    [InlineData("As CFO I want year-to-date revenue.", "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-01-01' AND transaction_date < TIMESTAMP '2026-11-21'")]
    [InlineData("As the head of marketing, I need the number of customers acquired through social", "SELECT count(*) FROM customers WHERE acquisition_source = 'social'")]
    [InlineData("As a finance analyst I'd like to see revenue last month", "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01'")]
    [InlineData("Merch question: what was revenue last month?", "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01'")]
    public async Task Answered_MatchesTheHandWrittenValue(string question, string truth)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, truth);
    }

    [Theory]
    // The bracket's range is other data than the year said: asked back, not picked.
    [InlineData("Monthly revenue for 2025 (Jan to now)", "not the same data")]
    // Months in brackets that are not the quarter's run of months.
    [InlineData("Monthly revenue for Q3 2026 (July, September)", "one time range")]
    // A preamble naming a value ("the UK region") may restrict the customers: declined, not dropped.
    [InlineData("I run the UK region: what number of my customers were acquired through paid search?", "could not place")]
    public async Task Uncertain_IsDeclined(string question, string reason)
    {
        await RuleAnswers.AssertDeclinedAsync(database.Path, question, reason);
    }

    [Fact]
    public async Task TwoMonthsCompared_StayTwoPeriods()
    {
        // "compare ... June to November" is two months side by side, not the span.
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "compare revenue in June to November");

        Assert.Equal(2, answer.Rows.Count);
        Assert.Contains("compared with", answer.Restatement, StringComparison.Ordinal);
    }
}

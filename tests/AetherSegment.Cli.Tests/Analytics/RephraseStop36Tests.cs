using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 36: other wordings of what is answered, declined by the ninth blind set and read after its unseen
/// measurement (<c>QuestionParser.Rephrase</c>). Each answer recounted by hand-written SQL on the fixture (as-of
/// 2026-11-20 12:00 UTC).
/// </summary>
public sealed class RephraseStop36Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    [InlineData("What's the median number of orders per customer, counting only customers who have bought at least once?", "SELECT median(n) FROM (SELECT customer_id, count(*) AS n FROM transactions GROUP BY 1)")]
    [InlineData("Across all customers, including the ones who never bought anything, what's the average number of transactions per customer?", "SELECT (SELECT count(*) FROM transactions) / (SELECT count(*) FROM customers)")]
    [InlineData("What was the average order value in calendar year 2025?", "SELECT avg(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2025-01-01' AND transaction_date < TIMESTAMP '2026-01-01'")]
    [InlineData("How many customers have spent more than $2,000 in total across all their purchases?", "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING sum(order_value) > 2000)")]
    [InlineData("What's the average session length in seconds for sessions on iOS?", "SELECT avg(session_duration_seconds) FROM behavioral_events WHERE session_start AND device = 'ios'")]
    public async Task Answer_IsTheHandWrittenSql(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
    }

    [Fact]
    public async Task EachCalendarQuarter_IsTheNewCustomersOfEachQuarter()
    {
        // Declined until stop 41 (no quarter grain); ask34 added the grain, and the reading is the customers created in each
        // quarter, as "in each calendar year" is (StopThirtySevenAsk14Tests).
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "How many new customers did we acquire in each calendar quarter?");

        List<string> truth = await RuleAnswers.ColumnAsync(database.Path,
            "SELECT CAST(count(*) AS VARCHAR) FROM customers GROUP BY date_trunc('quarter', created_at) ORDER BY date_trunc('quarter', created_at)");
        Assert.Equal(truth, answer.Rows.Select(r => Convert.ToString(r["customers"], System.Globalization.CultureInfo.InvariantCulture)!).ToList());
    }
}

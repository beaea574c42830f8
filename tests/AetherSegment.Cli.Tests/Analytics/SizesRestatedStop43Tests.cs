using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 43 (ask49): sessions and carts as things with sizes, with a bracket that restates the words around it in the data
/// model's column and table names ("(session_duration_seconds > 600)", "(item_count = 3)", "(distinct session_id)",
/// "(count each row in behavioral_events)", "[session_duration_seconds, counting each session once]"). A bracket that says
/// the same thing is read as said twice; one that says something else is not dropped, and the question is declined. Each
/// answer recounted by SQL written by hand on the fixture.
/// </summary>
public sealed class SizesRestatedStop43Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string Last7Days = "event_timestamp >= TIMESTAMP '2026-11-13 12:00:00' AND event_timestamp <= TIMESTAMP '2026-11-20 12:00:00'";

    [Theory]
    [InlineData("number of sessions that lasted longer than 10 minutes (session_duration_seconds > 600)", "session_duration_seconds > 600")]
    [InlineData("How many sessions were longer than 10 minutes (session_duration_seconds>600)?", "session_duration_seconds > 600")]
    [InlineData("How many sessions lasted more than 600 seconds [session_duration_seconds > 600]?", "session_duration_seconds > 600")]
    [InlineData("Sessions lasting at least 5 minutes (session_duration_seconds >= 300) - how many?", "session_duration_seconds >= 300")]
    [InlineData("count of sessions shorter than 1 minute (i.e. session_duration_seconds < 60)", "session_duration_seconds < 60")]
    public async Task SessionLengthRestatedByItsColumn_IsOneComparison(string question, string where)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, $"SELECT count(DISTINCT session_id) FROM behavioral_events WHERE {where}", nonZero: true);
    }

    [Theory]
    [InlineData("How many abandoned carts have 3 or more items (item_count >= 3)?", "item_count >= 3")]
    [InlineData("abandoned carts with more than 2 items (item_count > 2): how many?", "item_count > 2")]
    [InlineData("How many carts had at least 2 items in them (item_count >= 2)?", "item_count >= 2")]
    public async Task ItemCountRestatedByItsColumn_IsOneComparison(string question, string where)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, $"SELECT count(*) FROM abandoned_carts WHERE {where}", nonZero: true);
    }

    [Theory]
    // The bracket says another number or another comparison: which one was meant? Not answered.
    [InlineData("number of sessions that lasted longer than 10 minutes (session_duration_seconds > 300)")]
    [InlineData("number of sessions that lasted longer than 10 minutes (session_duration_seconds >= 600)")]
    [InlineData("How many abandoned carts have 3 or more items (item_count > 3)?")]
    [InlineData("How many abandoned carts have 3 or more items (item_count >= 2)?")]
    public async Task RestatementThatDiffers_IsNotAnswered(string question)
    {
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
    }

    [Theory]
    [InlineData("How many sessions (distinct session_id) were there in the last 7 days?")]
    [InlineData("number of sessions in the last 7 days (count distinct session_id)")]
    [InlineData("How many unique sessions in the last 7 days [unique session_id]?")]
    public async Task SessionsRestatedAsDistinctIds_AreSessions(string question)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, $"SELECT count(DISTINCT session_id) FROM behavioral_events WHERE {Last7Days}", nonZero: true);
    }

    [Fact]
    public async Task SessionsByCountryRestatedAsDistinctIds_AreSessionsByCountry()
    {
        await RuleAnswers.AssertGroupsAsync(database.Path, "Rank the countries by number of sessions in the last 7 days (distinct session_id), highest first",
            $"SELECT c.country, count(DISTINCT e.session_id) FROM behavioral_events e JOIN customers c USING (customer_id) WHERE e.{Last7Days} GROUP BY 1");
    }

    [Theory]
    [InlineData("Events per device (count each row in behavioral_events)")]
    [InlineData("events by device (counting every row of behavioral_events)")]
    [InlineData("Number of events per device [rows in behavioral_events]")]
    public async Task EventsRestatedAsRows_AreEvents(string question)
    {
        await RuleAnswers.AssertGroupsAsync(database.Path, question, "SELECT device, count(*) FROM behavioral_events GROUP BY 1");
    }

    [Theory]
    [InlineData("Average session length in seconds by device [session_duration_seconds, counting each session once]")]
    [InlineData("average session duration per device (session_duration_seconds, counting each session once)")]
    [InlineData("Average session length by device (session_duration_seconds)")]
    public async Task DurationRestatedByItsColumn_IsTheAverageSessionDuration(string question)
    {
        await RuleAnswers.AssertGroupsAsync(database.Path, question, "SELECT device, avg(session_duration_seconds) FROM behavioral_events WHERE session_start GROUP BY 1");
    }

    [Fact]
    public async Task RowsOfAnotherTable_AreNotDropped()
    {
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, "Events per device (count each row in abandoned_carts)");
    }
}

using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 41 (ask32): devices said of customers (a customer is on a device when they have any event on it: "on both iOS and
/// Android", "active customers by device"), the average session duration over a time range (each session once, placed by
/// its start row), sessions "with activity", and event types said as verbs ("viewed a product in AR", "tried the AR
/// viewer", "ran a stock check", "removed something from their cart", "at least once", "searched on the site"). Each
/// answer recounted by SQL written by hand on the fixture.
/// </summary>
public sealed class DevicesSessionsEventVerbsStop41Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string Last30Days = "event_timestamp >= TIMESTAMP '2026-10-21 12:00:00' AND event_timestamp <= TIMESTAMP '2026-11-20 12:00:00'";
    private const string Last7Days = "event_timestamp >= TIMESTAMP '2026-11-13 12:00:00' AND event_timestamp <= TIMESTAMP '2026-11-20 12:00:00'";

    private static string OnBoth(string a, string b, string where = "TRUE") =>
        $"SELECT count(*) FROM (SELECT customer_id FROM behavioral_events WHERE {where} GROUP BY 1 HAVING count(*) FILTER (WHERE device = '{a}') > 0 AND count(*) FILTER (WHERE device = '{b}') > 0)";

    private static string WithEvents(string where) => $"SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE {where}";

    [Theory]
    [InlineData("Customers who were on both iOS and Android in the last 30 days", "ios", "android", Last30Days)]
    [InlineData("How many customers have used both ios and android?", "ios", "android", "TRUE")]
    [InlineData("How many customers have been active on both ios and the web?", "ios", "web", "TRUE")]
    [InlineData("how many customers had events on both the web and android in the last 30 days", "web", "android", Last30Days)]
    [InlineData("number of shoppers who used both Android and iOS over the last 7 days", "android", "ios", Last7Days)]
    public async Task OnBothDevices_MatchesSql(string question, string a, string b, string where)
    {
        AnalyticsAnswer answer = await RuleAnswers.AssertValueAsync(database.Path, question, OnBoth(a, b, where));

        Assert.Contains(a, answer.Restatement, StringComparison.Ordinal);
        Assert.Contains(b, answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("How many customers viewed a product in AR in the last 30 days?", "event_type = 'ar_view' AND " + Last30Days)]
    [InlineData("customers who looked at products in AR over the last 7 days", "event_type = 'ar_view' AND " + Last7Days)]
    [InlineData("how many customers tried the AR viewer in the last 30 days", "event_type = 'ar_view' AND " + Last30Days)]
    [InlineData("Number of distinct customers who used the room planner at least once", "event_type = 'room_planner_use'")]
    [InlineData("how many customers ran a stock check on Sofas", "event_type = 'stock_check' AND product_type = 'Sofas'")]
    [InlineData("number of customers who removed something from their cart in the last 30 days", "event_type = 'remove_from_cart' AND " + Last30Days)]
    [InlineData("how many customers took an item out of their cart", "event_type = 'remove_from_cart'")]
    public async Task EventVerb_MatchesSql(string question, string where)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, WithEvents(where));
    }

    [Theory]
    [InlineData("Count customers who used the room planner and also viewed something in AR",
        "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events GROUP BY 1 HAVING count(*) FILTER (WHERE event_type = 'room_planner_use') > 0 AND count(*) FILTER (WHERE event_type = 'ar_view') > 0)")]
    [InlineData("How many customers have searched on the site but never added anything to a cart?",
        "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events GROUP BY 1 HAVING count(*) FILTER (WHERE event_type = 'search') > 0 AND count(*) FILTER (WHERE event_type = 'add_to_cart') = 0)")]
    [InlineData("How many distinct browsing sessions had activity in the last 7 days?",
        "SELECT count(DISTINCT session_id) FROM behavioral_events WHERE " + Last7Days)]
    // Was declined (stop 36); each session is now placed by its start row.
    [InlineData("average session duration last month, each session counted once",
        "SELECT avg(session_duration_seconds) FROM behavioral_events WHERE session_start AND event_timestamp >= TIMESTAMP '2026-10-01' AND event_timestamp < TIMESTAMP '2026-11-01'")]
    [InlineData("average session duration on ios in the last 30 days, each session counted once",
        "SELECT avg(session_duration_seconds) FROM behavioral_events WHERE session_start AND device = 'ios' AND " + Last30Days)]
    public async Task Combined_MatchesSql(string question, string truth)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 9);
    }

    [Theory]
    [InlineData("Active customers by device in the last 7 days (distinct customers with at least one event on that device)",
        "SELECT device, count(DISTINCT customer_id) FROM behavioral_events WHERE " + Last7Days + " GROUP BY 1")]
    [InlineData("how many active customers per device in the last 30 days",
        "SELECT device, count(DISTINCT customer_id) FROM behavioral_events WHERE " + Last30Days + " GROUP BY 1")]
    [InlineData("Average session length in seconds per device over the last 30 days",
        "SELECT device, avg(session_duration_seconds) FROM behavioral_events WHERE session_start AND " + Last30Days + " GROUP BY 1")]
    [InlineData("Average session duration in seconds per device over the last 30 days (count each session once)",
        "SELECT device, avg(session_duration_seconds) FROM behavioral_events WHERE session_start AND " + Last30Days + " GROUP BY 1")]
    [InlineData("avg session length in seconds by device over the last 7 days (per session)",
        "SELECT device, avg(session_duration_seconds) FROM behavioral_events WHERE session_start AND " + Last7Days + " GROUP BY 1")]
    [InlineData("how many sessions per device type", "SELECT device, count(*) FROM behavioral_events WHERE session_start GROUP BY 1")]
    public async Task ByDevice_MatchesSql(string question, string truth)
    {
        await RuleAnswers.AssertGroupsAsync(database.Path, question, truth);
    }

    [Fact]
    public async Task SessionDurationOverARange_SaysSessionsArePlacedByTheirStart()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "average session duration per session by device in the last 30 days");

        Assert.Contains("each session placed by its start", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomersWithEventsByDevice_SaysACustomerCountsUnderEachDevice()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "active customers by device in the last 30 days");

        Assert.Contains("counted under each", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    // Without "both", "customers on iOS and Android" could also be either: not read as both.
    [InlineData("customers on ios and android")]
    // A frequency, not "any": not dropped.
    [InlineData("customers who searched at least once a week")]
    public async Task NotBothOrAFrequency_IsNotReadAsBoth(string question)
    {
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
    }
}

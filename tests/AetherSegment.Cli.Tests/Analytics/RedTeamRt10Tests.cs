namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 47 (rt10): six kinds of reading that answered a different question on the unseen hard sets blind57 and
/// blind58, each checked on a real DuckDB store: a rate said of the conversions (read as the conversion rate), events of
/// one type counted as their customers (read as the events), store visits and store locations (declined), a share whose
/// base says a condition the whole dropped, "also in" two campaigns read as a breakdown, and a value said on two parts
/// but read on one (declined).
/// </summary>
public sealed class RedTeamRt10Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string AsOf = "TIMESTAMP '2026-11-20 12:00:00'";

    [Theory]
    [InlineData("searches made by Canadian customers over the past 30 days - how many?", "SELECT count(*) FROM behavioral_events e JOIN customers c USING (customer_id) WHERE c.country = 'Canada' AND e.event_type = 'search' AND e.event_timestamp > " + AsOf + " - INTERVAL 30 DAY AND e.event_timestamp <= " + AsOf)]
    [InlineData("stock checks done by UK customers in October 2026: how many?", "SELECT count(*) FROM behavioral_events e JOIN customers c USING (customer_id) WHERE c.country = 'United Kingdom' AND e.event_type = 'stock_check' AND e.event_timestamp >= TIMESTAMP '2026-10-01' AND e.event_timestamp < TIMESTAMP '2026-11-01'")]
    [InlineData("how many customers made searches in the past 14 days?", "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'search' AND event_timestamp > " + AsOf + " - INTERVAL 14 DAY AND event_timestamp <= " + AsOf)]
    public async Task EventsCounted_AreTheEvents(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 2, nonZero: true);

    [Theory]
    // Found at the merge (blind5, blind8): a growth rate is a rate, and a value inside a longer one is that one.
    [InlineData("What was our revenue growth rate from 2025 to 2026?")]
    [InlineData("How many customers bought Office products but never an office chair?")]
    public async Task KindsBeside_StayAnswered(string question) =>
        await RuleAnswers.AskAsync(database.Path, question, answered: true);

    [Theory]
    [InlineData("Name the 3 campaigns whose treatment group converted at the highest rate", "SELECT campaign_name, avg(CASE WHEN converted THEN 1.0 ELSE 0 END) FROM campaign_history WHERE \"group\" = 'treatment' GROUP BY 1 ORDER BY 2 DESC LIMIT 3")]
    public async Task RateSaid_IsTheConversionRate(string question, string truth) =>
        await RuleAnswers.AssertGroupsAsync(database.Path, question, truth, precision: 4);

    [Theory]
    [InlineData("Which 3 cities had the highest order rate last month?")]
    [InlineData("Which countries spend at the highest rate?")]
    [InlineData("How many in-store visits did our Sydney location get last month?")]
    [InlineData("How many in-store visits did our London location get last month?")]
    [InlineData("How many walk-ins did we have in Sydney this month?")]
    [InlineData("foot traffic at the Toronto store in October 2026")]
    [InlineData("revenue from our Sydney store last month")]
    [InlineData("of the Canadian customers who bought something in 2026, what share bought from Outdoor in 2026? (%)")]
    [InlineData("of the Australian customers who bought something in 2026, what share bought from Lighting in 2026? (%)")]
    [InlineData("of the treatment group of Spring 2026 Double Points, how many were also in the treatment group of Autumn 2025 Double Points?")]
    [InlineData("of customers who did an Outdoor stock check in 2026, how many bought an Outdoor item in 2026?")]
    [InlineData("of customers who did a Lighting stock check in 2026, how many bought a Lighting item in 2026?")]
    public async Task DifferentQuestions_AreNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
}

using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 40 (ask26): the base of a per-customer average said in words is never dropped. "The distinct categories a customer
/// has bought from" is over the buyers (without a base word it is asked back); "among customers with web sessions" beside
/// the web sessions counted, "(customers with at least one product view)" beside the product views counted and "who had any
/// session in that window" are the customers with at least one of the rows counted; "customers with no orders count as zero"
/// and "(all customers, non-buyers included)" are every customer; a session duration said "(seconds)" is in seconds. Each
/// answer recounted by SQL written by hand on the fixture.
/// </summary>
public sealed class PerCustomerBasesStop40Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string Events30Days = "event_timestamp >= TIMESTAMP '2026-10-21 12:00:00' AND event_timestamp <= TIMESTAMP '2026-11-20 12:00:00'";
    private const string DistinctCategoriesPerBuyer = "SELECT avg(n) FROM (SELECT customer_id, count(DISTINCT category) n FROM transactions GROUP BY 1)";
    private const string DistinctTypesPerBuyer = "SELECT avg(n) FROM (SELECT customer_id, count(DISTINCT product_type) n FROM transactions GROUP BY 1)";

    [Theory]
    // "has bought from" names the buyers (a wrong answer on blind24 averaged over every customer).
    [InlineData("Average number of distinct categories a customer has bought from", DistinctCategoriesPerBuyer)]
    [InlineData("How many different categories has a customer bought from, on average?", DistinctCategoriesPerBuyer)]
    [InlineData("avg number of distinct product types each customer has purchased", DistinctTypesPerBuyer)]
    [InlineData("mean number of different categories customers have bought from", DistinctCategoriesPerBuyer)]
    // The sessions counted said again as the base (a wrong answer on blind24 dropped "among customers with web sessions").
    [InlineData("What's the average number of sessions per customer on the website (web device), among customers with web sessions?",
        "SELECT avg(n) FROM (SELECT customer_id, count(DISTINCT session_id) n FROM behavioral_events WHERE device = 'web' GROUP BY 1)")]
    [InlineData("average number of sessions per customer on ios, for customers who had ios sessions",
        "SELECT avg(n) FROM (SELECT customer_id, count(DISTINCT session_id) n FROM behavioral_events WHERE device = 'ios' GROUP BY 1)")]
    [InlineData("average number of sessions per customer among customers with sessions",
        "SELECT avg(n) FROM (SELECT customer_id, count(DISTINCT session_id) n FROM behavioral_events GROUP BY 1)")]
    [InlineData("Average number of sessions per customer in the last 30 days, among customers who had any session in that window",
        "SELECT avg(n) FROM (SELECT customer_id, count(DISTINCT session_id) n FROM behavioral_events WHERE " + Events30Days + " GROUP BY 1)")]
    [InlineData("avg sessions per customer over the last 30 days among customers who had a session then",
        "SELECT avg(n) FROM (SELECT customer_id, count(DISTINCT session_id) n FROM behavioral_events WHERE " + Events30Days + " GROUP BY 1)")]
    [InlineData("In the last 30 days, how many product views does a browsing customer make on average (customers with at least one product view)?",
        "SELECT avg(n) FROM (SELECT customer_id, count(*) n FROM behavioral_events WHERE event_type = 'product_view' AND " + Events30Days + " GROUP BY 1)")]
    // Every customer said as the base.
    [InlineData("Average lifetime spend per UK customer (customers with no orders count as zero)",
        "SELECT (SELECT sum(t.order_value) FROM transactions t JOIN customers c ON c.customer_id = t.customer_id WHERE c.country = 'United Kingdom') / (SELECT count(*) FROM customers WHERE country = 'United Kingdom')")]
    [InlineData("Average number of orders per customer (all customers, non-buyers included)",
        "SELECT (SELECT count(*) FROM transactions) / (SELECT count(*) FROM customers)")]
    [InlineData("average revenue per customer, including non-buyers",
        "SELECT (SELECT sum(order_value) FROM transactions) / (SELECT count(*) FROM customers)")]
    public async Task SaidBase_MatchesSql(string question, string truth)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 9);
    }

    [Theory]
    [InlineData("Average number of orders per customer by acquisition source (all customers, non-buyers included)",
        "SELECT c.acquisition_source, (SELECT count(*) FROM transactions t JOIN customers k ON k.customer_id = t.customer_id WHERE k.acquisition_source = c.acquisition_source) / count(*) FROM customers c GROUP BY 1")]
    [InlineData("Average session duration (seconds) by device, each session counted once", "SELECT device, avg(session_duration_seconds) FROM behavioral_events WHERE session_start GROUP BY 1")]
    [InlineData("Average session duration by device (seconds, per session)", "SELECT device, avg(session_duration_seconds) FROM behavioral_events WHERE session_start GROUP BY 1")]
    [InlineData("avg session length per device (seconds)", "SELECT device, avg(session_duration_seconds) FROM behavioral_events WHERE session_start GROUP BY 1")]
    public async Task SaidBaseRows_MatchSql(string question, string truth)
    {
        await RuleAnswers.AssertGroupsAsync(database.Path, question, truth);
    }

    [Theory]
    // No base word: over the buyers or over every customer, both natural.
    [InlineData("average number of distinct categories per customer")]
    [InlineData("average number of different product types per shopper")]
    // The base names web sessions, the measure every session: the base would pick the customers, not the sessions.
    [InlineData("average sessions per customer among customers with web sessions")]
    // A base the statistic cannot read.
    [InlineData("average number of sessions per customer among customers with a wishlist")]
    [InlineData("median number of orders per customer among customers who live near a store")]
    public async Task UnreadBase_IsDeclined(string question)
    {
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
    }
}

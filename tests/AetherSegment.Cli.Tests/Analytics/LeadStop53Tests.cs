namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 53 (lead): the two wrong answers of the unseen set blind74, each checked on a real DuckDB store (as-of
/// 2026-11-20 12:00 UTC). "mobile devices (ios plus android)" answered a share per device, and "which acquisition source
/// brought us the most customers" read "us" as the United States.
/// </summary>
public sealed class LeadStop53Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    [InlineData("what share of all behavioral events come from mobile devices (ios plus android)?", "SELECT avg(CASE WHEN device IN ('ios', 'android') THEN 1.0 ELSE 0 END) FROM behavioral_events")]
    [InlineData("how many events came from ios plus android", "SELECT count(*) FROM behavioral_events WHERE device IN ('ios', 'android')")]
    [InlineData("how many customers live in Toronto plus Sydney", "SELECT count(*) FROM customers WHERE city IN ('Toronto', 'Sydney')")]
    public async Task TwoValuesJoinedByPlus_AreOneFilterOnEither(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 4, nonZero: true);

    [Theory]
    [InlineData("Which acquisition source brought us the most customers?", "SELECT acquisition_source, count(*) FROM customers GROUP BY 1 ORDER BY 2 DESC LIMIT 1")]
    [InlineData("which country earned us the most revenue last year", "SELECT c.country, sum(t.order_value) FROM transactions t JOIN customers c USING (customer_id) WHERE year(t.transaction_date) = 2025 GROUP BY 1 ORDER BY 2 DESC LIMIT 1")]
    [InlineData("which acquisition source got us the most orders", "SELECT c.acquisition_source, count(*) FROM transactions t JOIN customers c USING (customer_id) GROUP BY 1 ORDER BY 2 DESC LIMIT 1")]
    public async Task UsAfterAVerbThatGives_IsThePronoun(string question, string truth) =>
        await RuleAnswers.AssertGroupsAsync(database.Path, question, truth);

    [Theory]
    [InlineData("how many customers do we have in the US", "SELECT count(*) FROM customers WHERE country = 'United States'")]
    [InlineData("how many orders did US customers place", "SELECT count(*) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'United States'")]
    public async Task TheCountry_IsStillRead(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    // blind75 read "(Sofas product type, any country)" as a count per country; "any <a breakdown>" says no restriction.
    [Theory]
    [InlineData("how many distinct customers have bought a sofa at any point? (Sofas product type, any country)", "SELECT count(DISTINCT customer_id) FROM transactions WHERE product_type = 'Sofas'")]
    [InlineData("number of customers who had an AR view event, across all devices combined", "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'ar_view'")]
    [InlineData("total revenue all-time", "SELECT sum(order_value) FROM transactions")]
    [InlineData("total revenue over the whole order history", "SELECT sum(order_value) FROM transactions")]
    [InlineData("how many UK customers have a churn probability strictly over 0.7", "SELECT count(*) FROM customers c JOIN customer_scores s USING (customer_id) WHERE c.country = 'United Kingdom' AND s.churn_probability > 0.7")]
    public async Task AsidesThatSayNoRestriction_AreDropped(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Theory]
    [InlineData("revenue by country (any city)", "SELECT c.country, sum(t.order_value) FROM transactions t JOIN customers c USING (customer_id) GROUP BY 1")]
    public async Task ABreakdownAskedFor_StaysBesideAnAnyAside(string question, string truth) =>
        await RuleAnswers.AssertGroupsAsync(database.Path, question, truth);

    // Read, the aside was a second condition (the customers' average order value over $1,500).
    [Theory]
    [InlineData("how many single orders were worth more than $1,500 (order value strictly above 1500)?", "SELECT count(*) FROM transactions WHERE order_value > 1500")]
    [InlineData("how many orders were over $1,000 (i.e. order value > 1,000)", "SELECT count(*) FROM transactions WHERE order_value > 1000")]
    public async Task AThresholdSaidAgainInBrackets_IsReadOnce(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);
}

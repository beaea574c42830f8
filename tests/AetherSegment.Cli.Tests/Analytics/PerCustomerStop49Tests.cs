using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 49 (percust64): per-customer measures, thresholds on them and averages over customers with or without
/// zeros, said in other words ("LTV = total lifetime order value per customer; customers who never bought count as 0",
/// "single biggest order ever", "(their total, not one order)", "count people who never bought as $0 spend", "counting
/// customers with zero events as 0", "(buyers only)", "revenue per customer for customers with churn probability above
/// 0.7"), each checked against a hand-written query on a real DuckDB store; nearby wordings whose base or range is not
/// read stay declined.
/// </summary>
public sealed class PerCustomerStop49Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string AsOf = "TIMESTAMP '2026-11-20 12:00:00'";
    private const string Totals = "(SELECT customer_id, sum(order_value) AS s FROM transactions GROUP BY 1)";

    [Theory]
    [InlineData("UK customers whose single biggest order ever was above $2,000: how many are there?", "SELECT count(*) FROM (SELECT t.customer_id FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'United Kingdom' GROUP BY 1 HAVING max(t.order_value) > 2000)")]
    [InlineData("what's the most any single Seattle customer has spent this year (their total, not one order)?", "SELECT max(s) FROM (SELECT t.customer_id, sum(t.order_value) s FROM transactions t JOIN customers c USING (customer_id) WHERE c.city = 'Seattle' AND t.transaction_date >= TIMESTAMP '2026-01-01' AND t.transaction_date <= " + AsOf + " GROUP BY 1)")]
    [InlineData("Of customers with discount sensitivity above 0.7, how many have a lifetime spend under $500? Count people who never bought as $0 spend.", "SELECT count(*) FROM customers c LEFT JOIN " + Totals + " t USING (customer_id) WHERE c.customer_id IN (SELECT customer_id FROM customer_scores WHERE discount_sensitivity > 0.7) AND coalesce(t.s, 0) < 500")]
    [InlineData("Of customers with discount sensitivity above 0.7, how many have a lifetime spend under $500?", "SELECT count(*) FROM customers c LEFT JOIN " + Totals + " t USING (customer_id) WHERE c.customer_id IN (SELECT customer_id FROM customer_scores WHERE discount_sensitivity > 0.7) AND coalesce(t.s, 0) < 500")]
    [InlineData("What's the average LTV of our exclusivity seekers? (LTV = total lifetime order value per customer; customers who never bought count as 0)", "SELECT avg(coalesce(t.s, 0)) FROM customers c LEFT JOIN " + Totals + " t USING (customer_id) WHERE c.customer_id IN (SELECT customer_id FROM customer_scores WHERE exclusivity_seeker)")]
    [InlineData("Define LTV as a customer's total order value to date. Average LTV for customers with a clv_score above 0.9 who have at least one order?", "SELECT avg(t.s) FROM customers c JOIN " + Totals + " t USING (customer_id) WHERE c.clv_score > 0.9")]
    [InlineData("mean number of behavioral events per customer for customers acquired via social, counting customers with zero events as 0", "SELECT avg(coalesce(e.n, 0)) FROM customers c LEFT JOIN (SELECT customer_id, count(*) n FROM behavioral_events GROUP BY 1) e USING (customer_id) WHERE c.acquisition_source = 'social'")]
    [InlineData("For customers acquired via social, what's the average number of sessions per customer? Count customers with no sessions as zero.", "SELECT avg(coalesce(e.n, 0)) FROM customers c LEFT JOIN (SELECT customer_id, count(DISTINCT session_id) n FROM behavioral_events GROUP BY 1) e USING (customer_id) WHERE c.acquisition_source = 'social'")]
    [InlineData("On average, how many distinct categories has each buyer purchased from? (buyers only)", "SELECT avg(n) FROM (SELECT customer_id, count(DISTINCT category) n FROM transactions GROUP BY 1)")]
    [InlineData("revenue per customer for customers with churn probability above 0.7", "SELECT avg(coalesce(t.s, 0)) FROM customers c LEFT JOIN " + Totals + " t USING (customer_id) WHERE c.customer_id IN (SELECT customer_id FROM customer_scores WHERE churn_probability > 0.7)")]
    public async Task PerCustomerWordings_AreAnswered(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 2, nonZero: true);

    [Theory]
    // The restatement says the customers, whether zeros count, and the measure.
    [InlineData("What's the average LTV of our exclusivity seekers? (LTV = total lifetime order value per customer; customers who never bought count as 0)", "those with none counting as zero")]
    [InlineData("revenue per customer for customers with churn probability above 0.7", "those with none counting as zero")]
    [InlineData("Of customers with discount sensitivity above 0.7, how many have a lifetime spend under $500? Count people who never bought as $0 spend.", "customers with no revenue included")]
    public async Task Restatement_SaysWhoIsCounted(string question, string said)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);
        Assert.Contains(said, answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    // LTV defined without saying who is counted, or with a range; a zero clause beside buyers or a range; rows counted
    // that the zero clause does not name; a per-buyer figure with "zero events as 0".
    [InlineData("What's the average LTV of our exclusivity seekers? (LTV = total lifetime order value per customer)")]
    [InlineData("What's the average LTV of our exclusivity seekers this year? (LTV = total lifetime order value per customer; customers who never bought count as 0)")]
    [InlineData("How many customers spent under $500 last year? Count people who never bought as $0 spend.")]
    [InlineData("mean number of behavioral events per buyer for customers acquired via social, counting customers with zero events as 0")]
    [InlineData("revenue per customer last month for customers with churn probability above 0.7")]
    [InlineData("what's the most any single Seattle customer has spent on one order this year (their total, not one order)?")]
    public async Task NearbyWordings_AreNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
}

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 44 (ask52): answerable kinds the training sets declined, each said as the parser already reads it and
/// checked against a hand-written query: abandoned baskets, "shifted the most units", "campaigns we've run", a greeting, a
/// note on who the number is for, "just the number of people, not orders", "(sum of order value in transactions)",
/// "active customers (any purchase)", "email-acquired customers", "whose average order is over", "spend per (value) buyer",
/// "average cart value of abandoned carts", "exceeds", and "from us" after the goods bought.
/// </summary>
public sealed class CoverageStop44Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string AsOf = "TIMESTAMP '2026-11-20 12:00:00'";

    [Theory]
    [InlineData("How many baskets were abandoned in the past week?", "SELECT count(*) FROM abandoned_carts WHERE abandoned_at >= " + AsOf + " - INTERVAL 7 DAY AND abandoned_at <= " + AsOf)]
    [InlineData("abandoned baskets in the last 7 days", "SELECT count(*) FROM abandoned_carts WHERE abandoned_at >= " + AsOf + " - INTERVAL 7 DAY AND abandoned_at <= " + AsOf)]
    [InlineData("Revenue over the last fortnight (for the e-comm weekly)", "SELECT sum(order_value) FROM transactions WHERE transaction_date >= " + AsOf + " - INTERVAL 14 DAY AND transaction_date <= " + AsOf)]
    [InlineData("revenue last month for the quarterly review", "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01'")]
    [InlineData("How many distinct customers have ever bought a Sofa from us? Just the number of people, not orders.", "SELECT count(DISTINCT customer_id) FROM transactions WHERE product_type = 'Sofas'")]
    [InlineData("How many people have bought a Sofa from us this year?", "SELECT count(DISTINCT customer_id) FROM transactions WHERE product_type = 'Sofas' AND transaction_date >= TIMESTAMP '2026-01-01'")]
    [InlineData("how many active customers (any purchase) in the last 90 days?", "SELECT count(DISTINCT customer_id) FROM transactions WHERE transaction_date >= " + AsOf + " - INTERVAL 90 DAY AND transaction_date <= " + AsOf)]
    [InlineData("What percent of email-acquired customers have churn probability above 0.5?", "SELECT 1.0 * count(*) FILTER (WHERE s.churn_probability > 0.5) / count(*) FROM customers c JOIN customer_scores s USING (customer_id) WHERE c.acquisition_source = 'email'")]
    [InlineData("Count customers whose average order is over $500", "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING avg(order_value) > 500)")]
    [InlineData("how many customers whose avg order was above $300", "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING avg(order_value) > 300)")]
    [InlineData("Average Bedroom spend per Bedroom buyer", "SELECT avg(s) FROM (SELECT customer_id, sum(order_value) s FROM transactions WHERE category = 'Bedroom' GROUP BY 1)")]
    [InlineData("Sofas revenue per Sofas buyer", "SELECT avg(s) FROM (SELECT customer_id, sum(order_value) s FROM transactions WHERE product_type = 'Sofas' GROUP BY 1)")]
    [InlineData("Average cart value of abandoned carts in the last 7 days", "SELECT avg(cart_value) FROM abandoned_carts WHERE abandoned_at >= " + AsOf + " - INTERVAL 7 DAY AND abandoned_at <= " + AsOf)]
    [InlineData("how many customers whose spend exceeds $2,000", "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING sum(order_value) > 2000)")]
    public async Task TrainingDeclines_AreAnswered(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 2, nonZero: true);

    [Theory]
    [InlineData("hey, can you split the abandoned carts by country of the customer? count of carts in each", "SELECT c.country, count(*) FROM abandoned_carts a JOIN customers c USING (customer_id) GROUP BY 1")]
    [InlineData("Revenue broken down by category (sum of order_value in transactions).", "SELECT category, sum(order_value) FROM transactions GROUP BY 1")]
    [InlineData("Cities where total revenue exceeds $800k", "SELECT c.city, sum(t.order_value) FROM transactions t JOIN customers c USING (customer_id) GROUP BY 1 HAVING sum(t.order_value) > 800000")]
    [InlineData("Number of campaigns we've run per campaign type", "SELECT campaign_type, count(DISTINCT campaign_id) FROM campaign_history GROUP BY 1")]
    public async Task TrainingDeclines_AreAnsweredByGroup(string question, string truth) =>
        await RuleAnswers.AssertGroupsAsync(database.Path, question, truth, precision: 2);

    [Theory]
    // The kinds beside them keep their answers: "US" in capitals is the country; a contradicting restatement stays declined.
    [InlineData("Average order value by category (sum of order value)")]
    [InlineData("How many orders were placed? just the number of orders, not people")]
    public async Task Contradictions_AreNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);

    [Theory]
    [InlineData("how many customers bought sofas from US last month", "SELECT count(DISTINCT customer_id) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'United States' AND product_type = 'Sofas' AND transaction_date >= TIMESTAMP '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01'")]
    [InlineData("how many active customers in the last 30 days", "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_timestamp >= " + AsOf + " - INTERVAL 30 DAY AND event_timestamp <= " + AsOf)]
    [InlineData("Count customers whose average order value is over $500", "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING avg(order_value) > 500)")]
    public async Task TheKindsBeside_KeepTheirAnswers(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 2, nonZero: true);
}

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 51 (percust51): per-customer aggregates, thresholds on rows and shares with a row threshold said in
/// other words (the declined questions of blind69-71 and paraphrases written for this stop), each checked against a
/// hand-written query on a real DuckDB store. Nearby wordings stay declined.
/// </summary>
public sealed class PerCustomerStop51Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string AsOf = "TIMESTAMP '2026-11-20 12:00:00'";
    private const string Totals = "(SELECT customer_id, sum(order_value) AS s FROM transactions GROUP BY 1)";
    private const string PerCustomerOrders = "SELECT count(t.transaction_id) * 1.0 / count(DISTINCT c.customer_id) FROM customers c LEFT JOIN transactions t USING (customer_id) WHERE ";

    [Theory]
    // A cart worth a bare amount with an item count said as "that had" / "having".
    [InlineData("count of abandoned carts worth more than 700 that had at least 3 items in them", "SELECT count(*) FROM abandoned_carts WHERE cart_value > 700 AND item_count >= 3")]
    [InlineData("how many abandoned carts worth more than 800 having 2 or more items", "SELECT count(*) FROM abandoned_carts WHERE cart_value > 800 AND item_count >= 2")]
    [InlineData("number of abandoned carts worth over 1000 that had 3+ items", "SELECT count(*) FROM abandoned_carts WHERE cart_value > 1000 AND item_count >= 3")]
    // "while their lifetime spend is under $N" (zeros counted).
    [InlineData("How many customers have an abandoned cart worth more than $500 while their lifetime spend is under $1,000? (customers with no orders count as $0 spent)", "SELECT count(*) FROM customers c LEFT JOIN " + Totals + " t USING (customer_id) WHERE c.customer_id IN (SELECT customer_id FROM abandoned_carts WHERE cart_value > 500) AND coalesce(t.s, 0) < 1000")]
    [InlineData("how many customers have an abandoned cart worth more than $300 while their lifetime spend is below $800?", "SELECT count(*) FROM customers c LEFT JOIN " + Totals + " t USING (customer_id) WHERE c.customer_id IN (SELECT customer_id FROM abandoned_carts WHERE cart_value > 300) AND coalesce(t.s, 0) < 800")]
    [InlineData("How many customers have an abandoned cart worth more than $200 while their lifetime order total is under $1,500, counting customers with no orders as $0?", "SELECT count(*) FROM customers c LEFT JOIN " + Totals + " t USING (customer_id) WHERE c.customer_id IN (SELECT customer_id FROM abandoned_carts WHERE cart_value > 200) AND coalesce(t.s, 0) < 1500")]
    // The share of a place's orders over an amount.
    [InlineData("what share of orders placed by Canadian customers were above $500", "SELECT avg(CASE WHEN t.order_value > 500 THEN 1 ELSE 0 END) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'Canada'")]
    [InlineData("what percentage of orders from UK customers were over $1,000", "SELECT avg(CASE WHEN t.order_value > 1000 THEN 1 ELSE 0 END) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'United Kingdom'")]
    [InlineData("What fraction of orders made by Australian customers were more than $300?", "SELECT avg(CASE WHEN t.order_value > 300 THEN 1 ELSE 0 END) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'Australia'")]
    // A place inside "each (place) buyer".
    [InlineData("On average, how many different categories has each Australian buyer purchased from?", "SELECT avg(n) FROM (SELECT t.customer_id, count(DISTINCT t.category) n FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'Australia' GROUP BY 1)")]
    [InlineData("On average, how many different categories has each Canadian buyer bought from?", "SELECT avg(n) FROM (SELECT t.customer_id, count(DISTINCT t.category) n FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'Canada' GROUP BY 1)")]
    [InlineData("how many different categories has each UK buyer purchased from on average", "SELECT avg(n) FROM (SELECT t.customer_id, count(DISTINCT t.category) n FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'United Kingdom' GROUP BY 1)")]
    // How the average of each customer's total is made, said again.
    [InlineData("average TOTAL abandoned-cart value per customer, across customers with at least one abandoned cart (sum each customer's carts first, then average)", "SELECT avg(s) FROM (SELECT customer_id, sum(cart_value) s FROM abandoned_carts GROUP BY 1)")]
    [InlineData("average total abandoned cart value per customer, across customers with at least one abandoned cart (add up each customer's carts first and then take the average)", "SELECT avg(s) FROM (SELECT customer_id, sum(cart_value) s FROM abandoned_carts GROUP BY 1)")]
    // "how many X orders over $N did (place) customers place".
    [InlineData("quick one: how many Sofas orders over $500 did UK customers place this year", "SELECT count(*) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'United Kingdom' AND t.product_type = 'Sofas' AND t.order_value > 500 AND t.transaction_date >= TIMESTAMP '2026-01-01' AND t.transaction_date <= " + AsOf)]
    [InlineData("how many Lighting orders over $100 did Canadian customers place in 2025", "SELECT count(*) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'Canada' AND t.category = 'Lighting' AND t.order_value > 100 AND year(t.transaction_date) = 2025")]
    [InlineData("How many Bedroom orders did Australian customers place in 2025?", "SELECT count(*) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'Australia' AND t.category = 'Bedroom' AND year(t.transaction_date) = 2025")]
    // "Of the customers who have bought X at least once, how many have a total X spend under $N".
    [InlineData("Of the customers who have bought Decoration at least once, how many have a total Decoration spend under $50?", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE category = 'Decoration' GROUP BY 1 HAVING sum(order_value) < 50)")]
    [InlineData("Among customers who have purchased Lighting at least once, how many had a total Lighting spend below $300?", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE category = 'Lighting' GROUP BY 1 HAVING sum(order_value) < 300)")]
    [InlineData("of the customers who bought Bedroom at least once how many have a total Bedroom spend of less than $1,000", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE category = 'Bedroom' GROUP BY 1 HAVING sum(order_value) < 1000)")]
    // "counting customers with zero orders" beside orders per customer.
    [InlineData("What's the average number of orders per Canadian customer, counting customers with zero orders?", PerCustomerOrders + "c.country = 'Canada'")]
    [InlineData("orders per customer in Australia, counting those with no orders", PerCustomerOrders + "c.country = 'Australia'")]
    [InlineData("average number of orders per UK customer counting customers who placed 0 orders as zero", PerCustomerOrders + "c.country = 'United Kingdom'")]
    public async Task Stop51Wordings_AreAnswered(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 2, nonZero: true);

    [Theory]
    // "(value) orders only" after a breakdown; "counting only orders from customers with ...".
    [InlineData("AOV per acquisition source for Australian customers, Lighting orders only", "SELECT c.acquisition_source, avg(t.order_value) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'Australia' AND t.category = 'Lighting' GROUP BY 1")]
    [InlineData("average order value by country, Bedroom orders only", "SELECT c.country, avg(t.order_value) FROM transactions t JOIN customers c USING (customer_id) WHERE t.category = 'Bedroom' GROUP BY 1")]
    [InlineData("revenue per acquisition source for Canadian customers, Sofas orders only", "SELECT c.acquisition_source, sum(t.order_value) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'Canada' AND t.product_type = 'Sofas' GROUP BY 1")]
    [InlineData("average order value by category, counting only orders from customers with a clv score above 0.8", "SELECT t.category, avg(t.order_value) FROM transactions t JOIN customers c USING (customer_id) WHERE c.clv_score > 0.8 GROUP BY 1")]
    [InlineData("revenue by country, considering only orders from customers whose churn probability is above 0.7", "SELECT c.country, sum(t.order_value) FROM transactions t JOIN customers c USING (customer_id) JOIN customer_scores sc USING (customer_id) WHERE sc.churn_probability > 0.7 GROUP BY 1")]
    public async Task Stop51Breakdowns_AreAnswered(string question, string truth) =>
        await RuleAnswers.AssertGroupsAsync(database.Path, question, truth, precision: 2);

    [Fact]
    public async Task TopFiveCountingOnlyOrdersFrom_IsAnswered() =>
        await RuleAnswers.AssertGroupsAsync(database.Path, "Top 5 product types by average order value, counting only orders from customers with a clv score above 0.8", "SELECT t.product_type, avg(t.order_value) v FROM transactions t JOIN customers c USING (customer_id) WHERE c.clv_score > 0.8 GROUP BY 1 ORDER BY v DESC LIMIT 5", precision: 2);

    [Theory]
    // Zero orders beside buyers; a lifetime spend with a time range; a place the data does not
    // have; the threshold before the place (another share).
    [InlineData("average orders per UK buyer, counting customers with zero orders")]
    [InlineData("How many customers have an abandoned cart worth more than $500 while their lifetime spend is under $1,000 this year?")]
    [InlineData("On average, how many different categories has each Atlantean buyer purchased from?")]
    [InlineData("what share of orders over $500 were placed by Canadian customers")]
    public async Task NearbyWordings_AreNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
}

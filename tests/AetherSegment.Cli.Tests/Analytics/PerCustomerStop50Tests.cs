namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 50 (percust50): per-customer and row thresholds said in other words (the declined questions of
/// blind63/64 and variants written for this stop): a total spend under an amount "counting people who never bought
/// anything as $0", "yet" between two conditions, "including customers with zero orders" beside orders per customer,
/// "order lines ... had a quantity of 3 or more", "looking only at orders from customers whose ...", "an AOV (their own
/// average order value) above $N", "on average how many orders did each UK buyer place", a ratio restated "(sofa revenue
/// divided by armchair revenue)", a cart "worth more than 1000 with 2+ items", "a lifetime order total above $N" beside an
/// abandoned cart; each checked against a hand-written query on a real DuckDB store. Nearby wordings stay declined.
/// </summary>
public sealed class PerCustomerStop50Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string AsOf = "TIMESTAMP '2026-11-20 12:00:00'";
    private const string Totals = "(SELECT customer_id, sum(order_value) AS s FROM transactions GROUP BY 1)";

    [Theory]
    [InlineData("Of the customers with a clv score above 0.8, how many have spent under $500 in total, counting people who never bought anything as $0?", "SELECT count(*) FROM customers c LEFT JOIN " + Totals + " t USING (customer_id) WHERE c.clv_score > 0.8 AND coalesce(t.s, 0) < 500")]
    [InlineData("How many customers with a clv score above 0.7 have spent less than $800 in total, counting customers who never ordered anything as $0?", "SELECT count(*) FROM customers c LEFT JOIN " + Totals + " t USING (customer_id) WHERE c.clv_score > 0.7 AND coalesce(t.s, 0) < 800")]
    [InlineData("How many customers have a CLV score of at least 0.8 yet a lifetime spend below $1,000 (counting customers who never ordered as $0)?", "SELECT count(*) FROM customers c LEFT JOIN " + Totals + " t USING (customer_id) WHERE c.clv_score >= 0.8 AND coalesce(t.s, 0) < 1000")]
    [InlineData("How many customers have a CLV score above 0.6 yet a lifetime spend under $700?", "SELECT count(*) FROM customers c LEFT JOIN " + Totals + " t USING (customer_id) WHERE c.clv_score > 0.6 AND coalesce(t.s, 0) < 700")]
    [InlineData("average number of orders per UK customer, including customers with zero orders", "SELECT count(t.transaction_id) * 1.0 / count(DISTINCT c.customer_id) FROM customers c LEFT JOIN transactions t USING (customer_id) WHERE c.country = 'United Kingdom'")]
    [InlineData("orders per customer in Australia including those with 0 orders", "SELECT count(t.transaction_id) * 1.0 / count(DISTINCT c.customer_id) FROM customers c LEFT JOIN transactions t USING (customer_id) WHERE c.country = 'Australia'")]
    [InlineData("In 2025, how many Lighting order lines from Canadian customers had a quantity of 2 or more?", "SELECT count(*) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'Canada' AND t.category = 'Lighting' AND t.quantity >= 2 AND year(t.transaction_date) = 2025")]
    [InlineData("how many Bedroom orders from Australian customers had a quantity of at least 2?", "SELECT count(*) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'Australia' AND t.category = 'Bedroom' AND t.quantity >= 2")]
    [InlineData("Of customers with 3 or more orders, how many have an AOV (their own average order value) above $600?", "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING count(*) >= 3 AND avg(order_value) > 600)")]
    [InlineData("On average how many orders did each UK buyer place in 2026?", "SELECT 1.0 * count(*) / count(DISTINCT t.customer_id) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'United Kingdom' AND t.transaction_date >= TIMESTAMP '2026-01-01' AND t.transaction_date <= " + AsOf)]
    [InlineData("how many orders did each Canadian buyer place on average in 2025", "SELECT 1.0 * count(*) / count(DISTINCT t.customer_id) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'Canada' AND year(t.transaction_date) = 2025")]
    [InlineData("YTD, what's the ratio of Sofas revenue to Armchairs revenue? (sofa revenue divided by armchair revenue)", "SELECT sum(CASE WHEN product_type = 'Sofas' THEN order_value END) / sum(CASE WHEN product_type = 'Armchairs' THEN order_value END) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-01-01' AND transaction_date <= " + AsOf)]
    [InlineData("abandoned carts in the past 30 days worth more than 500 with 3+ items in them - how many?", "SELECT count(*) FROM abandoned_carts WHERE cart_value > 500 AND item_count >= 3 AND abandoned_at > " + AsOf + " - INTERVAL 30 DAY AND abandoned_at <= " + AsOf)]
    [InlineData("how many customers have an abandoned cart worth over $500 AND a lifetime order total above $1,000?", "SELECT count(DISTINCT a.customer_id) FROM abandoned_carts a WHERE a.cart_value > 500 AND a.customer_id IN (SELECT customer_id FROM transactions GROUP BY 1 HAVING sum(order_value) > 1000)")]
    public async Task Stop50Wordings_AreAnswered(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 2, nonZero: true);

    [Theory]
    // A zero clause beside a total in a range; zero orders beside buyers; "each customer" (not buyer) with a range; the
    // ratio restated the other way round; a lifetime total with a range or under an amount; "their own AOV this year".
    [InlineData("how many customers spent under $500 in total in 2025, counting people who never bought anything as $0?")]
    [InlineData("average orders per UK buyer, including customers with zero orders")]
    [InlineData("on average how many orders did each UK customer place in 2026?")]
    [InlineData("ratio of Sofas revenue to Armchairs revenue this year (armchair revenue divided by sofa revenue)")]
    [InlineData("how many customers have an abandoned cart worth over $1,500 and a lifetime order total above $3,000 this year?")]
    [InlineData("how many customers have an abandoned cart worth over $1,500 and a lifetime order total below $3,000?")]
    [InlineData("Of customers with 3 or more orders, how many have an AOV (their own average order value this year) above $600?")]
    public async Task NearbyWordings_AreNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
}

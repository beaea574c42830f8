using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 60 (lead): the wordings of the unseen sets blind89 (team-chat shorthand) and blind90 (a head of
/// marketing's framed sentences) the rules declined, and blind90's wrong share (a share of one campaign type read per
/// campaign), each checked on a real DuckDB store against SQL that computes the truth, with near wordings that must stay
/// declined because the words dropped would restrict the answer.
/// </summary>
public sealed class LeadStop60Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    [InlineData("no. of Outdoor orders in 2025 (just count the orders)", "SELECT count(*) FROM transactions WHERE category = 'Outdoor' AND year(transaction_date) = 2025")]
    [InlineData("how many living room orders were between $500 and $1000 incl", "SELECT count(*) FROM transactions WHERE category = 'Living Room' AND order_value BETWEEN 500 AND 1000")]
    [InlineData("share of our customer base thats in the US, as a percent", "SELECT count(*) FILTER (WHERE country = 'United States') * 1.0 / count(*) FROM customers")]
    [InlineData("what share of rev came from orders over $1k (percent)", "SELECT sum(order_value) FILTER (WHERE order_value > 1000) / sum(order_value) FROM transactions")]
    [InlineData("avg number of orders per cust (only counting custs with at least 1 order)", "SELECT count(*) * 1.0 / count(DISTINCT customer_id) FROM transactions")]
    [InlineData("how many custs have a personal AOV above $300 (avg across all their own orders)", "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING avg(order_value) > 300)")]
    [InlineData("avg no. of items per abandoned cart", "SELECT avg(item_count) FROM abandoned_carts")]
    public async Task Blind89Shorthand_IsReadAsItsWords(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Fact]
    public async Task RevAndCountsAside_AreABreakdownOfRevenue() =>
        await RuleAnswers.AssertGroupsAsync(database.Path, "rev by country (counts)", "SELECT c.country, sum(order_value) FROM transactions t JOIN customers c USING (customer_id) GROUP BY 1");

    [Fact]
    public async Task TreatmentAndControlTogether_CountsEverySend() =>
        await RuleAnswers.AssertGroupsAsync(
            database.Path,
            "which campaign brought in the most attributed revenue (treatment + control together)",
            "SELECT campaign_name, sum(revenue) FROM campaign_history GROUP BY 1 ORDER BY 2 DESC LIMIT 1");

    [Fact]
    public async Task UpliftRestatedInBrackets_IsTheUpliftPerTrigger() =>
        await RuleAnswers.AssertGroupsAsync(
            database.Path,
            "which trigger has the biggest uplift overall? (treatment conv rate minus control conv rate, all its campaigns pooled)",
            "SELECT trigger_type, avg(CASE WHEN \"group\" = 'treatment' THEN CASE WHEN converted THEN 1.0 ELSE 0 END END) - avg(CASE WHEN \"group\" = 'control' THEN CASE WHEN converted THEN 1.0 ELSE 0 END END) FROM campaign_history GROUP BY 1 ORDER BY 2 DESC LIMIT 1");

    [Fact]
    public async Task ShareOfAllRowsAcrossEveryCampaign_IsOneShare() =>
        await RuleAnswers.AssertValueAsync(
            database.Path,
            "Of all the attributed revenue recorded across every campaign (treatment and control rows alike), what percentage came from our abandoned cart recovery campaigns?",
            "SELECT coalesce(sum(revenue) FILTER (WHERE campaign_type = 'abandoned_cart_recovery'), 0) / sum(revenue) FROM campaign_history");

    [Theory]
    [InlineData("Thinking about our Canadian shoppers, how many of the customers we have in Canada originally came to us through paid search?", "SELECT count(*) FROM customers WHERE country = 'Canada' AND acquisition_source = 'paid_search'")]
    [InlineData("Thinking about our UK audience, how many customers in the United Kingdom have a discount sensitivity below 0.2?", "SELECT count(*) FROM customer_scores s JOIN customers c USING (customer_id) WHERE c.country = 'United Kingdom' AND s.discount_sensitivity < 0.2")]
    [InlineData("How many customers in our base currently have a churn probability above 0.7?", "SELECT count(*) FROM customer_scores WHERE churn_probability > 0.7")]
    [InlineData("On average, how many items sit in an abandoned cart?", "SELECT avg(item_count) FROM abandoned_carts")]
    [InlineData("What share of all behavioural events came from Android devices, as a percentage?", "SELECT count(*) FILTER (WHERE device = 'android') * 1.0 / count(*) FROM behavioral_events")]
    [InlineData("Cart abandonment is on the agenda for the review, so to set the scene: how many carts were abandoned?", "SELECT count(*) FROM abandoned_carts")]
    [InlineData("Of the customers we acquired through social, what percentage have gone on to place at least one order?", "SELECT count(*) FILTER (WHERE customer_id IN (SELECT customer_id FROM transactions)) * 1.0 / count(*) FROM customers WHERE acquisition_source = 'social'")]
    public async Task Blind90Framings_AreReadAsTheQuestionTheyFrame(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Theory]
    [InlineData("Which product category attracted the most product views?", "SELECT category, n FROM (SELECT category, count(*) n, rank() OVER (ORDER BY count(*) DESC) r FROM behavioral_events WHERE event_type = 'product_view' GROUP BY 1) WHERE r = 1")]
    [InlineData("How were the behavioural events spread across devices? A count per device is fine.", "SELECT device, count(*) FROM behavioral_events GROUP BY 1")]
    [InlineData("Which three product types were ordered most often, counting orders?", "SELECT product_type, n FROM (SELECT product_type, count(*) n, rank() OVER (ORDER BY count(*) DESC) r FROM transactions GROUP BY 1) WHERE r <= 3")]
    [InlineData("To see where churn risk is concentrated, what is the average churn probability of our customers in each country?", "SELECT c.country, avg(s.churn_probability) FROM customer_scores s JOIN customers c USING (customer_id) GROUP BY 1")]
    [InlineData("For the trend chart, how many orders did we take in each month of 2026?", "SELECT date_trunc('month', transaction_date), count(*) FROM transactions WHERE year(transaction_date) = 2026 GROUP BY 1")]
    public async Task Blind90Lists_AreReadAsTheListTheyAsk(string question, string truth) =>
        await RuleAnswers.AssertGroupsAsync(database.Path, question, truth);

    [Fact]
    public async Task AsAPercentage_WithoutAShareSaid_KeepsAskingForTheShare() =>
        await RuleAnswers.AssertValueAsync(
            database.Path,
            "How much of total revenue comes from the Outdoor category, as a percentage?",
            "SELECT sum(order_value) FILTER (WHERE category = 'Outdoor') / sum(order_value) FROM transactions",
            nonZero: true);

    [Theory]
    [InlineData("Thinking about our Canadian shoppers, how is that audience split across acquisition sources?")]
    [InlineData("Thinking about our lapsed Canadian shoppers, how many customers in Canada came through paid search?")]
    [InlineData("To see where our lapsed customers are, what is the average churn probability in each city?")]
    [InlineData("Thinking about our Canadian shoppers who bought a sofa, how many customers in Canada came through paid search?")]
    public async Task OpenersThatRestrict_AreNotDropped(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
}

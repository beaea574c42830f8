using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 40, ask27 (periods, ratios and labels). Each answer recounted by hand-written SQL on the fixture (as-of
/// 2026-11-20 12:00 UTC; rolling ranges include the as-of instant).
/// </summary>
public sealed class PeriodsRatiosLabelsStop40Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string Last30 = "TIMESTAMP '2026-10-21 12:00:00' AND TIMESTAMP '2026-11-20 12:00:00'";

    [Theory]
    // A device said with the group word of its own value ("the iOS app") is that device.
    [InlineData("What number of add-to-cart events came from the iOS app?", "SELECT count(*) FROM behavioral_events WHERE event_type = 'add_to_cart' AND device = 'ios'")]
    [InlineData("Count the room planner uses that happened on the iOS app.", "SELECT count(*) FROM behavioral_events WHERE event_type = 'room_planner_use' AND device = 'ios'")]
    [InlineData("how many product views on the android app", "SELECT count(*) FROM behavioral_events WHERE event_type = 'product_view' AND device = 'android'")]
    [InlineData("How many customers have added a Lighting product to their cart on the iOS app?", "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'add_to_cart' AND category = 'Lighting' AND device = 'ios'")]
    // Score labels defined by the bound in the brackets.
    [InlineData("How many people are very discount-sensitive (over 0.7) but care little about free shipping (free shipping sensitivity under 0.3)?", "SELECT count(*) FROM customer_scores WHERE discount_sensitivity > 0.7 AND free_shipping_sensitivity < 0.3")]
    [InlineData("How many customers are highly discount sensitive (score over 0.75)?", "SELECT count(*) FROM customer_scores WHERE discount_sensitivity > 0.75")]
    [InlineData("number of very price sensitive shoppers (above 0.9) in the UK", "SELECT count(*) FROM customers c JOIN customer_scores s USING (customer_id) WHERE s.discount_sensitivity > 0.9 AND c.country = 'United Kingdom'")]
    [InlineData("how many high-CLV customers (score above 0.7) are in Canada", "SELECT count(*) FROM customers WHERE clv_score > 0.7 AND country = 'Canada'")]
    [InlineData("How many loyal customers do we have, meaning 5 or more purchases and a churn probability under 0.3?", "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING count(*) >= 5) t JOIN customer_scores s USING (customer_id) WHERE s.churn_probability < 0.3")]
    // Event ratios with the direction said.
    [InlineData("add_to_cart vs product_view ratio (all events)", "SELECT count(*) FILTER (WHERE event_type = 'add_to_cart') * 1.0 / count(*) FILTER (WHERE event_type = 'product_view') FROM behavioral_events")]
    [InlineData("Cart-to-checkout ratio: checkout starts divided by add-to-cart events", "SELECT count(*) FILTER (WHERE event_type = 'checkout_start') * 1.0 / count(*) FILTER (WHERE event_type = 'add_to_cart') FROM behavioral_events")]
    [InlineData("Cart-to-checkout ratio: checkout_start events per add_to_cart event", "SELECT count(*) FILTER (WHERE event_type = 'checkout_start') * 1.0 / count(*) FILTER (WHERE event_type = 'add_to_cart') FROM behavioral_events")]
    [InlineData("checkout starts vs add to carts in the last 30 days - what's the ratio (checkout_start events divided by add_to_cart events)?", $"SELECT count(*) FILTER (WHERE event_type = 'checkout_start') * 1.0 / count(*) FILTER (WHERE event_type = 'add_to_cart') FROM behavioral_events WHERE event_timestamp BETWEEN {Last30}")]
    public async Task Answered_MatchesTheHandWrittenCount(string question, string truth)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, truth);
    }

    [Theory]
    // A share of plain customers per group, the condition said after them: each group's own share.
    [InlineData("What percent of customers have a churn probability over 0.5, per acquisition source?", "acquisition_source", "email", "SELECT avg(CASE WHEN s.churn_probability > 0.5 THEN 1.0 ELSE 0.0 END) FROM customers c JOIN customer_scores s USING (customer_id) WHERE c.acquisition_source = 'email'")]
    [InlineData("% of customers with churn probability over 0.5, US vs UK", "country", "United Kingdom", "SELECT avg(CASE WHEN s.churn_probability > 0.5 THEN 1.0 ELSE 0.0 END) FROM customers c JOIN customer_scores s USING (customer_id) WHERE c.country = 'United Kingdom'")]
    [InlineData("Percentage of customers acquired through social, per country", "country", "Canada", "SELECT avg(CASE WHEN acquisition_source = 'social' THEN 1.0 ELSE 0.0 END) FROM customers WHERE country = 'Canada'")]
    [InlineData("What share of customers are exclusivity seekers, by country?", "country", "United States", "SELECT avg(CASE WHEN s.exclusivity_seeker THEN 1.0 ELSE 0.0 END) FROM customers c JOIN customer_scores s USING (customer_id) WHERE c.country = 'United States'")]
    public async Task ShareOfPlainCustomersPerGroup_IsWithinEachGroup(string question, string column, string group, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        IReadOnlyDictionary<string, object?> row = Assert.Single(answer.Rows, r => Equals(r[column], group));
        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), Convert.ToDouble(row["share_of_customers"]), 6);
        Assert.Contains("out of that", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    // "<A> to <B> ratio" could be either way round; a part said before the customers with a group is still asked back.
    [InlineData("add-to-cart to checkout-start ratio across all events")]
    [InlineData("what's the product view to add to cart ratio this month")]
    [InlineData("share of exclusivity seekers by country")]
    [InlineData("How many customers are highly discount sensitive (score under 0.2)?")]
    [InlineData("How many loyal customers do we have?")]
    public async Task Uncertain_IsDeclined(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, answer.Status);
    }

    [Fact]
    public async Task GroupWordSaidApart_StaysDeclined()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "how many events from mobile (ios)", answered: false);

        Assert.Contains("names only part of it", answer.Answer, StringComparison.Ordinal);
    }
}

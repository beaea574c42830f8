using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 38 (fix38b): an amount a row is "worth" said without "$" (it counted customers over a count of carts), and a
/// value said on the never part with "anything in" (it was dropped, so "never bought" anything at all), each recounted by
/// hand-written SQL on the fixture.
/// </summary>
public sealed class Fix38bTests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    [InlineData("How many abandoned carts were worth more than 500?", "SELECT count(*) FROM abandoned_carts WHERE cart_value > 500")]
    [InlineData("how many abandoned carts worth over 300", "SELECT count(*) FROM abandoned_carts WHERE cart_value > 300")]
    [InlineData("how many orders were worth more than 500", "SELECT count(*) FROM transactions WHERE order_value > 500")]
    [InlineData("how many orders worth between 200 and 400", "SELECT count(*) FROM transactions WHERE order_value BETWEEN 200 AND 400")]
    [InlineData("How many customers have viewed Sofas but never bought anything in Sofas?", "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'product_view' AND product_type = 'Sofas' AND customer_id NOT IN (SELECT customer_id FROM transactions WHERE product_type = 'Sofas' AND customer_id IS NOT NULL)")]
    // "in campaigns using the <trigger> trigger" is a filter on the campaigns, one total (it was a row for each campaign).
    [InlineData("Total attributed revenue from treated customers in campaigns using the free_shipping_offer trigger", "SELECT sum(revenue) FROM campaign_history WHERE \"group\" = 'treatment' AND trigger_type = 'free_shipping_offer'")]
    [InlineData("attributed revenue in campaigns that use the free_shipping_offer trigger", "SELECT sum(revenue) FROM campaign_history WHERE trigger_type = 'free_shipping_offer'")]
    // "viewed more than N products": that many product views (it was read as product types bought).
    [InlineData("How many shoppers viewed more than 1 products?", "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events WHERE event_type = 'product_view' AND customer_id IS NOT NULL GROUP BY 1 HAVING count(*) > 1)")]
    [InlineData("how many customers viewed at least 1 products", "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events WHERE event_type = 'product_view' AND customer_id IS NOT NULL GROUP BY 1 HAVING count(*) >= 1)")]
    public async Task Answer_IsTheHandWrittenSql(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
    }
}

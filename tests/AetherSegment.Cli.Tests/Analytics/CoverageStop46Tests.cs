namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 46 (cov57): wordings the hard unseen sets blind48 and blind49 declined, each checked against a
/// hand-written query on a real DuckDB store: a range said once for two parts with "both within", a range said first before
/// "number of" or of another kind ("this year, ...", "last 90 days: ..."; it was read as a count of events), "added to a
/// wishlist but never added to a cart", "who actually received (campaign) (treatment)", a base "customers who have an
/// abandoned cart", "(all time)", and "the average combined value of all their abandoned carts" after a base.
/// </summary>
public sealed class CoverageStop46Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string AsOf = "TIMESTAMP '2026-11-20 12:00:00'";

    [Theory]
    [InlineData("number of customers who both had an ar_view event and bought Lighting, both within the last 90 days", "SELECT count(DISTINCT e.customer_id) FROM behavioral_events e WHERE e.event_type = 'ar_view' AND e.event_timestamp >= " + AsOf + " - INTERVAL 90 DAY AND e.event_timestamp <= " + AsOf + " AND EXISTS (SELECT 1 FROM transactions t WHERE t.customer_id = e.customer_id AND t.category = 'Lighting' AND t.transaction_date >= " + AsOf + " - INTERVAL 90 DAY AND t.transaction_date <= " + AsOf + ")")]
    [InlineData("in the last 90 days, number of customers who had an ar_view event", "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'ar_view' AND event_timestamp >= " + AsOf + " - INTERVAL 90 DAY AND event_timestamp <= " + AsOf)]
    [InlineData("this year, number of customers who had a search event", "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'search' AND event_timestamp >= TIMESTAMP '2026-01-01' AND event_timestamp <= " + AsOf)]
    [InlineData("in the last 60 days, how many customers had a search event", "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'search' AND event_timestamp >= " + AsOf + " - INTERVAL 60 DAY AND event_timestamp <= " + AsOf)]
    [InlineData("last 90 days: number of customers who had an ar_view event", "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'ar_view' AND event_timestamp >= " + AsOf + " - INTERVAL 90 DAY AND event_timestamp <= " + AsOf)]
    [InlineData("how many customers have added something to a wishlist but never added anything to a cart", "SELECT count(DISTINCT customer_id) FROM behavioral_events e WHERE event_type = 'wishlist_add' AND NOT EXISTS (SELECT 1 FROM behavioral_events x WHERE x.customer_id = e.customer_id AND x.event_type = 'add_to_cart')")]
    [InlineData("how many customers added to wishlist but never added to cart", "SELECT count(DISTINCT customer_id) FROM behavioral_events e WHERE event_type = 'wishlist_add' AND NOT EXISTS (SELECT 1 FROM behavioral_events x WHERE x.customer_id = e.customer_id AND x.event_type = 'add_to_cart')")]
    [InlineData("Of the customers who actually received 'Campaign 3' (treatment), how many did NOT convert?", "SELECT count(*) FROM campaign_history WHERE campaign_name = 'Campaign 3' AND \"group\" = 'treatment' AND NOT converted")]
    [InlineData("Among customers who have an abandoned cart on file, how many orders has each one placed on average (all time)? customers with no orders count as zero", "SELECT avg((SELECT count(*) FROM transactions t WHERE t.customer_id = c.customer_id)) FROM customers c WHERE c.customer_id IN (SELECT customer_id FROM abandoned_carts)")]
    [InlineData("For customers with at least one abandoned cart, what's the average combined value of all their abandoned carts?", "SELECT avg(s) FROM (SELECT customer_id, sum(cart_value) s FROM abandoned_carts GROUP BY 1)")]
    public async Task UnseenDeclines_AreAnswered(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 2, nonZero: true);

    [Theory]
    // The range said once after two parts, with no "both": either reading could be meant.
    [InlineData("how many customers had an ar_view event and bought Lighting in the last 90 days")]
    // "received" with no group said, or the control group: not read as the treatment group.
    [InlineData("of the customers who received Campaign 3, how many did not convert")]
    [InlineData("Of the customers who received 'Campaign 3' (control), how many did NOT convert?")]
    // "(all time)" beside a range: which one is meant?
    [InlineData("among customers who have an abandoned cart, how many orders has each one placed on average (all time) this year")]
    // The combined value of their orders, not their carts.
    [InlineData("For customers with at least one abandoned cart, what's the average combined value of all their orders?")]
    public async Task NearbyWordings_AreNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
}

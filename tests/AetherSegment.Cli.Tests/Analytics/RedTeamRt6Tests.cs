using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 44 red team rt6 (campaigns, events, sessions and carts): "(an event) per session" was answered with the
/// number of sessions that had the event, and "abandoned a cart and then bought" with the customers who did both in any
/// order (or the first action alone). Each is declined with what was read; the nearby wordings keep their answers.
/// </summary>
public sealed class RedTeamRt6Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    [InlineData("How many searches per session on web?", "per session")]
    [InlineData("How many add to carts per session on ios?", "per session")]
    [InlineData("How many product views per session in October 2026?", "per session")]
    [InlineData("How many customers abandoned a cart and then bought?", "after another in time")]
    [InlineData("Customers who viewed a product and then added it to cart", "after another in time")]
    [InlineData("How many customers added to cart and then abandoned?", "after another in time")]
    public async Task ADifferentQuestion_IsDeclinedWithWhatWasRead(string question, string reason) =>
        await RuleAnswers.AssertDeclinedAsync(database.Path, question, reason);

    [Theory]
    [InlineData("How many customers bought after abandoning a cart?")]
    [InlineData("how many customers abandoned a cart and later purchased")]
    public async Task TheSameKinds_AreNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);

    [Theory]
    [InlineData("How many sessions were on web?", "SELECT count(DISTINCT session_id) FROM behavioral_events WHERE device = 'web'")]
    [InlineData("How many customers abandoned a cart and bought?", "SELECT count(DISTINCT customer_id) FROM abandoned_carts WHERE customer_id IN (SELECT customer_id FROM transactions)")]
    [InlineData("How many customers viewed a product but never added to cart?", "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'product_view' AND customer_id NOT IN (SELECT customer_id FROM behavioral_events WHERE event_type = 'add_to_cart')")]
    public async Task NearbyWordings_KeepTheirAnswers(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth);
}

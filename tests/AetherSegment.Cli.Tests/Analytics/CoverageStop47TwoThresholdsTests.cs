namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 47 (cov62): two thresholds said on one row ("abandoned carts over $1,000 with at least 3 items", "carts
/// abandoned ... with 3+ items and a cart value above $500"), both compared on each row and checked against a hand-written
/// query on a real DuckDB store; nearby wordings where one threshold cannot be read stay declined.
/// </summary>
public sealed class CoverageStop47TwoThresholdsTests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string AsOf = "TIMESTAMP '2026-11-20 12:00:00'";
    private const string ThisYear = "abandoned_at >= TIMESTAMP '2026-01-01' AND abandoned_at <= " + AsOf;

    [Theory]
    [InlineData("how many abandoned carts over $1,000 with at least 2 items were abandoned this year?", "SELECT count(*) FROM abandoned_carts WHERE cart_value > 1000 AND item_count >= 2 AND " + ThisYear)]
    [InlineData("hey, how many carts were abandoned this year with 2+ items and a cart value above $500?", "SELECT count(*) FROM abandoned_carts WHERE cart_value > 500 AND item_count >= 2 AND " + ThisYear)]
    [InlineData("how many carts were abandoned this year with 2 or more items and a cart value above $500?", "SELECT count(*) FROM abandoned_carts WHERE cart_value > 500 AND item_count >= 2 AND " + ThisYear)]
    [InlineData("how many abandoned carts under $300 with at least 2 items were abandoned this year?", "SELECT count(*) FROM abandoned_carts WHERE cart_value < 300 AND item_count >= 2 AND " + ThisYear)]
    [InlineData("how many abandoned carts over $500 with at least 2 items", "SELECT count(*) FROM abandoned_carts WHERE cart_value > 500 AND item_count >= 2")]
    // Declined in rt9 (RedTeamRt9Tests) while only one threshold could be read; both are read now.
    [InlineData("how many abandoned carts were worth over $500 with more than 2 items?", "SELECT count(*) FROM abandoned_carts WHERE cart_value > 500 AND item_count > 2")]
    public async Task TwoThresholdsOnEachRow_AreAnswered(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 2, nonZero: true);

    [Theory]
    // One of the two thresholds cannot be read as said (no money sign, a per-customer total, two on the item count): declined.
    [InlineData("how many abandoned carts over 1000 with at least 2 items were abandoned this year?")]
    [InlineData("how many abandoned carts with at least 2 items and at most 3 items over $500?")]
    [InlineData("how many abandoned carts over $500 and over $1,000 with at least 2 items")]
    [InlineData("how many abandoned carts over $1,000 with at least 2 items were abandoned by customers with churn probability above 0.5?")]
    public async Task OneThresholdUnread_IsNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
}

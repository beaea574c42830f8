namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 49 (lead): "conversions did X get from its treatment group" read as a one-row breakdown by campaign
/// (probes47; "from its" was taken as the name of a received campaign), and "a lifetime order total above $3,000" read as
/// one order over $3,000 (blind64, unseen: the answer was 0, the truth 44). Each checked on a real DuckDB store.
/// </summary>
public sealed class LeadStop49Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string Treated = "SELECT count(*) FROM campaign_history WHERE campaign_name = 'Campaign 3' AND \"group\" = 'treatment' AND converted";

    [Theory]
    [InlineData("how many conversions did Campaign 3 get from its treatment group?", Treated)]
    [InlineData("how many conversions did Campaign 3 get from their treatment group?", Treated)]
    [InlineData("how many conversions did Campaign 3 get?", Treated)]
    [InlineData("how many customers have a lifetime spend above $3,000?", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE customer_id IS NOT NULL GROUP BY 1 HAVING sum(order_value) > 3000)")]
    public async Task ReadRight(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 2, nonZero: true);

    [Theory]
    [InlineData("how many customers have an abandoned cart worth over $1,500 AND a lifetime order total above $3,000?")]
    [InlineData("how many customers have a lifetime order total above $3,000?")]
    [InlineData("customers with an all-time order total over $2,000: how many?")]
    [InlineData("how many customers have orders above $3,000 summed over all their purchases?")]
    public async Task TotalsReadOnOneRow_AreNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);

    [Fact]
    public async Task OneOrderOverAnAmount_IsStillAnswered() =>
        await RuleAnswers.AssertValueAsync(database.Path, "how many customers have an order over $3,000?",
            "SELECT count(DISTINCT customer_id) FROM transactions WHERE order_value > 3000", precision: 2);
}

using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 57 (lead): wordings of the set blind79 that the rules declined or read as another question, each checked
/// on a real DuckDB store (as-of 2026-11-20 12:00 UTC) against SQL that computes the truth, with near wordings that must
/// keep their reading or stay declined.
/// </summary>
public sealed class LeadStop57Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    [InlineData("What fraction of the CMP003 treatment group converted?")]
    [InlineData("what percentage of the CMP003 treatment group customers converted")]
    public async Task AShareOfATreatmentGroupThatConverted_IsItsConversionRate(string question) =>
        await RuleAnswers.AssertValueAsync(
            database.Path,
            question,
            "SELECT avg(CASE WHEN converted THEN 1.0 ELSE 0 END) FROM campaign_history WHERE campaign_id = 'CMP003' AND \"group\" = 'treatment'",
            nonZero: true);

    [Theory]
    [InlineData("what fraction of UK customers converted")]
    [InlineData("What share of our email-acquired customers converted?")]
    public async Task AShareOfOtherPeopleThatConverted_IsDeclined_NotTheirPartOfAllConversions(string question) =>
        await RuleAnswers.AssertDeclinedAsync(database.Path, question, "asks for a rate among those people");

    [Fact]
    public async Task AShareOfConversionsFromAPlace_KeepsItsReading() =>
        await RuleAnswers.AssertValueAsync(
            database.Path,
            "what share of conversions came from the UK",
            "SELECT count(*) FILTER (WHERE c.country = 'United Kingdom') * 1.0 / count(*) FROM campaign_history h JOIN customers c USING (customer_id) WHERE h.converted AND h.\"group\" = 'treatment'",
            nonZero: true);

    [Fact]
    public async Task CartsPeopleLeft_AreTheirCarts() =>
        await RuleAnswers.AssertValueAsync(
            database.Path,
            "How many abandoned carts did Australian customers leave in the last 30 days?",
            "SELECT count(*) FROM abandoned_carts a JOIN customers c USING (customer_id) WHERE c.country = 'Australia' AND a.abandoned_at >= TIMESTAMP '2026-10-21 12:00:00'",
            nonZero: true);

    [Theory]
    [InlineData("How many abandoned carts had a value between $200 and $400?", "SELECT count(*) FROM abandoned_carts WHERE cart_value BETWEEN 200 AND 400")]
    [InlineData("how many orders had a value over $1,500", "SELECT count(*) FROM transactions WHERE order_value > 1500")]
    public async Task RowsThatHadAValue_AreRowsWorthIt(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Theory]
    [InlineData("How many candles did we sell this year? (units, not orders)", "SELECT sum(quantity) FROM transactions WHERE product_type = 'Candles' AND transaction_date >= TIMESTAMP '2026-01-01'")]
    [InlineData("how many sofas have we sold", "SELECT sum(quantity) FROM transactions WHERE product_type = 'Sofas'")]
    public async Task HowManyOfAProductWeSold_IsItsUnits(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Fact]
    public async Task HowManyOfACategoryWeSold_IsItsUnits() =>
        await RuleAnswers.AssertValueAsync(database.Path, "how many Outdoor did we sell", "SELECT sum(quantity) FROM transactions WHERE category = 'Outdoor'", nonZero: true);

    [Fact]
    public async Task HowManyOfSomethingElseWeSold_IsNotRewritten() =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, "how many chandeliers did we sell");

    [Fact]
    public async Task LastMonthMinusTheMonthBefore_IsTheChangeBetweenThem()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "Revenue last month minus revenue the month before - how much did it change?");

        double october = await RuleAnswers.TruthAsync(database.Path, "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01'");
        double september = await RuleAnswers.TruthAsync(database.Path, "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-09-01' AND transaction_date < TIMESTAMP '2026-10-01'");
        Assert.Equal(october - september, RuleAnswers.Single(answer), 2);
    }
}

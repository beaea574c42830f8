namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 45: wrong readings the lead found by probing. The demo profile named the Lighting category by the bare
/// words "lamp" and "lamps", so "how many customers bought lamps" counted Lighting's buyers and left out the Desk Lamps
/// (an Office product type); a bare "lamps" is now not placed, and each lamp product type keeps its own name. And an
/// exclusion read at any time while the question said the range again after the negation ("viewed X in the last 30 days
/// but have not bought X in the last 30 days" counted those who never bought X) is declined.
/// </summary>
public sealed class LeadStop45Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    [InlineData("how many customers bought lamps")]
    [InlineData("revenue from lamps this year")]
    public async Task BareLamps_IsNotTheLightingCategory(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);

    [Theory]
    [InlineData("How many customers bought a desk lamp?", "SELECT count(DISTINCT customer_id) FROM transactions WHERE product_type = 'Desk Lamps'")]
    [InlineData("revenue from floor lamps", "SELECT sum(order_value) FROM transactions WHERE product_type = 'Floor Lamps'")]
    [InlineData("how many customers bought lighting", "SELECT count(DISTINCT customer_id) FROM transactions WHERE category = 'Lighting'")]
    public async Task EachLampProductType_AndTheCategory_KeepTheirAnswers(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth);

    [Theory]
    [InlineData("how many customers viewed Lighting in the last 30 days but have not bought Lighting in the last 30 days")]
    [InlineData("how many customers viewed Sofas in the last 30 days but haven't bought Sofas in the last 30 days")]
    public async Task AnExclusionWithItsRangeSaidAgain_IsNotReadAtAnyTime(string question) =>
        await RuleAnswers.AssertDeclinedAsync(database.Path, question, "a time range is said after");

    [Fact]
    public async Task NeverAfterTheBasesRange_KeepsItsAnswer() =>
        await RuleAnswers.AssertValueAsync(database.Path, "Of the customers who bought Sofas this year, how many have never bought Textiles?",
            "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE product_type = 'Sofas' AND transaction_date >= TIMESTAMP '2026-01-01 00:00:00' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00' EXCEPT SELECT customer_id FROM transactions WHERE category = 'Textiles')");
}

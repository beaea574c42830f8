namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 45: wrong readings the lead found by probing. The demo profile named the Lighting category by the bare
/// words "lamp" and "lamps", so "how many customers bought lamps" counted Lighting's buyers and left out the Desk Lamps
/// (an Office product type); a bare "lamps" is now not placed, and each lamp product type keeps its own name.
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
}

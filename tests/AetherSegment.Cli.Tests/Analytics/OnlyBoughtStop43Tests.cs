using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 43 (found by probing): "only" said of what customers bought. "How many customers have only bought
/// Sofas?" was answered with every buyer of Sofas (984 on the fixture), "bought anything but Sofas" with the same, and
/// "bought only one Sofa" too: answers to a different question. They are declined, naming the words; "only" where it
/// keeps its filler sense is still answered.
/// </summary>
public sealed class OnlyBoughtStop43Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    [InlineData("How many customers have only bought Sofas?", "\"only bought\"")]
    [InlineData("How many customers bought Sofas only?", "\"bought sofas only\"")]
    [InlineData("customers who only buy Lighting", "\"only buy\"")]
    [InlineData("How many customers bought Sofas only in the last 30 days?", "\"bought sofas only\"")]
    [InlineData("revenue from customers who only bought Lighting this year", "\"only bought\"")]
    [InlineData("How many customers bought anything but Sofas?", "\"anything but\"")]
    [InlineData("Number of customers whose purchases were all Textiles", "\"purchases were all\"")]
    [InlineData("How many customers bought only one Sofa?", "\"bought only one\"")]
    [InlineData("How many customers purchased exactly 1 Sofa?", "\"purchased exactly 1\"")]
    public async Task OnlyBought_IsDeclinedNamingTheWords(string question, string words) =>
        await RuleAnswers.AssertDeclinedAsync(database.Path, question, words);

    [Theory]
    [InlineData("How many customers bought nothing but Lighting?")]
    [InlineData("London customers who bought nothing except Outdoor")]
    [InlineData("How many customers bought Sofas and nothing else?")]
    [InlineData("How many customers bought exclusively from Outdoor?")]
    public async Task NothingElse_IsNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);

    [Theory]
    [InlineData("Revenue from Sofas only", "SELECT sum(order_value) FROM transactions WHERE product_type = 'Sofas'")]
    [InlineData("Orders from UK customers only", "SELECT count(*) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'United Kingdom'")]
    [InlineData("How many customers in London only?", "SELECT count(*) FROM customers WHERE city = 'London'")]
    [InlineData("How many customers have only placed one order?", "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY customer_id HAVING count(*) = 1)")]
    [InlineData("how many customers bought Sofas but not Mattresses", "SELECT count(DISTINCT customer_id) FROM transactions WHERE product_type = 'Sofas' AND customer_id NOT IN (SELECT customer_id FROM transactions WHERE product_type = 'Mattresses')")]
    public async Task OnlyAsFiller_IsStillAnswered(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth);
}

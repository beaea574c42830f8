using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 43, red team rt2 (what is counted and of what): a count said of a product ("more than 3 units of
/// Textiles", "bought Lighting more than 3 times") was read as the product's buyers whose units or orders over everything
/// they bought pass the count. Now declined with what was read; the wordings beside it keep their answers.
/// </summary>
public sealed class RedTeamrt2Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    [InlineData("How many customers bought more than 3 units of Textiles?")]
    [InlineData("How many customers bought more than 3 units of Lighting in 2025?")]
    [InlineData("Customers who bought over 5 units of Bedding")]
    [InlineData("How many customers bought Lighting more than 3 times?")]
    [InlineData("How many customers bought Textiles at least 2 times?")]
    // Stop 45 (lead): "more than once" and "N or more times" were answered from every order of the product's buyers.
    [InlineData("how many customers bought Sofas more than once")]
    [InlineData("how many customers ordered from Lighting 3 or more times")]
    [InlineData("How many Canadian customers bought Bedding 2 or more times?")]
    public async Task ACountSaidOfAProduct_IsDeclinedWithWhatWasRead(string question) =>
        await RuleAnswers.AssertDeclinedAsync(database.Path, question, "the count is said of");

    [Theory]
    [InlineData("How many customers placed more than 3 orders of Lighting?", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE category = 'Lighting' GROUP BY 1 HAVING count(*) > 3)")]
    [InlineData("How many customers have at least 2 units of Cushions?", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE product_type = 'Cushions' GROUP BY 1 HAVING sum(quantity) >= 2)")]
    [InlineData("How many customers spent over $500 on Decoration?", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE category = 'Decoration' GROUP BY 1 HAVING sum(order_value) > 500)")]
    [InlineData("How many units of Lighting did we sell in 2025?", "SELECT sum(quantity) FROM transactions WHERE category = 'Lighting' AND transaction_date >= TIMESTAMP '2025-01-01 00:00:00' AND transaction_date < TIMESTAMP '2026-01-01 00:00:00'")]
    [InlineData("How many orders included more than 2 units?", "SELECT count(*) FROM transactions WHERE quantity > 2")]
    [InlineData("How many customers ordered exactly twice?", "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING count(*) = 2)")]
    [InlineData("How many customers in Canada bought more than once?", "SELECT count(*) FROM (SELECT t.customer_id FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'Canada' GROUP BY 1 HAVING count(*) > 1)")]
    public async Task TheKindsBeside_KeepTheirAnswers(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth);
}

using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 42: a count of rows said with a comparison of their own. "customers who placed at least 2 orders over
/// $1,000" was read as two conditions (2 orders of any value, and one order over $1,000), and "only a single order over
/// $1,000" as at least one such order: confident wrong answers. The count is now of the rows that pass.
/// </summary>
public sealed class CountOfRowsStop42Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private static string CustomersWithOrdersOver(string having, double amount) =>
        $"SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE order_value > {amount} GROUP BY customer_id HAVING {having})";

    [Theory]
    [InlineData("How many customers placed at least 2 orders over $1,000?", "count(*) >= 2", 1000)]
    [InlineData("customers with more than one order above $500", "count(*) > 1", 500)]
    [InlineData("customers with 3 or more orders each worth over $800", "count(*) >= 3", 800)]
    [InlineData("how many customers have at least 2 orders that were over $700", "count(*) >= 2", 700)]
    [InlineData("How many customers placed exactly one order over $1,000?", "count(*) = 1", 1000)]
    [InlineData("customers who placed only a single order over $1,000", "count(*) = 1", 1000)]
    [InlineData("customers with just one order over $1,000", "count(*) = 1", 1000)]
    public async Task CountOfRowsOverAnAmount_CountsOnlyThoseRows(string question, string having, double amount)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        double truth = await RuleAnswers.TruthAsync(database.Path, CustomersWithOrdersOver(having, amount));
        Assert.Equal(truth, RuleAnswers.Single(answer));
        Assert.Contains("counted)", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FewerThanSomeRowsOverAnAmount_CountsCustomersWithNone()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "customers with fewer than 2 orders over $1,000");

        double truth = await RuleAnswers.TruthAsync(database.Path,
            "SELECT count(*) FROM customers WHERE customer_id NOT IN (SELECT customer_id FROM transactions WHERE order_value > 1000 GROUP BY customer_id HAVING count(*) >= 2)");
        Assert.Equal(truth, RuleAnswers.Single(answer));
    }

    [Fact]
    public async Task CountAndARowSaidApart_StayTwoConditions()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "customers with at least 2 orders and an order over $1,000");

        double truth = await RuleAnswers.TruthAsync(database.Path,
            "SELECT count(*) FROM customers WHERE customer_id IN (SELECT customer_id FROM transactions GROUP BY customer_id HAVING count(*) >= 2) AND customer_id IN (SELECT customer_id FROM transactions WHERE order_value > 1000)");
        Assert.Equal(truth, RuleAnswers.Single(answer));
    }

    [Theory]
    [InlineData("How many customers have only ever placed one order?", "")]
    [InlineData("How many UK customers have made only one purchase?", " AND customer_id IN (SELECT customer_id FROM customers WHERE country = 'United Kingdom')")]
    public async Task OnlyOneOrder_IsExactlyOne(string question, string andWhere)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        double truth = await RuleAnswers.TruthAsync(database.Path,
            $"SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE customer_id IS NOT NULL{andWhere} GROUP BY customer_id HAVING count(*) = 1)");
        Assert.Equal(truth, RuleAnswers.Single(answer));
    }

    [Fact]
    public async Task CountOfRowsOverAnAmountPerGroup_IsDeclined() =>
        await RuleAnswers.AssertDeclinedAsync(database.Path, "cities with at least 2 orders over $1,000", "for each city");

    [Fact]
    public async Task CountAndAmountWithOtherWordsBetween_IsDeclined() =>
        await RuleAnswers.AssertDeclinedAsync(database.Path, "customers with at least 2 orders in the last 30 days over $500", "only, or of all of them");
}

using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// An order measure per customer, said of the customers who bought ("per paying customer", "among customers who have
/// bought something", "counting only people who have bought something"), divides by the buyers, not by all customers:
/// the eighth blind set found "Among customers who have bought something, what's the average number of orders per
/// customer?" answered over all customers. Each answer is recounted here in SQL.
/// </summary>
public sealed class PayingCustomerRatioTests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    [InlineData("Among customers who have bought something, what's the average number of orders per customer?", "SELECT count(*) / count(DISTINCT customer_id) FROM transactions")]
    [InlineData("average lifetime spend per paying customer", "SELECT sum(order_value) / count(DISTINCT customer_id) FROM transactions")]
    [InlineData("average lifetime spend per customer, counting only people who have bought something", "SELECT sum(order_value) / count(DISTINCT customer_id) FROM transactions")]
    public async Task PerCustomerOfThoseWhoBought_DividesByBuyers(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: true);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), Convert.ToDouble(answer.Rows[0][answer.Columns[0]]), 9);
        Assert.Contains("customers who ordered", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PerCustomerWithoutBuying_StaysOverAllCustomers()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "revenue per customer", answered: true);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, "SELECT (SELECT sum(order_value) FROM transactions) / (SELECT count(*) FROM customers)"), Convert.ToDouble(answer.Rows[0][answer.Columns[0]]), 9);
    }
}

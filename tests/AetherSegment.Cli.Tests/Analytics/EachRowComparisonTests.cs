using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// A comparison on a measure of the rows a question counts ("transactions with a quantity of 3 or more", "abandoned
/// carts with a cart value over $500") is each row's value when no customers are named. The sixth blind set found it
/// answered as each customer's total ("orders of customers whose units sold is at least 3", restated as "orders whose
/// units sold is at least 3"). With customers named, the comparison stays on the customers' totals and the restatement
/// says so ("orders of customers whose ..."). Every answer is recounted in SQL on the fixture.
/// </summary>
public sealed class EachRowComparisonTests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private Task<double> TruthAsync(string sql) => RuleAnswers.TruthAsync(database.Path, sql);

    [Theory]
    [InlineData("How many transactions had a quantity of 3 or more?", "SELECT count(*) FROM transactions WHERE quantity >= 3", "Orders with at least 3 units each")]
    [InlineData("how many orders had more than 2 units", "SELECT count(*) FROM transactions WHERE quantity > 2", "Orders with over 2 units each")]
    [InlineData("orders with an order value above 1000", "SELECT count(*) FROM transactions WHERE order_value > 1000", "Orders with a value over $1,000.00 each")]
    [InlineData("number of abandoned carts with cart value over 500", "SELECT count(*) FROM abandoned_carts WHERE cart_value > 500", "Abandoned carts with a value over $500.00 each")]
    [InlineData("how many orders of at least 2 units last month", "SELECT count(*) FROM transactions WHERE quantity >= 2 AND transaction_date >= TIMESTAMP '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01'", "Orders with at least 2 units each")]
    public async Task ComparisonOnTheRowsCounted_IsEachRows(string question, string truth, string restated)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: true);

        Assert.Equal(await TruthAsync(truth), RuleAnswers.Single(answer));
        Assert.Contains(restated, answer.Answer, StringComparison.Ordinal);
        Assert.DoesNotContain("customer_id", answer.Sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("orders from customers who spent over $1000", "SELECT count(*) FROM transactions WHERE customer_id IN (SELECT customer_id FROM transactions GROUP BY 1 HAVING sum(order_value) > 1000)", "Orders of customers whose revenue is over $1,000.00")]
    [InlineData("orders from customers with more than 5 orders", "SELECT count(*) FROM transactions WHERE customer_id IN (SELECT customer_id FROM transactions GROUP BY 1 HAVING count(*) > 5)", "Orders of customers whose orders is over 5")]
    [InlineData("how many orders from customers whose churn probability is over 0.7", "SELECT count(*) FROM transactions WHERE customer_id IN (SELECT customer_id FROM customer_scores WHERE churn_probability > 0.7)", "Orders of customers whose churn probability is over 70.0%")]
    public async Task ComparisonOnNamedCustomers_StaysTheirTotal_AndSaysOfCustomers(string question, string truth, string restated)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: true);

        Assert.Equal(await TruthAsync(truth), RuleAnswers.Single(answer));
        Assert.Contains(restated, answer.Answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how many sessions with average session duration over 300")]
    public async Task MeasureWithNoValuePerRow_IsAskedBack(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, answer.Status);
        Assert.Contains("for each one of the sessions, or for each of the customers' totals?", answer.Answer, StringComparison.Ordinal);
    }
}

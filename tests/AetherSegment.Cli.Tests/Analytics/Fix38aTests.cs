using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 38 (fix38a): a "never" part followed by where the customers live keeps the place (it was negated), a share "of
/// customers who have ordered" is out of the buyers, and a share "of all orders from &lt;customers&gt;" keeps those customers
/// in the whole; each recounted by hand-written SQL on the fixture.
/// </summary>
public sealed class Fix38aTests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string NeverInChicago = "SELECT count(*) FROM customers WHERE city = 'Chicago' AND customer_id NOT IN (SELECT customer_id FROM transactions)";
    private const string RepeatOfBuyers = "SELECT (SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY customer_id HAVING count(*) > 1)) / (SELECT count(DISTINCT customer_id) FROM transactions)";
    private const string TextilesOfUk = "SELECT count(*) FILTER (WHERE t.category = 'Textiles') / count(*) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'United Kingdom'";

    [Theory]
    [InlineData("How many customers who have never ordered anything live in Chicago?", NeverInChicago)]
    [InlineData("How many customers who never ordered live in Chicago?", NeverInChicago)]
    [InlineData("How many customers who never bought anything and live in Chicago?", NeverInChicago)]
    [InlineData("How many customers that have never purchased are in Chicago?", NeverInChicago)]
    [InlineData("Of customers who have ordered, what % ordered more than once?", RepeatOfBuyers)]
    [InlineData("Of customers who have purchased, what share ordered more than once?", RepeatOfBuyers)]
    [InlineData("Of customers who ordered, what percentage ordered more than once?", RepeatOfBuyers)]
    [InlineData("Of all orders from United Kingdom customers, what percentage were Textiles?", TextilesOfUk)]
    [InlineData("Of the orders from customers in United Kingdom, what share were Textiles?", TextilesOfUk)]
    [InlineData("What share of orders from United Kingdom customers were Textiles?", TextilesOfUk)]
    public async Task Answer_IsTheHandWrittenSql(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), Convert.ToDouble(answer.Rows[0][answer.Columns[0]]), 9);
    }
}

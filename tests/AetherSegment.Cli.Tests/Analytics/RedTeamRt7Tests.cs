using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 45 red team rt7 (blind48's three wrong answers and the wordings around them): "how many &lt;value&gt;
/// orders over $X were placed by customers in &lt;a country&gt;" counted the customers; "customers in A or B have at least one
/// cart worth more than 500" was one row per city ("at least" and "more than" were read as a choice between the values);
/// "of &lt;country&gt; customers who purchased anything this year, what percentage bought &lt;category&gt;" was out of every
/// customer of the country. Truths recounted in SQL on a real DuckDB store.
/// </summary>
public sealed class RedTeamRt7Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string ThisYear = "transaction_date >= TIMESTAMP '2026-01-01' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00'";

    [Theory]
    [InlineData("How many Sofas orders over $500 were placed by customers in Canada?", "SELECT count(*) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'Canada' AND t.product_type = 'Sofas' AND t.order_value > 500")]
    [InlineData("How many Office orders over $200 came from customers in the United Kingdom?", "SELECT count(*) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'United Kingdom' AND t.category = 'Office' AND t.order_value > 200")]
    [InlineData("Number of Bedroom orders above $300 from customers in the United States", "SELECT count(*) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'United States' AND t.category = 'Bedroom' AND t.order_value > 300")]
    [InlineData("How many product views by customers in Australia?", "SELECT count(*) FROM behavioral_events e JOIN customers c USING (customer_id) WHERE c.country = 'Australia' AND e.event_type = 'product_view'")]
    [InlineData("How many Outdoor orders were placed by customers in Canada?", "SELECT count(*) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'Canada' AND t.category = 'Outdoor'")]
    public async Task RowsCountedOfSomeCustomers_AreTheRows(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth);

    [Theory]
    [InlineData("hey, how many distinct customers in Canada or Australia have at least one abandoned cart worth more than 200", "SELECT count(DISTINCT a.customer_id) FROM abandoned_carts a JOIN customers c USING (customer_id) WHERE c.country IN ('Canada', 'Australia') AND a.cart_value > 200")]
    [InlineData("How many customers in Canada or Australia have an abandoned cart worth at least $200?", "SELECT count(DISTINCT a.customer_id) FROM abandoned_carts a JOIN customers c USING (customer_id) WHERE c.country IN ('Canada', 'Australia') AND a.cart_value >= 200")]
    [InlineData("How many customers in Canada or Australia have at least one order of more than $300?", "SELECT count(DISTINCT t.customer_id) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country IN ('Canada', 'Australia') AND t.order_value > 300")]
    [InlineData("Total revenue from Canada and Australia", "SELECT sum(order_value) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country IN ('Canada', 'Australia')")]
    [InlineData("How many orders in total from Canada and Australia?", "SELECT count(*) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country IN ('Canada', 'Australia')")]
    public async Task ValuesListedWithOneFigureAsked_AreOneTotal(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth);

    [Fact]
    public async Task ValuesListedWithAChoice_KeepOneRowEach() =>
        await RuleAnswers.AssertGroupsAsync(database.Path, "Total revenue from Canada vs Australia", "SELECT c.country, sum(order_value) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country IN ('Canada', 'Australia') GROUP BY 1");

    [Theory]
    [InlineData("Of Canadian customers who purchased anything this year, what percentage bought something from Office this year?", "Canada", "Office")]
    [InlineData("Among customers in Australia who bought something this year, what share bought Outdoor this year?", "Australia", "Outdoor")]
    [InlineData("Of UK customers who ordered this year, what share ordered Bedroom this year?", "United Kingdom", "Bedroom")]
    public async Task ABaseWhoPurchasedAnything_IsTheBuyersOfTheRange(string question, string country, string category) =>
        await RuleAnswers.AssertValueAsync(database.Path, question,
            $"SELECT count(DISTINCT CASE WHEN t.category = '{category}' THEN t.customer_id END) / count(DISTINCT t.customer_id) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = '{country}' AND {ThisYear}", nonZero: true);

    [Fact]
    public async Task APurchaseOfEitherValue_IsRestatedWithOr()
    {
        AnalyticsAnswer answer = await RuleAnswers.AssertValueAsync(database.Path, "Of Canadian customers who purchased this year, what percentage bought Office or Lighting this year?",
            $"SELECT count(DISTINCT CASE WHEN t.category IN ('Office', 'Lighting') THEN t.customer_id END) / count(DISTINCT t.customer_id) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'Canada' AND {ThisYear}");
        Assert.DoesNotContain("both", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Among customers in Canada or Australia, what share have an abandoned cart?", "asks for a share of customers")]
    public async Task ADifferentQuestion_IsDeclinedWithWhatWasRead(string question, string reason) =>
        await RuleAnswers.AssertDeclinedAsync(database.Path, question, reason);
}

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 50 (lead): the wrong answers of the unseen sets blind66/67 and of the lead's probing, each checked on a
/// real DuckDB store (as-of 2026-11-20 12:00 UTC): a share that was its own whole (always 100%), "all categories" read as
/// one row per category, "total &lt;value&gt; order value" read as the average order value, "total ... across every &lt;trigger&gt;
/// campaign" read as one row per campaign, "revenue in October 2026 minus revenue in October 2025" read as October 2026
/// against the whole of 2025, and "how much more in 2025 than in 2026" answered with the change the other way round.
/// </summary>
public sealed class LeadStop50Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string Q3ThisYear = "transaction_date >= TIMESTAMP '2026-07-01' AND transaction_date < TIMESTAMP '2026-10-01'";
    private const string Q3LastYear = "transaction_date >= TIMESTAMP '2025-07-01' AND transaction_date < TIMESTAMP '2025-10-01'";
    private const string October2026 = "transaction_date >= TIMESTAMP '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01'";
    private const string October2025 = "transaction_date >= TIMESTAMP '2025-10-01' AND transaction_date < TIMESTAMP '2025-11-01'";

    [Theory]
    [InlineData("How many more orders did we get in Q3 this year than in Q3 last year?", $"SELECT count(*) FILTER (WHERE {Q3ThisYear}) - count(*) FILTER (WHERE {Q3LastYear}) FROM transactions")]
    [InlineData("How many more orders did we get in Q3 this year than in Q3 last year? (this year's Q3 minus last year's)", $"SELECT count(*) FILTER (WHERE {Q3ThisYear}) - count(*) FILTER (WHERE {Q3LastYear}) FROM transactions")]
    [InlineData("orders in Q3 this year minus orders in Q3 last year", $"SELECT count(*) FILTER (WHERE {Q3ThisYear}) - count(*) FILTER (WHERE {Q3LastYear}) FROM transactions")]
    [InlineData("how many fewer orders in Q3 last year than in Q3 this year", $"SELECT count(*) FILTER (WHERE {Q3ThisYear}) - count(*) FILTER (WHERE {Q3LastYear}) FROM transactions")]
    [InlineData("orders in Q3 last year", $"SELECT count(*) FROM transactions WHERE {Q3LastYear}")]
    [InlineData("how much more revenue in 2026 than in 2025", "SELECT sum(order_value) FILTER (WHERE year(transaction_date) = 2026) - sum(order_value) FILTER (WHERE year(transaction_date) = 2025) FROM transactions")]
    [InlineData("revenue in October 2026 minus revenue in October 2025", $"SELECT sum(order_value) FILTER (WHERE {October2026}) - sum(order_value) FILTER (WHERE {October2025}) FROM transactions")]
    [InlineData("Outdoor revenue in October 2026 minus Outdoor revenue in October 2025 (dollar difference)", $"SELECT sum(order_value) FILTER (WHERE {October2026}) - sum(order_value) FILTER (WHERE {October2025}) FROM transactions WHERE category = 'Outdoor'")]
    [InlineData("total Outdoor order value from UK customers last year", "SELECT sum(t.order_value) FROM transactions t JOIN customers c USING (customer_id) WHERE t.category = 'Outdoor' AND c.country = 'United Kingdom' AND year(t.transaction_date) = 2025")]
    [InlineData("total revenue in the last 90 days across all categories", "SELECT sum(order_value) FROM transactions WHERE transaction_date > TIMESTAMP '2026-11-20 12:00:00' - INTERVAL 90 DAY AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00'")]
    [InlineData("total attributed revenue from treatment customers across every cart_reminder campaign", "SELECT sum(revenue) FROM campaign_history WHERE trigger_type = 'cart_reminder' AND \"group\" = 'treatment'")]
    [InlineData("customers who bought Sofas in 2025 but haven't bought one in 2026 - count?", "SELECT count(DISTINCT customer_id) FROM transactions WHERE product_type = 'Sofas' AND year(transaction_date) = 2025 AND customer_id NOT IN (SELECT customer_id FROM transactions WHERE product_type = 'Sofas' AND year(transaction_date) = 2026 AND customer_id IS NOT NULL)")]
    [InlineData("customers who bought Cabinets in 2025 but haven't bought anything in 2026 - count?", "SELECT count(DISTINCT customer_id) FROM transactions WHERE product_type = 'Cabinets' AND year(transaction_date) = 2025 AND customer_id NOT IN (SELECT customer_id FROM transactions WHERE year(transaction_date) = 2026 AND customer_id IS NOT NULL)")]
    public async Task ReadRight(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 2, nonZero: true);

    [Fact]
    public async Task TheMonthsBeforeThisOne_AreTheLastFullMonths() =>
        await RuleAnswers.AssertGroupsAsync(database.Path, "monthly order count for the six full months before this one",
            "SELECT CAST(date_trunc('month', transaction_date) AS TIMESTAMP), count(*) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-05-01' AND transaction_date < TIMESTAMP '2026-11-01' GROUP BY 1");

    [Theory]
    [InlineData("For customers acquired through social, what proportion have ever abandoned a cart?")]
    [InlineData("Revenue over the last 48 hours, all categories")]
    [InlineData("revenue for all categories last month")]
    [InlineData("total UK customer order value last year")]
    [InlineData("how much more revenue in 2025 than in 2026")]
    [InlineData("how much less revenue in 2026 than in 2025")]
    [InlineData("orders by month for the 3 months before this week")]
    [InlineData("How many orders did we get in Q3 this year? (this year's Q3 minus last year's)")]
    public async Task DifferentQuestions_AreNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);

    [Theory]
    [InlineData("revenue by category, all categories", "SELECT category, sum(order_value) FROM transactions GROUP BY 1")]
    [InlineData("revenue for each category", "SELECT category, sum(order_value) FROM transactions GROUP BY 1")]
    [InlineData("number of unique buyers in every category", "SELECT category, count(DISTINCT customer_id) FROM transactions GROUP BY 1")]
    public async Task ABreakdownSaidAnotherWay_Stands(string question, string truth) =>
        await RuleAnswers.AssertGroupsAsync(database.Path, question, truth);
}

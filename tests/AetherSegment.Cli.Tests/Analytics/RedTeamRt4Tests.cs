namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 44 red team (rt4, scope and exclusions in combined questions): readings that answered a different
/// question, now read right or declined with what was read, and the wordings beside them that keep their answers.
/// </summary>
public sealed class RedTeamRt4Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    // "in countries other than A" was one row per country; one total is asked.
    [InlineData("How many customers are there in countries other than Canada?", "SELECT count(*) FROM customers WHERE country <> 'Canada'")]
    [InlineData("How many customers live in countries other than the United States?", "SELECT count(*) FROM customers WHERE country <> 'United States'")]
    [InlineData("Customers in all countries except Canada", "SELECT count(*) FROM customers WHERE country <> 'Canada'")]
    [InlineData("Revenue in categories other than Office this year", "SELECT sum(order_value) FROM transactions WHERE category <> 'Office' AND transaction_date >= TIMESTAMP '2026-01-01 00:00:00'")]
    [InlineData("Revenue from product types other than Sofas in Living Room this year", "SELECT sum(order_value) FROM transactions WHERE category = 'Living Room' AND product_type <> 'Sofas' AND transaction_date >= TIMESTAMP '2026-01-01 00:00:00'")]
    [InlineData("Orders from cities other than Toronto in Canada in 2025", "SELECT count(*) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'Canada' AND c.city <> 'Toronto' AND year(t.transaction_date) = 2025")]
    // "A's revenue as a share of total revenue (range)" was A in the range out of A over all time.
    [InlineData("Office revenue as a share of total revenue this year", "SELECT sum(order_value) FILTER (WHERE category = 'Office') / sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-01-01 00:00:00'")]
    [InlineData("Lighting revenue as a percentage of total revenue in 2025", "SELECT sum(order_value) FILTER (WHERE category = 'Lighting') / sum(order_value) FROM transactions WHERE year(transaction_date) = 2025")]
    [InlineData("Office orders as a share of all orders this year", "SELECT count(*) FILTER (WHERE category = 'Office') / count(*) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-01-01 00:00:00'")]
    [InlineData("Bedroom revenue as a share of all revenue in 2025", "SELECT sum(order_value) FILTER (WHERE category = 'Bedroom') / sum(order_value) FROM transactions WHERE year(transaction_date) = 2025")]
    public async Task TheQuestionAsked_IsAnswered(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Theory]
    // The range said before the whole: A's share of all revenue in the range, or of A's own revenue over all time.
    [InlineData("Office revenue this year as a share of total revenue", "the whole of the share is said as every value")]
    [InlineData("Lighting orders in 2025 as a percentage of all orders", "the whole of the share is said as every value")]
    // "out of total" was dropped: the part alone was answered.
    [InlineData("Canada revenue out of total revenue in 2025", "asks for a part out of a whole")]
    [InlineData("Office orders out of total orders this year", "asks for a part out of a whole")]
    [InlineData("Lighting revenue out of all revenue", "asks for a part out of a whole")]
    // "average spend of customers" was the average order value.
    [InlineData("Average spend of customers in Toronto", "is said of each customer's total")]
    [InlineData("What is the average spend of our customers in Canada this year?", "is said of each customer's total")]
    public async Task ADifferentQuestion_IsDeclinedWithWhatWasRead(string question, string reason) =>
        await RuleAnswers.AssertDeclinedAsync(database.Path, question, reason);

    [Theory]
    [InlineData("Revenue by country other than Canada this year", 3)]
    [InlineData("Revenue per country excluding Canada", 3)]
    [InlineData("Top 2 cities by revenue excluding London", 2)]
    [InlineData("Which countries other than Canada have the most customers?", 3)]
    public async Task ABreakdownSaid_KeepsItsRows(string question, int rows)
    {
        AetherSegment.Analytics.AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);
        Assert.Equal(rows, answer.Rows.Count);
    }

    [Theory]
    [InlineData("What share of total revenue this year came from Office?", "SELECT sum(order_value) FILTER (WHERE category = 'Office') / sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-01-01 00:00:00'")]
    [InlineData("What fraction of all orders were placed in 2025?", "SELECT count(*) FILTER (WHERE year(transaction_date) = 2025) / count(*) FROM transactions")]
    [InlineData("What fraction of all Office orders were placed in 2025?", "SELECT count(*) FILTER (WHERE year(transaction_date) = 2025) / count(*) FROM transactions WHERE category = 'Office'")]
    [InlineData("What percentage of Bedroom revenue this year came from the UK?", "SELECT sum(order_value) FILTER (WHERE c.country = 'United Kingdom') / sum(order_value) FROM transactions t JOIN customers c USING (customer_id) WHERE category = 'Bedroom' AND transaction_date >= TIMESTAMP '2026-01-01 00:00:00'")]
    [InlineData("Revenue excluding the United States in 2025", "SELECT sum(t.order_value) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country <> 'United States' AND year(t.transaction_date) = 2025")]
    [InlineData("Total revenue from customers outside Canada this year", "SELECT sum(t.order_value) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country <> 'Canada' AND t.transaction_date >= TIMESTAMP '2026-01-01 00:00:00'")]
    [InlineData("Average order value in Toronto", "SELECT avg(t.order_value) FROM transactions t JOIN customers c USING (customer_id) WHERE c.city = 'Toronto'")]
    [InlineData("Out of all customers, how many are in Canada?", "SELECT count(*) FROM customers WHERE country = 'Canada'")]
    public async Task TheKindsBeside_KeepTheirAnswers(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);
}

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 44 (ask50, bases and scopes): the unseen sets' wrong answers of blind38 and blind39 on a base and a second
/// condition or measure. The base "customers with any events" of an average per customer is those customers; a spend said
/// "on" the value the base bought totals that value; "never" after a base with a range is at any time; the average or
/// median of each customer's purchases with no base said is asked back. The nearby wordings keep their answers.
/// </summary>
public sealed class BasesAndScopesStop44Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string EventsOverCustomersWithEvents = "SELECT avg(n) FROM (SELECT customer_id, count(*) AS n FROM behavioral_events GROUP BY 1)";

    [Theory]
    // blind38 and blind39: every customer was the denominator.
    [InlineData("Average number of behavioural events per customer (customers with any events)")]
    [InlineData("Average number of events per customer, counting only customers that have events")]
    [InlineData("Average number of events per customer, among customers with any events")]
    [InlineData("Average number of behavioral events per customer who has any events")]
    [InlineData("average events per customer (only customers who have events)")]
    [InlineData("mean number of events per customer among people with at least one behavioural event")]
    public async Task EventsPerCustomer_OverTheCustomersWithEvents(string question) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, EventsOverCustomersWithEvents);

    [Theory]
    // blind38: the spend was read over every category.
    [InlineData("Of the customers who bought Office products this year, how many spent over $500 on Office in total this year?")]
    [InlineData("Among Office buyers this year, how many spent more than $500 on Office products?")]
    public async Task SpendOnTheBaseValue_TotalsThatValue(string question) =>
        await RuleAnswers.AssertValueAsync(database.Path, question,
            "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE category = 'Office' AND transaction_date >= TIMESTAMP '2026-01-01 00:00:00' GROUP BY 1 HAVING sum(order_value) > 500)");

    [Fact]
    // Said "in total" without the value: every category's spend of the base's customers, as before.
    public async Task SpendInTotal_KeepsEveryCategory() =>
        await RuleAnswers.AssertValueAsync(database.Path, "Of the customers who bought Office products this year, how many spent over $500 in total this year?",
            "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE transaction_date >= TIMESTAMP '2026-01-01 00:00:00' GROUP BY 1 HAVING sum(order_value) > 500 AND bool_or(category = 'Office'))");

    [Theory]
    // blind38: the year was applied to the "never" part too.
    [InlineData("Of the customers who bought a Sofa this year, how many have never bought anything from Textiles?", "product_type = 'Sofas'", "category = 'Textiles'")]
    [InlineData("Of the customers who bought Office this year, how many have never bought anything from Lighting?", "category = 'Office'", "category = 'Lighting'")]
    public async Task NeverAfterTheBaseRange_IsAtAnyTime(string question, string bought, string never) =>
        await RuleAnswers.AssertValueAsync(database.Path, question,
            $"SELECT count(DISTINCT customer_id) FROM transactions WHERE {bought} AND transaction_date >= TIMESTAMP '2026-01-01 00:00:00' AND customer_id NOT IN (SELECT customer_id FROM transactions WHERE {never})");

    [Theory]
    // blind39: over every customer (zeros included); the testers who did not say meant the buyers, a probe set every customer.
    [InlineData("median total spend per customer?")]
    [InlineData("For customers in London, what's their average total spend?")]
    [InlineData("median total revenue per customer for shoppers from paid search")]
    public async Task StatisticOfPurchasesWithNoBase_IsAskedBack(string question) =>
        await RuleAnswers.AssertDeclinedAsync(database.Path, question, "over which");

    [Theory]
    // A base said keeps its reading.
    [InlineData("Median total spend per customer in London (only customers who have bought something)", "SELECT median(s) FROM (SELECT t.customer_id, sum(t.order_value) s FROM transactions t JOIN customers c USING (customer_id) WHERE c.city = 'London' GROUP BY 1)")]
    [InlineData("median total spend per buying customer", "SELECT median(s) FROM (SELECT customer_id, sum(order_value) s FROM transactions GROUP BY 1)")]
    [InlineData("What's the average number of orders per customer, counting customers who never ordered as zero?", "SELECT (SELECT count(*) FROM transactions) * 1.0 / (SELECT count(*) FROM customers)")]
    [InlineData("average revenue per customer", "SELECT (SELECT sum(order_value) FROM transactions) / (SELECT count(*) FROM customers)")]
    [InlineData("average number of orders per customer", "SELECT (SELECT count(*) FROM transactions) * 1.0 / (SELECT count(*) FROM customers)")]
    [InlineData("What is the median number of sessions per customer?", "SELECT median(coalesce(p.n, 0)) FROM customers c LEFT JOIN (SELECT customer_id, count(DISTINCT session_id) AS n FROM behavioral_events GROUP BY 1) p ON p.customer_id = c.customer_id")]
    [InlineData("events per customer", "SELECT (SELECT count(*) FROM behavioral_events) * 1.0 / (SELECT count(*) FROM customers)")]
    [InlineData("people who added to cart in the last 7 days but never started checkout in that window - how many?", "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'add_to_cart' AND event_timestamp >= TIMESTAMP '2026-11-13 12:00:00' AND event_timestamp <= TIMESTAMP '2026-11-20 12:00:00' AND customer_id NOT IN (SELECT customer_id FROM behavioral_events WHERE event_type = 'checkout_start' AND event_timestamp >= TIMESTAMP '2026-11-13 12:00:00' AND event_timestamp <= TIMESTAMP '2026-11-20 12:00:00')")]
    [InlineData("How many customers spent over $500 on Office this year?", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE category = 'Office' AND transaction_date >= TIMESTAMP '2026-01-01 00:00:00' GROUP BY 1 HAVING sum(order_value) > 500)")]
    public async Task TheKindsBeside_KeepTheirAnswers(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth);
}

using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 42 (ask37): per-customer figures and shares with their base, each kind in several wordings, on a real
/// DuckDB store against a hand-written SQL truth (the test store's as-of is 2026-11-20 12:00 UTC; rolling ranges include it).
/// <list type="bullet">
/// <item>A figure per customer over "the customers who bought something this year" is a figure per buyer; the base's range
/// said in other words than the figure's ("2026" and "this year") is the same range said twice, compared at the as-of.</item>
/// <item>"count referral customers who never ordered as $0", "(including people with no orders)", "across our whole
/// customer base": every customer the filters pick.</item>
/// <item>A share of a base's customers who bought in a range: the range is the purchase's, the base over all time.</item>
/// <item>A heading naming a value before a share with its own base scopes the base and the part.</item>
/// <item>Sessions per customer among the customers active in a range; events per session.</item>
/// </list>
/// </summary>
public sealed class PerCustomerFiguresStop42Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string AsOf = "TIMESTAMP '2026-11-20 12:00:00'";
    private const string Year = "transaction_date >= TIMESTAMP '2026-01-01 00:00:00' AND transaction_date <= " + AsOf;
    private const string Last90 = "transaction_date >= TIMESTAMP '2026-08-22 12:00:00' AND transaction_date <= " + AsOf;
    private const string Last30 = "transaction_date >= TIMESTAMP '2026-10-21 12:00:00' AND transaction_date <= " + AsOf;

    [Theory]
    [InlineData("average 2026 spend per customer, among the customers who bought something this year")]
    [InlineData("Average 2026 revenue per customer (only those who bought in 2026)")]
    [InlineData("what's the average 2026 spend per customer, counting only customers who have ordered this year?")]
    [InlineData("mean spend per customer this year, among customers who made a purchase this year")]
    public async Task SpendPerCustomer_AmongThoseWhoBoughtInTheRange_IsPerBuyer(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AssertValueAsync(database.Path, question, $"SELECT avg(s) FROM (SELECT customer_id, sum(order_value) AS s FROM transactions WHERE {Year} GROUP BY 1)", 6);
        Assert.Contains("buyer", answer.Restatement!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("What's the average 2026 spend per London customer, counting only London customers who bought something this year?")]
    [InlineData("average 2026 spend per customer among London customers who bought something in 2026")]
    public async Task SpendPerValuesCustomer_AmongItsBuyers_IsPerBuyerOfTheValue(string question)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, $"SELECT avg(s) FROM (SELECT t.customer_id, sum(t.order_value) AS s FROM transactions t JOIN customers c USING (customer_id) WHERE c.city = 'London' AND t.{Year} GROUP BY 1)", 6);
    }

    [Theory]
    [InlineData("average 2026 spend per customer, among the customers who bought something in 2025")]
    [InlineData("average spend per customer in the last 90 days, among the customers who bought something this year")]
    public async Task BaseWithAnotherRange_IsDeclined(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, answer.Status);
    }

    [Theory]
    [InlineData("Average lifetime spend per referral customer - count referral customers who never ordered as $0")]
    [InlineData("average spend per referral customer, including referral customers with no orders")]
    [InlineData("What is the average lifetime spend per referral customer? Treat referral customers without any orders as zero.")]
    public async Task SpendPerCustomer_CountingNonBuyersAsZero_IsOverEveryCustomer(string question)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, "SELECT avg(coalesce(s, 0)) FROM customers c LEFT JOIN (SELECT customer_id, sum(order_value) AS s FROM transactions GROUP BY 1) t USING (customer_id) WHERE c.acquisition_source = 'referral'", 6);
    }

    [Theory]
    [InlineData("Across our whole customer base (including people with no orders), how many orders does a customer place on average?")]
    [InlineData("average number of orders per customer across our entire customer base, counting those with none as zero")]
    [InlineData("On average, how many orders does a customer place, including customers without any orders?")]
    public async Task OrdersPerCustomer_OverTheWholeBase_IsOverEveryCustomer(string question)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, "SELECT (SELECT count(*) FROM transactions) * 1.0 / (SELECT count(*) FROM customers)", 6);
    }

    [Theory]
    [InlineData("Of the customers with a churn probability above 0.7, what percentage placed an order in the last 90 days?")]
    [InlineData("Among customers whose churn probability is over 0.7, what share have bought something in the last 90 days?")]
    [InlineData("of customers with churn probability > 0.7, what % have made a purchase in the last 90 days")]
    public async Task ShareOfScoredCustomers_WhoBoughtInARange_KeepsTheRangeOnThePurchase(string question)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, $"SELECT count(*) FILTER (WHERE customer_id IN (SELECT customer_id FROM transactions WHERE {Last90})) * 1.0 / count(*) FROM customer_scores WHERE churn_probability > 0.7", 9);
    }

    [Theory]
    [InlineData("Of the customers we got from social, what percentage have bought something in the last 90 days?", "acquisition_source = 'social'", Last90)]
    [InlineData("What percent of our Sydney customers have made a purchase in the last 90 days?", "city = 'Sydney'", Last90)]
    [InlineData("what percentage of our Toronto customers have placed an order in the last 30 days?", "city = 'Toronto'", Last30)]
    [InlineData("among customers who came to us through referral, what share bought something in the last 30 days", "acquisition_source = 'referral'", Last30)]
    public async Task ShareOfAValuesCustomers_WhoBoughtInARange_IsOutOfThoseCustomers(string question, string whole, string range)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, $"SELECT count(*) FILTER (WHERE customer_id IN (SELECT customer_id FROM transactions WHERE {range})) * 1.0 / count(*) FROM customers WHERE {whole}", 9);
    }

    [Theory]
    [InlineData("UK: of the customers who have ordered, what share have ordered more than once?", "country = 'United Kingdom'")]
    [InlineData("London - among customers who bought something, what percentage bought more than once", "city = 'London'")]
    public async Task HeadingNamingAValue_ScopesTheBaseAndThePart(string question, string value)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, $"SELECT avg(CASE WHEN n > 1 THEN 1.0 ELSE 0 END) FROM (SELECT t.customer_id, count(*) AS n FROM transactions t JOIN customers c USING (customer_id) WHERE c.{value} GROUP BY 1)", 9);
    }

    [Theory]
    [InlineData("Among customers active in the last 30 days, how many sessions did each have on average?")]
    [InlineData("among users who were active in the past 30 days, how many sessions does each one have on average")]
    public async Task SessionsPerActiveCustomer_IsOverTheCustomersWithASessionInTheRange(string question)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, $"SELECT avg(n) FROM (SELECT customer_id, count(DISTINCT session_id) AS n FROM behavioral_events WHERE event_timestamp >= TIMESTAMP '2026-10-21 12:00:00' AND event_timestamp <= {AsOf} GROUP BY 1)", 6);
    }

    [Theory]
    [InlineData("On average, how many events happen in a session?")]
    [InlineData("how many events does a session have on average")]
    [InlineData("typically how many events occur per session")]
    public async Task EventsInASession_IsEventsPerSession(string question)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, "SELECT count(*) * 1.0 / count(DISTINCT session_id) FROM behavioral_events", 9);
    }
}

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 43 (ask45): per-customer figures and two conditions in one window, each kind in several wordings, on a
/// real DuckDB store against a hand-written SQL truth (the test store's as-of is 2026-11-20 12:00 UTC; rolling ranges
/// include it).
/// </summary>
public sealed class PerCustomerWindowsStop43Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string AsOf = "TIMESTAMP '2026-11-20 12:00:00'";
    private const string Carts7 = "abandoned_at >= TIMESTAMP '2026-11-13 12:00:00' AND abandoned_at <= " + AsOf;
    private const string Orders7 = "t.transaction_date >= TIMESTAMP '2026-11-13 12:00:00' AND t.transaction_date <= " + AsOf;
    private const string Last90 = "transaction_date >= TIMESTAMP '2026-08-22 12:00:00' AND transaction_date <= " + AsOf;

    [Theory]
    [InlineData("Of the customers who abandoned a cart in the last 7 days, how many have not placed any order in that same 7 days?")]
    [InlineData("Among customers who abandoned a cart in the last 7 days, how many placed no order in the same 7 days?")]
    [InlineData("Of the people who abandoned a cart in the last 7 days, how many didn't buy anything during that window?")]
    public async Task BaseFirst_SecondConditionNegatedInTheSameWindow(string question)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, $"SELECT count(DISTINCT a.customer_id) FROM abandoned_carts a WHERE {Carts7} AND NOT EXISTS (SELECT 1 FROM transactions t WHERE t.customer_id = a.customer_id AND {Orders7})", 6);
    }

    [Fact]
    public async Task BaseFirst_SecondConditionInTheSameWindow()
    {
        await RuleAnswers.AssertValueAsync(database.Path, "Of the customers who abandoned a cart in the last 7 days, how many placed an order in that same 7 days?", $"SELECT count(DISTINCT a.customer_id) FROM abandoned_carts a WHERE {Carts7} AND EXISTS (SELECT 1 FROM transactions t WHERE t.customer_id = a.customer_id AND {Orders7})", 6);
    }

    [Fact]
    public async Task BaseFirst_AnotherNumberOfDays_IsDeclined()
    {
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, "Of the customers who abandoned a cart in the last 7 days, how many have not placed any order in that same 14 days?");
    }

    [Theory]
    [InlineData("What percentage of our whole customer base has bought in the last 90 days?")]
    [InlineData("What percentage of customers have bought in the last 90 days?")]
    [InlineData("what share of all our customers made a purchase in the last 90 days")]
    [InlineData("Of all our customers, what percent bought something in the last 90 days?")]
    public async Task ShareOfEveryCustomer_WhoBoughtInARange(string question)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, $"SELECT (SELECT count(DISTINCT customer_id) FROM transactions WHERE {Last90}) * 1.0 / (SELECT count(*) FROM customers)", 9);
    }

    [Fact]
    public async Task ShareOfAllCustomers_WhoBoughtAtLeastOnce_InTheLast30Days()
    {
        // Stop 39 declined it (the buyers out of the buyers was computed then); now the whole is every customer.
        await RuleAnswers.AssertValueAsync(database.Path, "What percentage of all customers bought at least once in the last 30 days?",
            "SELECT (SELECT count(DISTINCT customer_id) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-21 12:00:00' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00') * 1.0 / (SELECT count(*) FROM customers)", 9);
    }

    [Theory]
    [InlineData("For repeat buyers (2+ orders), how many days on average between their first and last purchase?")]
    [InlineData("On average, how many days pass between the first and last order of repeat customers?")]
    public async Task DaysBetweenFirstAndLastPurchase_OfRepeatBuyers(string question)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, "SELECT avg(date_diff('second', f, l) / 86400.0) FROM (SELECT customer_id, min(transaction_date) AS f, max(transaction_date) AS l FROM transactions GROUP BY 1 HAVING count(*) >= 2)", 4);
    }

    [Theory]
    [InlineData("Of the customers who bought anything from Outdoor, what's the median of their total Outdoor spend?")]
    [InlineData("median Outdoor spend per buyer of Outdoor")]
    public async Task CategoryOnTheBuyersAndTheirTotal_IsOneReading(string question)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, "SELECT median(s) FROM (SELECT customer_id, sum(order_value) AS s FROM transactions WHERE category = 'Outdoor' GROUP BY 1)", 6);
    }

    [Fact]
    public async Task CategoryOnTheBuyersOnly_IsStillAskedBack()
    {
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, "Of the customers who bought anything from Outdoor, what's the median of their total spend?");
    }
}

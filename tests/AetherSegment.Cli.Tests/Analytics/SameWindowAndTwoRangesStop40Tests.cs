using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 40, ask25 (same-window and two-range conditions). Each answer recounted by hand-written SQL on the fixture (as-of
/// 2026-11-20 12:00 UTC; rolling ranges include the as-of instant; data from mid 2025).
/// </summary>
public sealed class SameWindowAndTwoRangesStop40Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string Last30 = "TIMESTAMP '2026-10-21 12:00:00' AND TIMESTAMP '2026-11-20 12:00:00'";
    private const string Last7 = "TIMESTAMP '2026-11-13 12:00:00' AND TIMESTAMP '2026-11-20 12:00:00'";
    private const string Year2025 = "transaction_date >= TIMESTAMP '2025-01-01 00:00:00' AND transaction_date < TIMESTAMP '2026-01-01 00:00:00'";
    private const string Year2026 = "transaction_date >= TIMESTAMP '2026-01-01 00:00:00' AND transaction_date < TIMESTAMP '2027-01-01 00:00:00'";

    [Theory]
    // blind24's wrong answer: "have no order in that time" was read as never bought at any time. The negated part takes the
    // range said before it, in every wording of "the same range again".
    [InlineData("Number of customers who started checkout in the last 7 days but have no order in that time", "behavioral_events", "event_timestamp", "event_type = 'checkout_start' AND ", "7")]
    [InlineData("How many customers started a checkout in the last 30 days but have no orders in that period?", "behavioral_events", "event_timestamp", "event_type = 'checkout_start' AND ", "30")]
    [InlineData("customers who abandoned a cart in the last 7 days but haven't purchased in that same week", "abandoned_carts", "abandoned_at", "", "7")]
    [InlineData("Customers who abandoned a cart in the last 7 days and haven't purchased anything in those same 7 days - how many?", "abandoned_carts", "abandoned_at", "", "7")]
    [InlineData("How many customers abandoned a cart in the last 30 days but made no purchase during that time?", "abandoned_carts", "abandoned_at", "", "30")]
    [InlineData("how many shoppers abandoned a cart in the past week and placed no order in that window", "abandoned_carts", "abandoned_at", "", "7")]
    public async Task TheNegatedPart_TakesTheRangeSaidBefore(string question, string table, string time, string type, string days)
    {
        string window = days == "7" ? Last7 : Last30;
        string truth = $"SELECT count(*) FROM customers WHERE customer_id IN (SELECT customer_id FROM {table} WHERE {type}{time} BETWEEN {window}) AND customer_id NOT IN (SELECT customer_id FROM transactions WHERE transaction_date BETWEEN {window})";
        AnalyticsAnswer answer = await RuleAnswers.AssertValueAsync(database.Path, question, truth);
        Assert.Contains("who did not buy in the time range", answer.Restatement, StringComparison.Ordinal);
        Assert.DoesNotContain("never", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("How many people added something to cart in the last 30 days without starting a checkout at any point in that period?")]
    [InlineData("customers who added to cart in the last 30 days but did not start a checkout at any time during that period")]
    public async Task NoEventAtAnyPointInThatPeriod_IsTheSameRange(string question)
    {
        string truth = $"SELECT count(*) FROM customers WHERE customer_id IN (SELECT customer_id FROM behavioral_events WHERE event_type = 'add_to_cart' AND event_timestamp BETWEEN {Last30}) AND customer_id NOT IN (SELECT customer_id FROM behavioral_events WHERE event_type = 'checkout_start' AND event_timestamp BETWEEN {Last30})";
        await RuleAnswers.AssertValueAsync(database.Path, question, truth);
    }

    [Theory]
    // After each customer's own event ("since", "after their most recent abandonment") is not a range: asked back, never
    // dropped. A reference the range does not fit ("the last 30 days ... that same week") stays declined.
    [InlineData("How many customers started a checkout in the last 7 days and have not ordered since?")]
    [InlineData("How many customers started a checkout in the last 7 days and have no order since then?")]
    [InlineData("How many customers abandoned a cart in the last 7 days and have made no purchase after their most recent abandonment?")]
    [InlineData("customers who abandoned a cart and haven't bought anything since")]
    [InlineData("customers who abandoned a cart in the last 30 days but haven't purchased in that same week")]
    public async Task AnotherWindowForTheNegatedPart_IsDeclined(string question)
    {
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
    }

    [Theory]
    [InlineData("How many customers bought Outdoor furniture in 2025 and again in 2026?", "category = 'Outdoor' AND ", false, "")]
    [InlineData("customers who purchased Lighting in 2025 and also in 2026", "category = 'Lighting' AND ", false, "")]
    [InlineData("How many customers bought Bedroom products in both 2025 and 2026?", "category = 'Bedroom' AND ", false, "")]
    [InlineData("Number of customers who bought Outdoor products in 2025 but not in 2026 (to date)", "category = 'Outdoor' AND ", true, "")]
    [InlineData("How many customers bought something in 2025 but nothing in 2026?", "", true, "")]
    [InlineData("how many UK customers bought Lighting in 2025 but not in 2026", "category = 'Lighting' AND ", true, "United Kingdom")]
    [InlineData("How many UK customers bought Bedroom items in 2025 and again in 2026?", "category = 'Bedroom' AND ", false, "United Kingdom")]
    public async Task OnePurchaseInTwoRanges(string question, string what, bool notInTheSecond, string country)
    {
        string place = country.Length == 0 ? "" : $" AND country = '{country}'";
        string truth = $"SELECT count(*) FROM customers WHERE customer_id IN (SELECT customer_id FROM transactions WHERE {what}{Year2025}) AND customer_id {(notInTheSecond ? "NOT IN" : "IN")} (SELECT customer_id FROM transactions WHERE {what}{Year2026}){place}";
        AnalyticsAnswer answer = await RuleAnswers.AssertValueAsync(database.Path, question, truth);
        Assert.Contains("in 2025 (2025-01-01 00:00 to 2026-01-01 00:00 UTC)", answer.Restatement, StringComparison.Ordinal);
        Assert.Contains(notInTheSecond ? "who did not buy" : "who bought", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Retention check: of the customers who bought something in 2025, what percent bought again in 2026?")]
    [InlineData("Of customers who purchased in 2025, what share also bought in 2026?")]
    [InlineData("among shoppers who ordered in 2025, what percentage ordered again in 2026")]
    public async Task Retention_IsTheShareOfTheFirstRangesBuyers(string question)
    {
        string truth = $"SELECT (SELECT count(*) FROM customers WHERE customer_id IN (SELECT customer_id FROM transactions WHERE {Year2025}) AND customer_id IN (SELECT customer_id FROM transactions WHERE {Year2026}))::DOUBLE / (SELECT count(*) FROM customers WHERE customer_id IN (SELECT customer_id FROM transactions WHERE {Year2025}))";
        AnalyticsAnswer answer = await RuleAnswers.AssertValueAsync(database.Path, question, truth);
        Assert.Contains("out of all the customers who bought in 2025", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    // Two ranges said without "again", "also", "both" or "not" ("in 2025 and 2026" could be either year) stay declined, as
    // does a measure other than a count of customers.
    [InlineData("how many customers bought in 2025 and 2026")]
    [InlineData("revenue in 2025 but not in 2026")]
    public async Task TwoRangesWithoutAPartEach_StayDeclined(string question)
    {
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
    }
}

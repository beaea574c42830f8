using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 62: a count of the different values of a breakdown ("how many different cities do our customers live
/// in"), read with every other part of a question it can be combined with (a filter, a time range, a threshold on each
/// value, a condition on the customers) and checked against SQL that counts the values; and the wordings of the unseen set
/// blind94 (a marketing director's asides and British wordings) that were misread or declined.
/// </summary>
public sealed class LeadStop62Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    [InlineData("how many different cities do our customers live in?", "SELECT count(DISTINCT city) FROM customers")]
    [InlineData("number of distinct countries", "SELECT count(DISTINCT country) FROM customers")]
    [InlineData("number of countries", "SELECT count(DISTINCT country) FROM customers")]
    [InlineData("how many different cities do our UK customers live in?", "SELECT count(DISTINCT city) FROM customers WHERE country = 'United Kingdom'")]
    [InlineData("how many distinct categories did customers buy in the last 30 days?", "SELECT count(DISTINCT category) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-21 12:00:00' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00'")]
    [InlineData("how many categories did customers in Canada buy from in 2025?", "SELECT count(DISTINCT t.category) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'Canada' AND year(t.transaction_date) = 2025")]
    [InlineData("how many cities have more than 20 customers", "SELECT count(*) FROM (SELECT city FROM customers GROUP BY 1 HAVING count(*) > 20)")]
    [InlineData("how many product types sold more than 150 units", "SELECT count(*) FROM (SELECT product_type FROM transactions GROUP BY 1 HAVING sum(quantity) > 150)")]
    [InlineData("what is the number of unique acquisition sources", "SELECT count(DISTINCT acquisition_source) FROM customers")]
    // Declined up to stop 61 (LeadStop44Tests, CoverageStop45bTests), now read.
    [InlineData("How many product types sold more than 20 units overall?", "SELECT count(*) FROM (SELECT product_type FROM transactions GROUP BY 1 HAVING sum(quantity) > 20)")]
    [InlineData("Number of categories with revenue over $1,000 this year", "SELECT count(*) FROM (SELECT category FROM transactions WHERE transaction_date >= TIMESTAMP '2026-01-01 00:00:00' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00' GROUP BY 1 HAVING sum(order_value) > 1000)")]
    [InlineData("how many distinct product types did Australian customers buy", "SELECT count(DISTINCT t.product_type) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'Australia'")]
    public async Task CountOfDifferentValues_IsTheNumberOfRowsOfTheirList(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

        Assert.Contains("the number of different", answer.Restatement, StringComparison.Ordinal);
        Assert.DoesNotContain("United Kingdom", answer.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("Canada", answer.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("Australia", answer.Sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how many campaigns did we run this year", "campaign")]
    [InlineData("how many unique customers bought Outdoor", "buyers")]
    public async Task CountOfAMeasure_IsNotACountOfValues(string question, string column)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.DoesNotContain("different", answer.Restatement, StringComparison.Ordinal);
        Assert.Contains(answer.Columns, c => c.Contains(column, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CountOfValuesOfATopN_IsDeclinedNotListed() =>
        await RuleAnswers.AssertDeclinedAsync(database.Path, "How many cities are in the top 5 by revenue", "is asked as a number of them");

    [Theory]
    [InlineData("ratio of Outdoor average order value to the overall average order value", "SELECT (SELECT avg(order_value) FROM transactions WHERE category = 'Outdoor') / (SELECT avg(order_value) FROM transactions)")]
    [InlineData("ratio of iOS sessions to all sessions", "SELECT (SELECT count(DISTINCT session_id) FROM behavioral_events WHERE device = 'ios') / (SELECT count(DISTINCT session_id) FROM behavioral_events)")]
    [InlineData("ratio of Outdoor revenue to overall revenue in 2025", "SELECT (SELECT sum(order_value) FROM transactions WHERE category = 'Outdoor' AND year(transaction_date) = 2025) / (SELECT sum(order_value) FROM transactions WHERE year(transaction_date) = 2025)")]
    public async Task RatioToOverall_DividesByEveryRow(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

        Assert.Contains("overall", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("In the last 30 days, how many customers started a checkout but didn't place any order in that same window?", "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'checkout_start' AND event_timestamp >= TIMESTAMP '2026-10-21 12:00:00' AND event_timestamp <= TIMESTAMP '2026-11-20 12:00:00' AND customer_id NOT IN (SELECT customer_id FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-21 12:00:00' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00')")]
    [InlineData("In the last 30 days, how many customers started a checkout but didn't place any order?", "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'checkout_start' AND event_timestamp >= TIMESTAMP '2026-10-21 12:00:00' AND event_timestamp <= TIMESTAMP '2026-11-20 12:00:00' AND customer_id NOT IN (SELECT customer_id FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-21 12:00:00' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00')")]
    public async Task RangeSaidFirst_IsEveryPartsRange(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Theory]
    [InlineData("How many customers have we got in London these days?", "SELECT count(*) FROM customers WHERE city = 'London'")]
    [InlineData("How many customers on our books have never placed a single order?", "SELECT count(*) FROM customers WHERE customer_id NOT IN (SELECT customer_id FROM transactions)")]
    [InlineData("How many customers sit below 0.2 on the lifetime value score?", "SELECT count(*) FROM customers WHERE clv_score < 0.2")]
    [InlineData("How many of our customers have placed five or more orders in total - the properly loyal lot?", "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING count(*) >= 5)")]
    [InlineData("How many orders over $1,000 have we had this year? (the really big tickets)", "SELECT count(*) FROM transactions WHERE order_value > 1000 AND transaction_date >= TIMESTAMP '2026-01-01 00:00:00' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00'")]
    [InlineData("How many customers have a churn probability of 0.8 or more - our real flight risks?", "SELECT count(*) FROM customer_scores WHERE churn_probability >= 0.8")]
    public async Task BritishWordingsAndEpithets_AreReadAsAsked(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Fact]
    public async Task ExamplesOfABreakdownsValues_KeepEveryValue() =>
        await RuleAnswers.AssertGroupsAsync(
            database.Path,
            "How many customers have we got from each acquisition channel (organic, paid search, social and so on)?",
            "SELECT acquisition_source, count(*) FROM customers GROUP BY 1");

    [Theory]
    [InlineData("How many customers have a churn probability of 0.8 or more - the new ones?")]
    [InlineData("How many orders over $1,000 have we had this year? (only the online ones)")]
    [InlineData("How many customers from paid channels (paid search, social and so on)?")]
    public async Task AsidesThatRestrict_AreNotDropped(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
}

using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 63: the wordings of the unseen sets blind93, blind95 and blind96 that were misread (month to date read as
/// the year, "distinct customers who placed an order" ranked by orders, a customer's average order value "(all their
/// orders)" read as the orders over the amount, a campaign "compared with the overall" rate answered with the campaign's
/// alone) or declined (a measure's definition in brackets, "the current calendar year", "at some point in their history",
/// "the X category", "through any source other than X"), each checked against SQL that computes what it asks.
/// </summary>
public sealed class LeadStop63Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    [InlineData("AOV mtd", "SELECT avg(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-11-01 00:00:00' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00'")]
    [InlineData("orders qtd", "SELECT count(*) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-01 00:00:00' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00'")]
    [InlineData("rev ytd", "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-01-01 00:00:00' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00'")]
    public async Task PeriodToDateShorthands_AreTheirOwnPeriod(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Fact]
    public async Task WeekToDate_IsThisWeek()
    {
        AnalyticsAnswer shorthand = await RuleAnswers.AskAsync(database.Path, "orders wtd");
        AnalyticsAnswer said = await RuleAnswers.AskAsync(database.Path, "orders this week");

        Assert.Equal(said.Sql, shorthand.Sql);
        Assert.DoesNotContain("-01-01", shorthand.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("number of customers who placed an order in the last 30 days", "SELECT count(DISTINCT customer_id) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-21 12:00:00' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00'")]
    [InlineData("how many customers who made a purchase in Outdoor", "SELECT count(DISTINCT customer_id) FROM transactions WHERE category = 'Outdoor'")]
    public async Task CustomersWhoPlacedAnOrder_AreTheBuyers(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Fact]
    public async Task RankedByDistinctCustomersWhoPlacedAnOrder_RanksByBuyersNotOrders()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "Top 5 cities by distinct customers who placed an order");
        List<string> truth = await RuleAnswers.ColumnAsync(database.Path, "SELECT c.city FROM transactions t JOIN customers c USING (customer_id) GROUP BY 1 ORDER BY count(DISTINCT t.customer_id) DESC, 1 LIMIT 5");

        Assert.Contains("buyers", answer.Restatement, StringComparison.Ordinal);
        Assert.Equal(truth.Order(StringComparer.Ordinal), answer.Rows.Take(5).Select(r => (string)r["city"]!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Count of customers whose average order value (all their orders) is above $800", "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING avg(order_value) > 800)")]
    [InlineData("Please count the customers whose average order value, taken over all of the orders they have ever placed, is above $800.", "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING avg(order_value) > 800)")]
    [InlineData("How many customers have placed 3 or more orders in total, across the whole of their history with us?", "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING count(*) >= 3)")]
    [InlineData("How many customers have, at some point in their history, bought from both the Outdoor category and the Lighting category?", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE category = 'Outdoor' INTERSECT SELECT customer_id FROM transactions WHERE category = 'Lighting')")]
    [InlineData("I need the number of customers who have purchased something in the Outdoor category but who have never purchased anything in the Textiles category.", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE category = 'Outdoor' EXCEPT SELECT customer_id FROM transactions WHERE category = 'Textiles')")]
    public async Task CustomersWholeHistory_IsEveryOrderTheyPlaced(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Theory]
    [InlineData("Please let me know the number of orders (that is, individual transaction records) placed in the Outdoor category during the current calendar year.", "SELECT count(*) FROM transactions WHERE category = 'Outdoor' AND transaction_date >= TIMESTAMP '2026-01-01 00:00:00' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00'")]
    [InlineData("What was our total revenue (the sum of order values) for the whole of the previous calendar month?", "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-01 00:00:00' AND transaction_date < TIMESTAMP '2026-11-01 00:00:00'")]
    [InlineData("What is the average order value (revenue divided by the number of orders) in Canada?", "SELECT avg(t.order_value) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'Canada'")]
    [InlineData("How many customers were acquired in 2025 through any acquisition source other than in-store?", "SELECT count(*) FROM customers WHERE year(created_at) = 2025 AND acquisition_source <> 'in_store'")]
    [InlineData("Of all the customers we hold, what share, expressed as a percentage, were acquired through organic search?", "SELECT avg(CASE WHEN acquisition_source = 'organic_search' THEN 1.0 ELSE 0.0 END) FROM customers")]
    [InlineData("How many customers located in the United Kingdom, other than those based in London, are flagged in their customer scores as exclusivity seekers?", "SELECT count(*) FROM customers c JOIN customer_scores s USING (customer_id) WHERE c.country = 'United Kingdom' AND c.city <> 'London' AND s.exclusivity_seeker")]
    [InlineData("how many diff customers bought Lighting this year", "SELECT count(DISTINCT customer_id) FROM transactions WHERE category = 'Lighting' AND transaction_date >= TIMESTAMP '2026-01-01 00:00:00' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00'")]
    public async Task RestatedWordings_AreReadAsTheQuestionWithoutThem(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Theory]
    [InlineData("How many abandoned carts had a cart value between $100 and $1,000, with both bounds included?", "SELECT count(*) FROM abandoned_carts WHERE cart_value BETWEEN 100 AND 1000")]
    [InlineData("What is the number of customers whose content engagement score lies between 0.4 and 0.6, both ends included?", "SELECT count(*) FROM customer_scores WHERE content_engagement BETWEEN 0.4 AND 0.6")]
    [InlineData("Kindly count the behavioural events of the type search that were recorded during the last 30 days.", "SELECT count(*) FROM behavioral_events WHERE event_type = 'search' AND event_timestamp >= TIMESTAMP '2026-10-21 12:00:00' AND event_timestamp <= TIMESTAMP '2026-11-20 12:00:00'")]
    [InlineData("Could you establish how many customers have a churn probability above 0.5 while at the same time having a discount sensitivity below 0.5?", "SELECT count(*) FROM customer_scores WHERE churn_probability > 0.5 AND discount_sensitivity < 0.5")]
    [InlineData("How many sessions lasted longer than ten minutes, counting each session only once?", "SELECT count(*) FROM (SELECT session_id FROM behavioral_events GROUP BY 1 HAVING max(session_duration_seconds) > 600)")]
    [InlineData("I would like to know how many different product names have ever been sold within the Lighting category, counting each product name only once regardless of how many orders included it.", "SELECT count(DISTINCT product_name) FROM transactions WHERE category = 'Lighting'")]
    [InlineData("how many different product types were sold in Outdoor", "SELECT count(DISTINCT product_type) FROM transactions WHERE category = 'Outdoor'")]
    public async Task FormalWordings_AreReadAsTheQuestionWithoutThem(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Fact]
    public async Task CountingEachOnce_OfAnotherThing_IsNotDropped() =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, "how many units were sold in Lighting, counting each order once");

    [Fact]
    public async Task AcqSource_IsTheAcquisitionSource() =>
        await RuleAnswers.AssertGroupsAsync(database.Path, "customers by acq source", "SELECT acquisition_source, count(*) FROM customers GROUP BY 1");

    [Fact]
    public async Task ComparisonWithTheOverallFigure_IsDeclinedNotAnsweredWithTheGroupAlone() =>
        await RuleAnswers.AssertDeclinedAsync(database.Path, "How does the average order value of Outdoor compare with the overall average order value? One row for each.", "the overall figure");

    [Fact]
    public async Task RatioToTheOverallFigure_IsStillAnswered() =>
        await RuleAnswers.AssertValueAsync(database.Path, "ratio of Outdoor average order value to the overall average order value",
            "SELECT (SELECT avg(order_value) FROM transactions WHERE category = 'Outdoor') / (SELECT avg(order_value) FROM transactions)", nonZero: true);

    [Fact]
    public async Task ValueWithItsBreakdown_ReadAsAskedWhenThatIsAnswered()
    {
        // blind17: said as the value alone ("in campaigns using free_shipping_offer"), "campaigns" was read as a breakdown.
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "Total attributed revenue from treated customers in campaigns using the free_shipping_offer trigger");

        Assert.Single(answer.Rows);
        Assert.DoesNotContain("for each", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    // A word after "the" that is no value of the breakdown named after it is left to the reading.
    [InlineData("How many customers bought from the premium category?")]
    public async Task ValueTheLayerDoesNotHold_IsNotDropped(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
}

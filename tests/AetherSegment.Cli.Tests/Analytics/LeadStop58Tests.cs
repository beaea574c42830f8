using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 58 (lead): two ranges each said at the end of its own clause, the retention share said with "this year",
/// and the wordings of blind82 the rules declined, each checked on a real DuckDB store (as-of 2026-11-20 12:00 UTC)
/// against SQL that computes the truth, with near wordings that must stay declined.
/// </summary>
public sealed class LeadStop58Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string AsOf = "TIMESTAMP '2026-11-20 12:00:00'";

    [Theory]
    [InlineData(
        "How many customers abandoned a cart in the last 7 days and bought something in the last 30 days?",
        "SELECT count(*) FROM (SELECT customer_id FROM abandoned_carts WHERE abandoned_at >= " + AsOf + " - INTERVAL 7 DAY INTERSECT SELECT customer_id FROM transactions WHERE transaction_date >= " + AsOf + " - INTERVAL 30 DAY)")]
    [InlineData(
        "how many customers bought Lighting in 2025 and bought Outdoor this year",
        "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE category = 'Lighting' AND year(transaction_date) = 2025 INTERSECT SELECT customer_id FROM transactions WHERE category = 'Outdoor' AND year(transaction_date) = 2026)")]
    [InlineData(
        "how many customers bought in 2025 and bought this year",
        "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE year(transaction_date) = 2025 INTERSECT SELECT customer_id FROM transactions WHERE year(transaction_date) = 2026)")]
    [InlineData(
        "How many customers bought Outdoor products this year but made no Outdoor purchase in 2025?",
        "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE category = 'Outdoor' AND year(transaction_date) = 2026 EXCEPT SELECT customer_id FROM transactions WHERE category = 'Outdoor' AND year(transaction_date) = 2025)")]
    [InlineData(
        "customers who bought Outdoor this year but not in 2025",
        "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE category = 'Outdoor' AND year(transaction_date) = 2026 EXCEPT SELECT customer_id FROM transactions WHERE category = 'Outdoor' AND year(transaction_date) = 2025)")]
    [InlineData(
        "How many customers were actually sent the CMP003 campaign (treatment group, not the holdout)?",
        "SELECT count(DISTINCT customer_id) FROM campaign_history WHERE campaign_id = 'CMP003' AND \"group\" = 'treatment'")]
    public async Task EachClauseKeepsItsOwnRange(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Fact]
    public async Task RetentionSaidWithThisYear_IsTheShareOfLastYearsBuyers() =>
        await RuleAnswers.AssertValueAsync(
            database.Path,
            "Of the customers who bought something in 2025, what fraction also bought something this year?",
            "SELECT count(*) FILTER (WHERE customer_id IN (SELECT customer_id FROM transactions WHERE year(transaction_date) = 2026)) * 1.0 / count(*) FROM (SELECT DISTINCT customer_id FROM transactions WHERE year(transaction_date) = 2025)",
            nonZero: true);

    [Theory]
    [InlineData("how many customers abandoned a cart in the last 7 days and in the last 30 days")]
    [InlineData("revenue in 2025 and orders this year")]
    [InlineData("how many customers bought a sofa in 2025 and the average order value this year")]
    public async Task TwoRangesWithoutAClauseEach_StayDeclined(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);

    [Fact]
    public async Task TwoClauseRanges_AreRestated()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "How many customers abandoned a cart in the last 7 days and bought something in the last 30 days?");

        Assert.Contains("last 7 days", answer.Restatement, StringComparison.Ordinal);
        Assert.Contains("last 30 days", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how many customers viewed a sofa and bought a sofa")]
    [InlineData("how many customers viewed a sofa and bought something")]
    [InlineData("customers who added a sofa to their cart and bought a sofa")]
    public async Task AValueSaidAfterBothVerbsButReadOnOne_IsDeclined(string question) =>
        await RuleAnswers.AssertDeclinedAsync(database.Path, question, "is said after");

    [Fact]
    public async Task AValueSaidForBothWithOne_KeepsItsReading() =>
        await RuleAnswers.AssertValueAsync(
            database.Path,
            "how many customers viewed sofas but never bought one",
            "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events WHERE event_type = 'product_view' AND product_type = 'Sofas' EXCEPT SELECT customer_id FROM transactions WHERE product_type = 'Sofas')",
            nonZero: true);

    [Theory]
    [InlineData("how many abandoned carts were worth more than 500 bucks", "SELECT count(*) FROM abandoned_carts WHERE cart_value > 500")]
    [InlineData("percentage of customers flagged exclusivity seeker?", "SELECT avg(CASE WHEN exclusivity_seeker THEN 1.0 ELSE 0 END) FROM customer_scores")]
    [InlineData("new customers in Australia this year, how many? (by signup date)", "SELECT count(*) FROM customers WHERE country = 'Australia' AND created_at >= TIMESTAMP '2026-01-01'")]
    [InlineData("total revenue last year - the full year", "SELECT sum(order_value) FROM transactions WHERE year(transaction_date) = 2025")]
    [InlineData("on average how many items are in an abandoned cart", "SELECT avg(item_count) FROM abandoned_carts")]
    [InlineData("number of orders in Lighting - all time, not just this year", "SELECT count(*) FROM transactions WHERE category = 'Lighting'")]
    [InlineData("how many customers came in thru paid search? (acquisition source I mean, not the campaign)", "SELECT count(*) FROM customers WHERE acquisition_source = 'paid_search'")]
    [InlineData("how many customers bought Lighting and also Textiles (any time, doesn't have to be same order)", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE category = 'Lighting' INTERSECT SELECT customer_id FROM transactions WHERE category = 'Textiles')")]
    [InlineData("customers who added stuff to a wishlist but have never ordered anything at all", "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events WHERE event_type = 'wishlist_add' EXCEPT SELECT customer_id FROM transactions)")]
    [InlineData("what percentage of buyers have ever bought something from Outdoor - buyers meaning anyone with at least one order", "SELECT count(DISTINCT customer_id) FILTER (WHERE category = 'Outdoor') * 1.0 / count(DISTINCT customer_id) FROM transactions")]
    [InlineData("how many customers are really discount sensitive - say discount sensitivity over 0.8 - and also have a churn probability under 0.3?", "SELECT count(*) FROM customer_scores WHERE discount_sensitivity > 0.8 AND churn_probability < 0.3")]
    [InlineData("how many different customers have used the room planner tool at all", "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'room_planner_use'")]
    [InlineData("what's the average lifetime spend per buyer (total spend per customer, averaged across everyone who's bought)", "SELECT sum(order_value) / count(DISTINCT customer_id) FROM transactions")]
    [InlineData("median total spend per customer in 2025, among people who bought that year", "SELECT median(s) FROM (SELECT sum(order_value) s FROM transactions WHERE year(transaction_date) = 2025 GROUP BY customer_id)")]
    [InlineData("How many one-time buyers do we have, i.e. customers with exactly one order?", "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY customer_id HAVING count(*) = 1)")]
    [InlineData("How many shoppers have looked at sofas (product views) but never bought one?", "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events WHERE event_type = 'product_view' AND product_type = 'Sofas' EXCEPT SELECT customer_id FROM transactions WHERE product_type = 'Sofas')")]
    [InlineData("total attributed revenue from the CMP003 campaign (treatment groups only, not the holdouts)", "SELECT sum(revenue) FROM campaign_history WHERE campaign_id = 'CMP003' AND \"group\" = 'treatment'")]
    public async Task Blind84Wordings_AreReadAsTheQuestionTheyRestate(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Theory]
    [InlineData("what are the top 3 categories people add to their wishlist", "SELECT category, n FROM (SELECT category, count(*) n, rank() OVER (ORDER BY count(*) DESC) r FROM behavioral_events WHERE event_type = 'wishlist_add' GROUP BY category) WHERE r <= 3")]
    [InlineData("best sellers last month - top 3 product types by number of orders", "SELECT product_type, n FROM (SELECT product_type, count(*) n, rank() OVER (ORDER BY count(*) DESC) r FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01' GROUP BY product_type) WHERE r <= 3")]
    [InlineData("Give me revenue by month for this year, in month order", "SELECT date_trunc('month', transaction_date), sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-01-01' GROUP BY 1")]
    public async Task Blind84Lists_AreTheGroupsAsked(string question, string truth) =>
        await RuleAnswers.AssertGroupsAsync(database.Path, question, truth);

    [Fact]
    public async Task HighestToLowest_ListsEveryGroupInThatOrder_NotTheTopOne()
    {
        AnalyticsAnswer answer = await RuleAnswers.AssertGroupsAsync(
            database.Path,
            "avg order value for each category, highest to lowest",
            "SELECT category, avg(order_value) FROM transactions GROUP BY category");

        List<double> values = [.. answer.Rows.Select(r => Convert.ToDouble(r[answer.Columns[^1]], System.Globalization.CultureInfo.InvariantCulture))];
        Assert.True(values.Count > 1);
        Assert.Equal(values.OrderDescending(), values);
    }

    [Fact]
    public async Task LowestToHighest_ListsAscending()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "revenue by country, lowest to highest");

        List<double> values = [.. answer.Rows.Select(r => Convert.ToDouble(r[answer.Columns[^1]], System.Globalization.CultureInfo.InvariantCulture))];
        Assert.True(values.Count > 1);
        Assert.Equal(values.Order(), values);
    }

    [Fact]
    public async Task BySignupDate_WithoutNewCustomers_IsNotDropped() =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, "revenue from Australia (by sign-up date) this year");

    [Theory]
    [InlineData("What % of behavioral events come from the iOS or Android apps (as opposed to web)?", "SELECT count(*) FILTER (WHERE device IN ('ios', 'android')) * 1.0 / count(*) FROM behavioral_events")]
    [InlineData("How much attributed revenue did the CMP003 campaign bring in? Treatment group only, obviously.", "SELECT sum(revenue) FROM campaign_history WHERE campaign_id = 'CMP003' AND \"group\" = 'treatment'")]
    public async Task Blind85Asides_AreDropped(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Fact]
    public async Task TopNWithTheirCounts_IsTheTopN() =>
        await RuleAnswers.AssertGroupsAsync(
            database.Path,
            "Which category gets the most wishlist adds? Show the top 3 with their counts",
            "SELECT category, n FROM (SELECT category, count(*) n, rank() OVER (ORDER BY count(*) DESC) r FROM behavioral_events WHERE event_type = 'wishlist_add' GROUP BY category) WHERE r <= 3");

    [Fact]
    public async Task BestTriggerFirst_ListsTheUpliftPerTriggerDescending()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "For each trigger type, what's the uplift (treatment conversion rate minus control conversion rate), pooling all the campaigns that used that trigger? Best trigger first.");

        List<double> values = [.. answer.Rows.Select(r => Convert.ToDouble(r[answer.Columns[^1]], System.Globalization.CultureInfo.InvariantCulture))];
        Assert.True(values.Count > 1);
        Assert.Equal(values.OrderDescending(), values);
    }
}

using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 59 (lead): the wrong answers of the unseen sets blind86-88 (two values said each on its own read as one
/// filter beside a breakdown by another dimension; a second figure asked after a count; "A events as a % of B events" read
/// as each type's share of all events) and their wordings the rules declined (shorthand, asides), each checked on a real
/// DuckDB store against SQL that computes the truth, with near wordings that keep their reading.
/// </summary>
public sealed class LeadStop59Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    [InlineData("What are the top 3 categories by number of orders in the UK, and the top 3 in the US?")]
    [InlineData("What are the 3 most viewed product types on iOS versus on Android?")]
    [InlineData("Show this year's revenue by category for Canada and for Australia.")]
    [InlineData("orders per category in the UK vs the US")]
    [InlineData("revenue in Canada versus Australia by category")]
    [InlineData("How much attributed revenue did treatment groups bring in for campaigns with the cart reminder trigger, versus campaigns with the free shipping offer trigger?")]
    public async Task ValuesSaidEachOnItsOwn_BesideABreakdownByAnother_AreDeclined(string question) =>
        await RuleAnswers.AssertDeclinedAsync(database.Path, question, "are said each on its own");

    [Fact]
    public async Task ValuesSaidTogether_BesideABreakdown_KeepTheirReading() =>
        await RuleAnswers.AssertGroupsAsync(
            database.Path,
            "orders per category in the UK and the US",
            "SELECT t.category, count(*) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country IN ('United Kingdom', 'United States') GROUP BY 1");

    [Fact]
    public async Task ValuesContrasted_AsTheBreakdownItself_KeepTheirReading() =>
        await RuleAnswers.AssertGroupsAsync(
            database.Path,
            "UK vs US revenue",
            "SELECT c.country, sum(order_value) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country IN ('United Kingdom', 'United States') GROUP BY 1");

    [Theory]
    [InlineData("For each country, how many abandoned carts are there and what are they worth in total?")]
    [InlineData("how many abandoned carts are there and what are they worth")]
    public async Task ASecondFigureAfterACount_IsDeclined(string question) =>
        await RuleAnswers.AssertDeclinedAsync(database.Path, question, "asks for a second figure");

    [Fact]
    public async Task AsAPercentOf_IsRestatedAsAPercentage()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "checkout_start events as a % of add_to_cart events");

        Assert.Contains("as a percentage of", answer.Restatement, StringComparison.Ordinal);
        Assert.Equal("percent_of_events", answer.Columns[0]);
    }

    [Theory]
    [InlineData("checkout_start events as a % of add_to_cart events")]
    [InlineData("checkout starts as a percentage of add to cart events")]
    public async Task OneEventTypeAsAPercentOfAnother_IsTheirRatioInPercent(string question) =>
        await RuleAnswers.AssertValueAsync(
            database.Path,
            question,
            "SELECT count(*) FILTER (WHERE event_type = 'checkout_start') * 100.0 / count(*) FILTER (WHERE event_type = 'add_to_cart') FROM behavioral_events",
            nonZero: true);

    [Theory]
    [InlineData("how many custs w/ clv score of at least 0.5", "SELECT count(*) FROM customers WHERE clv_score >= 0.5")]
    [InlineData("customers w/o any orders", "SELECT count(*) FROM customers WHERE customer_id NOT IN (SELECT customer_id FROM transactions)")]
    [InlineData("avg # of items per abandoned cart", "SELECT avg(item_count) FROM abandoned_carts")]
    [InlineData("avg # of orders per buyer (custs w/ at least 1 order)", "SELECT count(*) * 1.0 / count(DISTINCT customer_id) FROM transactions")]
    [InlineData("what % of buyers ordered more than once (repeat rate)", "SELECT avg(CASE WHEN n > 1 THEN 1.0 ELSE 0 END) FROM (SELECT count(*) n FROM transactions GROUP BY customer_id)")]
    [InlineData("how many custs used the room planner and also made a purchase (any time)", "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events WHERE event_type = 'room_planner_use' INTERSECT SELECT customer_id FROM transactions)")]
    public async Task Blind86Shorthand_IsReadAsItsWords(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Fact]
    public async Task LowerConversionInTreatmentThanControl_IsTheCampaignsWithUpliftBelowZero() =>
        await RuleAnswers.AssertGroupsAsync(
            database.Path,
            "Which campaigns had a lower conversion rate in the treatment group than in the control group?",
            "SELECT campaign_name, u FROM (SELECT campaign_name, avg(CASE WHEN \"group\" = 'treatment' THEN CASE WHEN converted THEN 1.0 ELSE 0 END END) - avg(CASE WHEN \"group\" = 'control' THEN CASE WHEN converted THEN 1.0 ELSE 0 END END) u FROM campaign_history GROUP BY 1) WHERE u < 0");

    [Fact]
    public async Task ShowEachSeparately_IsABreakdown() =>
        await RuleAnswers.AssertGroupsAsync(
            database.Path,
            "How many Outdoor orders and how many Lighting orders were placed? Show each category separately.",
            "SELECT category, count(*) FROM transactions WHERE category IN ('Outdoor', 'Lighting') GROUP BY 1");

    [Fact]
    public async Task WhichNCustomers_ReadAsAnotherList_IsDeclined() =>
        await RuleAnswers.AssertDeclinedAsync(database.Path, "Which 5 customers in the United Kingdom spent the most on Bedroom products, and how much did each spend?", "asks for customers");

    [Theory]
    [InlineData("I'd like to know how many orders we took in 2025.", "SELECT count(*) FROM transactions WHERE year(transaction_date) = 2025")]
    [InlineData("Could you tell me how many shopping carts were abandoned?", "SELECT count(*) FROM abandoned_carts")]
    [InlineData("How many customers bought something from the Outdoor category but have never bought anything from Lighting?", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE category = 'Outdoor' EXCEPT SELECT customer_id FROM transactions WHERE category = 'Lighting')")]
    [InlineData("Could you tell me how many customers added at least one item to their wishlist but have never placed an order?", "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events WHERE event_type = 'wishlist_add' EXCEPT SELECT customer_id FROM transactions)")]
    public async Task Blind87Wordings_AreReadAsTheQuestionTheyAsk(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Fact]
    public async Task WhichNProductsSoldTheMostUnits_IsTheTopNByUnits() =>
        await RuleAnswers.AssertGroupsAsync(
            database.Path,
            "I'd like to know which 3 product types sold the most units.",
            "SELECT product_type, u FROM (SELECT product_type, sum(quantity) u, rank() OVER (ORDER BY sum(quantity) DESC) r FROM transactions GROUP BY 1) WHERE r <= 3");

    [Fact]
    public async Task AnOrderInEachOfTwoRanges_IsRead_AsRewritten() =>
        await RuleAnswers.AssertValueAsync(
            database.Path,
            "Could you tell me how many customers placed at least one order in 2025 and at least one order this year?",
            "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE year(transaction_date) = 2025 INTERSECT SELECT customer_id FROM transactions WHERE year(transaction_date) = 2026)",
            nonZero: true);

    [Fact]
    public async Task SpendPerCustomer_CountingOnlyThatYearsBuyers_IsPerBuyer() =>
        await RuleAnswers.AssertValueAsync(
            database.Path,
            "What was the average total spend per customer in 2025, counting only customers who bought something that year?",
            "SELECT sum(order_value) / count(DISTINCT customer_id) FROM transactions WHERE year(transaction_date) = 2025",
            nonZero: true);

    [Fact]
    public async Task CartsAbandonedInARange_WorthAndHeldItems_AreTwoThresholdsOnEachCart() =>
        await RuleAnswers.AssertValueAsync(
            database.Path,
            "How many carts abandoned in the last 30 days were worth more than $300 and held at least two items?",
            "SELECT count(*) FROM abandoned_carts WHERE cart_value > 300 AND item_count >= 2 AND abandoned_at >= TIMESTAMP '2026-11-20 12:00:00' - INTERVAL 30 DAY AND abandoned_at <= TIMESTAMP '2026-11-20 12:00:00'",
            nonZero: true);

    [Fact]
    public async Task CompareTheLastNDaysWithTheNDaysBefore_IsOneRowPerPeriod()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "Could you compare our revenue in the last 7 days with the revenue in the 7 days before that?");
        Dictionary<string, double> truth = await RuleAnswers.GroupsAsync(
            database.Path,
            "SELECT 'last', sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-11-20 12:00:00' - INTERVAL 7 DAY AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00' "
            + "UNION ALL SELECT 'before', sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-11-20 12:00:00' - INTERVAL 14 DAY AND transaction_date < TIMESTAMP '2026-11-20 12:00:00' - INTERVAL 7 DAY");

        List<double> values = [.. answer.Rows.Select(r => Convert.ToDouble(r[answer.Columns[^1]], System.Globalization.CultureInfo.InvariantCulture))];
        Assert.Equal([truth["before"], truth["last"]], values, new PrecisionComparer(6));
    }

    private sealed class PrecisionComparer(int digits) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Round(x - y, digits) == 0;

        public int GetHashCode(double obj) => 0;
    }
}

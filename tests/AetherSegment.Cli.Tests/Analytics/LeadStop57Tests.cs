using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 57 (lead): wordings of the set blind79 that the rules declined or read as another question, each checked
/// on a real DuckDB store (as-of 2026-11-20 12:00 UTC) against SQL that computes the truth, with near wordings that must
/// keep their reading or stay declined.
/// </summary>
public sealed class LeadStop57Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    [InlineData("What fraction of the CMP003 treatment group converted?")]
    [InlineData("what percentage of the CMP003 treatment group customers converted")]
    public async Task AShareOfATreatmentGroupThatConverted_IsItsConversionRate(string question) =>
        await RuleAnswers.AssertValueAsync(
            database.Path,
            question,
            "SELECT avg(CASE WHEN converted THEN 1.0 ELSE 0 END) FROM campaign_history WHERE campaign_id = 'CMP003' AND \"group\" = 'treatment'",
            nonZero: true);

    [Theory]
    [InlineData("what fraction of UK customers converted")]
    [InlineData("What share of our email-acquired customers converted?")]
    public async Task AShareOfOtherPeopleThatConverted_IsDeclined_NotTheirPartOfAllConversions(string question) =>
        await RuleAnswers.AssertDeclinedAsync(database.Path, question, "asks for a rate among those people");

    [Fact]
    public async Task AShareOfConversionsFromAPlace_KeepsItsReading() =>
        await RuleAnswers.AssertValueAsync(
            database.Path,
            "what share of conversions came from the UK",
            "SELECT count(*) FILTER (WHERE c.country = 'United Kingdom') * 1.0 / count(*) FROM campaign_history h JOIN customers c USING (customer_id) WHERE h.converted AND h.\"group\" = 'treatment'",
            nonZero: true);

    [Fact]
    public async Task CartsPeopleLeft_AreTheirCarts() =>
        await RuleAnswers.AssertValueAsync(
            database.Path,
            "How many abandoned carts did Australian customers leave in the last 30 days?",
            "SELECT count(*) FROM abandoned_carts a JOIN customers c USING (customer_id) WHERE c.country = 'Australia' AND a.abandoned_at >= TIMESTAMP '2026-10-21 12:00:00'",
            nonZero: true);

    [Theory]
    [InlineData("How many abandoned carts had a value between $200 and $400?", "SELECT count(*) FROM abandoned_carts WHERE cart_value BETWEEN 200 AND 400")]
    [InlineData("how many orders had a value over $1,500", "SELECT count(*) FROM transactions WHERE order_value > 1500")]
    public async Task RowsThatHadAValue_AreRowsWorthIt(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Theory]
    [InlineData("How many candles did we sell this year? (units, not orders)", "SELECT sum(quantity) FROM transactions WHERE product_type = 'Candles' AND transaction_date >= TIMESTAMP '2026-01-01'")]
    [InlineData("how many sofas have we sold", "SELECT sum(quantity) FROM transactions WHERE product_type = 'Sofas'")]
    public async Task HowManyOfAProductWeSold_IsItsUnits(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Fact]
    public async Task HowManyOfACategoryWeSold_IsItsUnits() =>
        await RuleAnswers.AssertValueAsync(database.Path, "how many Outdoor did we sell", "SELECT sum(quantity) FROM transactions WHERE category = 'Outdoor'", nonZero: true);

    [Fact]
    public async Task HowManyOfSomethingElseWeSold_IsNotRewritten() =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, "how many chandeliers did we sell");

    [Fact]
    public async Task LastMonthMinusTheMonthBefore_IsTheChangeBetweenThem()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "Revenue last month minus revenue the month before - how much did it change?");

        double october = await RuleAnswers.TruthAsync(database.Path, "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01'");
        double september = await RuleAnswers.TruthAsync(database.Path, "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-09-01' AND transaction_date < TIMESTAMP '2026-10-01'");
        Assert.Equal(october - september, RuleAnswers.Single(answer), 2);
    }

    [Theory]
    [InlineData("how many customers bought a sofa AND a mattress in the same year 2026?", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE product_type = 'Sofas' AND year(transaction_date) = 2026 INTERSECT SELECT customer_id FROM transactions WHERE product_type = 'Mattresses' AND year(transaction_date) = 2026)")]
    [InlineData("how many customers bought Lighting, Textiles and Outdoor (all three)?", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE category = 'Lighting' INTERSECT SELECT customer_id FROM transactions WHERE category = 'Textiles' INTERSECT SELECT customer_id FROM transactions WHERE category = 'Outdoor')")]
    [InlineData("Customers who bought Outdoor in 2025 but have not bought Outdoor in 2026 - how many?", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE category = 'Outdoor' AND year(transaction_date) = 2025 EXCEPT SELECT customer_id FROM transactions WHERE category = 'Outdoor' AND year(transaction_date) = 2026)")]
    [InlineData("How many sofas were ordered by US customers? I mean number of orders", "SELECT count(*) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'United States' AND t.product_type = 'Sofas'")]
    [InlineData("How many customers spent at least $1,000 in a single order in the last 6 months?", "SELECT count(DISTINCT customer_id) FROM transactions WHERE order_value >= 1000 AND transaction_date >= TIMESTAMP '2026-05-20 12:00:00'")]
    [InlineData("quick one - how many folks do we have in Melbourne + Brisbane combined?", "SELECT count(*) FROM customers WHERE city IN ('Melbourne', 'Brisbane')")]
    [InlineData("How many treatment sends did CMP003 have?", "SELECT count(*) FROM campaign_history WHERE campaign_id = 'CMP003' AND \"group\" = 'treatment'")]
    [InlineData("How much attributed revenue did CMP003 generate from treatment customers?", "SELECT sum(revenue) FROM campaign_history WHERE campaign_id = 'CMP003' AND \"group\" = 'treatment'")]
    public async Task WordingsOfBlind80_AreRead(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Theory]
    [InlineData("average number of items per abandoned cart", "SELECT avg(item_count) FROM abandoned_carts")]
    [InlineData("Median 2026 spend per buyer (only people who bought this year)", "SELECT median(s) FROM (SELECT customer_id, sum(order_value) s FROM transactions WHERE year(transaction_date) = 2026 GROUP BY 1)")]
    [InlineData("Average order value this year vs last year - what's the difference (this year minus last)?", "SELECT avg(order_value) FILTER (WHERE year(transaction_date) = 2026) - avg(order_value) FILTER (WHERE year(transaction_date) = 2025) FROM transactions")]
    public async Task AveragesAndDifferencesOfBlind80_AreRead(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 4, nonZero: true);

    [Fact]
    public async Task HowManyOfAProductWereOrdered_WithoutAnAside_IsItsUnits() =>
        await RuleAnswers.AssertValueAsync(database.Path, "How many sofas were ordered by US customers?", "SELECT sum(t.quantity) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'United States' AND t.product_type = 'Sofas'", nonZero: true);

    [Fact]
    public async Task LabelsThatRestateTheComparisons_AddNoFilter() =>
        await RuleAnswers.AssertValueAsync(
            database.Path,
            "How many folks have a CLV score above 0.8 but a churn probability over 0.5 (high value, at risk)?",
            "SELECT count(*) FROM customers c JOIN customer_scores s USING (customer_id) WHERE c.clv_score > 0.8 AND s.churn_probability > 0.5",
            nonZero: true);

    [Fact]
    public async Task ALabelWithoutAComparison_StaysAFilter() =>
        await RuleAnswers.AssertValueAsync(database.Path, "how many customers in London (high value)?", "SELECT count(*) FROM customers WHERE city = 'London' AND clv_score >= 0.7", nonZero: true);

    [Theory]
    [InlineData("How many customers have bought both a sofa and a mattress (ever, not necessarily together)?", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE product_type = 'Sofas' INTERSECT SELECT customer_id FROM transactions WHERE product_type = 'Mattresses')")]
    [InlineData("what's the biggest total lifetime spend of any one Australian customer? (just the dollar amount)", "SELECT max(s) FROM (SELECT t.customer_id, sum(t.order_value) s FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'Australia' GROUP BY 1)")]
    [InlineData("What fraction of 2025 orders were over a grand ($1,000)?", "SELECT avg(CASE WHEN order_value > 1000 THEN 1.0 ELSE 0 END) FROM transactions WHERE year(transaction_date) = 2025")]
    [InlineData("Revenue growth October vs September (2026) - give it as a fraction, e.g. 0.12 for +12%", "SELECT sum(order_value) FILTER (WHERE month(transaction_date) = 10 AND year(transaction_date) = 2026) / sum(order_value) FILTER (WHERE month(transaction_date) = 9 AND year(transaction_date) = 2026) - 1 FROM transactions")]
    [InlineData("how many times did people add Lighting items to their wishlist in the last 90 days?", "SELECT count(*) FROM behavioral_events WHERE event_type = 'wishlist_add' AND category = 'Lighting' AND event_timestamp >= TIMESTAMP '2026-08-22 12:00:00'")]
    public async Task AsidesOfBlind81_AreRead(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 4, nonZero: true);

    [Fact]
    public async Task ANumberBesideAFormatExample_IsStillChecked() =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, "revenue growth October vs September 2026, e.g. 0.12 for +12%, over 500");

    [Fact]
    public async Task TheHighestSpendOfAnySingleCustomer_KeepsItsReading() =>
        await RuleAnswers.AssertValueAsync(database.Path, "highest lifetime spend of any single customer", "SELECT max(s) FROM (SELECT customer_id, sum(order_value) s FROM transactions GROUP BY 1)", precision: 4, nonZero: true);
}

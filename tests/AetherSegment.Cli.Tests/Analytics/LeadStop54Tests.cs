namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 54 (lead): wordings of the unseen sets blind72-78 that the rules declined, each checked on a real DuckDB
/// store (as-of 2026-11-20 12:00 UTC) against SQL that computes the truth, with near wordings that must keep their reading.
/// </summary>
public sealed class LeadStop54Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    [InlineData("How many customers have shopped on both iOS and Android?", "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events WHERE device = 'ios' INTERSECT SELECT customer_id FROM behavioral_events WHERE device = 'android')")]
    [InlineData("How many distinct customers visited us on web?", "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE device = 'web'")]
    [InlineData("how many customers were active on android", "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE device = 'android'")]
    public async Task ShoppedOrVisitedOnAValueOfEvents_IsHavingEventsThere(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Theory]
    [InlineData("Count of customers in Toronto, Vancouver and Montreal combined who are flagged as exclusivity seekers", "SELECT count(*) FROM customers c JOIN customer_scores s USING (customer_id) WHERE c.city IN ('Toronto', 'Vancouver', 'Montreal') AND s.exclusivity_seeker")]
    [InlineData("how many customers in London and Manchester combined", "SELECT count(*) FROM customers WHERE city IN ('London', 'Manchester')")]
    [InlineData("revenue from Sofas, Armchairs and Coffee Tables added together", "SELECT sum(order_value) FROM transactions WHERE product_type IN ('Sofas', 'Armchairs', 'Coffee Tables')")]
    public async Task ValuesOfOneDimensionCombined_AreOneTotal(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 2, nonZero: true);

    [Fact]
    public async Task ValuesListedWithoutCombined_KeepTheirRowEach() =>
        await RuleAnswers.AssertGroupsAsync(database.Path, "customers in London, Manchester and Leeds", "SELECT city, count(*) FROM customers WHERE city IN ('London', 'Manchester', 'Leeds') GROUP BY 1");

    [Theory]
    [InlineData("how many customers do we have in Canada, just roughly the count of them (all of Canada, any city)?", "SELECT count(*) FROM customers WHERE country = 'Canada'")]
    [InlineData("How many mattress orders have we had altogether?", "SELECT count(*) FROM transactions WHERE product_type = 'Mattresses'")]
    [InlineData("who placed 2+ Textiles orders? just need the headcount", "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE category = 'Textiles' GROUP BY 1 HAVING count(*) >= 2)")]
    [InlineData("How many customers viewed products at least three times?", "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events WHERE event_type = 'product_view' GROUP BY 1 HAVING count(*) >= 3)")]
    [InlineData("How many customers viewed products at least 3 times (all devices added together)?", "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events WHERE event_type = 'product_view' GROUP BY 1 HAVING count(*) >= 3)")]
    public async Task WordsThatChangeNothing_AreRead(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Theory]
    [InlineData("How many abandoned carts had two items in them?", "SELECT count(*) FROM abandoned_carts WHERE item_count = 2")]
    [InlineData("how many abandoned carts with 3 items", "SELECT count(*) FROM abandoned_carts WHERE item_count = 3")]
    [InlineData("quick one - how many abandoned carts have two or more items in them (item count 2+), any date?", "SELECT count(*) FROM abandoned_carts WHERE item_count >= 2")]
    [InlineData("how many customers left behind a cart with 2 or more items in it?", "SELECT count(DISTINCT customer_id) FROM abandoned_carts WHERE item_count >= 2")]
    public async Task CartsByTheirItems_AreCountedByItemCount(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Theory]
    [InlineData("How many checkouts were started?", "SELECT count(*) FROM behavioral_events WHERE event_type = 'checkout_start'")]
    [InlineData("How many searches did people run?", "SELECT count(*) FROM behavioral_events WHERE event_type = 'search'")]
    public async Task EventsSaidWithAVerbOfDoing_AreTheEvents(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    // A session's start is its own measure (sessions counted by the event that starts them), and an amount said roughly
    // is not an amount said exactly: both stay declined. A bracket that says another item count is not a restatement.
    [Theory]
    [InlineData("How many web sessions have started this month?")]
    [InlineData("how many customers spent roughly $500")]
    [InlineData("how many abandoned carts have two or more items in them (item count 3+)?")]
    public async Task WordingsThatSaySomethingElse_StayDeclined(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);

    private const string LiftTruth = "SELECT (avg(CASE WHEN converted THEN 1.0 ELSE 0 END) FILTER (WHERE \"group\" = 'treatment') - avg(CASE WHEN converted THEN 1.0 ELSE 0 END) FILTER (WHERE \"group\" = 'control')) FROM campaign_history WHERE campaign_id = 'CMP003'";

    [Theory]
    [InlineData("For CMP003, what was the conversion rate in treatment minus the conversion rate in control, in percentage points?")]
    [InlineData("incremental lift for CMP003 - treatment conv rate minus control conv rate, in percentage points")]
    [InlineData("CMP003: conversion rate of the treatment group minus conversion rate of the control group")]
    public async Task TreatmentRateMinusControlRate_IsTheCampaignUplift(string question) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, LiftTruth, precision: 4);

    [Fact]
    public async Task AKeyAskedForAfterTheQuestion_KeysTheRanking() =>
        await RuleAnswers.AssertGroupsAsync(
            database.Path,
            "Which campaign had the most conversions? give the campaign id",
            "SELECT campaign_id, count(*) FILTER (WHERE converted AND \"group\" = 'treatment') AS n FROM campaign_history GROUP BY 1 ORDER BY n DESC LIMIT 1");

    // "and the revenue" names a measure the question did not ask about: not a restatement, so not read as one.
    [Fact]
    public async Task AKeyAskedWithAnotherMeasure_IsNotRead() =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, "Which campaign had the most conversions? give the campaign id and the revenue");

    // Customers said only to frame where the events happened: the events are counted.
    [Theory]
    [InlineData("Among Australian customers, which device logs the most room planner uses?", "SELECT e.device, count(*) FROM behavioral_events e JOIN customers c USING (customer_id) WHERE c.country = 'Australia' AND e.event_type = 'room_planner_use' GROUP BY 1 ORDER BY 2 DESC LIMIT 1")]
    [InlineData("For UK customers, which device had the most AR views?", "SELECT e.device, count(*) FROM behavioral_events e JOIN customers c USING (customer_id) WHERE c.country = 'United Kingdom' AND e.event_type = 'ar_view' GROUP BY 1 ORDER BY 2 DESC LIMIT 1")]
    public async Task CustomersThatOnlyFrameTheEvents_CountTheEvents(string question, string truth) =>
        await RuleAnswers.AssertGroupsAsync(database.Path, question, truth);

    // People asked for per device cannot be counted (customers are not split by a breakdown of events): still declined.
    [Theory]
    [InlineData("which device has the most room planner users among Australian customers?")]
    [InlineData("which device has the most customers who used the room planner?")]
    public async Task PeopleAskedForPerDevice_StayDeclined(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);

    // An "or" between two cities made "bought both <X> and <Y>" a count of buyers of either (a wrong answer on main).
    [Theory]
    [InlineData("how many customers in London or Manchester bought from both Lighting and Textiles?", "SELECT count(*) FROM customers c WHERE c.city IN ('London', 'Manchester') AND EXISTS (SELECT 1 FROM transactions t WHERE t.customer_id = c.customer_id AND t.category = 'Lighting') AND EXISTS (SELECT 1 FROM transactions t WHERE t.customer_id = c.customer_id AND t.category = 'Textiles')")]
    [InlineData("how many customers in London or Manchester bought Lighting and Textiles?", "SELECT count(*) FROM customers c WHERE c.city IN ('London', 'Manchester') AND EXISTS (SELECT 1 FROM transactions t WHERE t.customer_id = c.customer_id AND t.category = 'Lighting') AND EXISTS (SELECT 1 FROM transactions t WHERE t.customer_id = c.customer_id AND t.category = 'Textiles')")]
    [InlineData("how many customers in London bought either Lighting or Textiles?", "SELECT count(DISTINCT t.customer_id) FROM transactions t JOIN customers c USING (customer_id) WHERE c.city = 'London' AND t.category IN ('Lighting', 'Textiles')")]
    public async Task AnOrBetweenOtherValues_DoesNotMakeBothEither(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    // Asides that define a treatment-group figure as it is already read.
    [Theory]
    [InlineData("How many distinct customers have ever actually been sent a cart_reminder campaign (treatment group only, holdouts don't count)?", "SELECT count(DISTINCT customer_id) FROM campaign_history WHERE trigger_type = 'cart_reminder' AND \"group\" = 'treatment'")]
    [InlineData("attributed revenue per treated customer for CMP003 (total treatment revenue divided by the number of treatment customers, non-converters included)", "SELECT sum(revenue) / count(*) FROM campaign_history WHERE campaign_id = 'CMP003' AND \"group\" = 'treatment'")]
    public async Task TreatmentAsidesThatRestate_AreDropped(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 4, nonZero: true);

    [Fact]
    public async Task AConversionRateDefinedAsItIsRead_IsAnswered() =>
        await RuleAnswers.AssertGroupsAsync(
            database.Path,
            "conversion rate by trigger type across all past campaigns, treatment group only (converted customers over treated customers)",
            "SELECT trigger_type, avg(CASE WHEN converted THEN 1.0 ELSE 0 END) FROM campaign_history WHERE \"group\" = 'treatment' GROUP BY 1",
            precision: 4);
}

/// <summary>
/// Issue 17, stop 54 (lead): campaign names of a generated store ("&lt;season&gt; &lt;year&gt; &lt;kind&gt;") said with their
/// shared end once.
/// </summary>
public sealed class LeadStop54CampaignNamesTests(AetherSegment.Cli.Tests.Segments.GeneratedDatabase database) : IClassFixture<AetherSegment.Cli.Tests.Segments.GeneratedDatabase>
{
    // "both the <A> and the <B C> campaigns", where "<A C>" and "<B C>" are campaign names of the data: each name said whole.
    [Fact]
    public async Task TwoCampaignNamesSharingTheirEnd_SaidOnce_AreBothRead()
    {
        // Two campaigns of the store whose names end in the same two words ("<season> <year> <kind>").
        List<string> pair = await RuleAnswers.ColumnAsync(database.Path, """
            WITH n AS (SELECT DISTINCT campaign_name AS name, regexp_extract(campaign_name, '^(\S+ \S+) (.+)$', 2) AS kind FROM campaign_history)
            SELECT a.name || '|' || b.name FROM n a JOIN n b ON a.kind = b.kind AND a.name < b.name WHERE a.kind <> '' ORDER BY 1 LIMIT 1
            """);
        string[] names = Assert.Single(pair).Split('|');
        string kind = names[0][(names[0].IndexOf(' ', names[0].IndexOf(' ') + 1) + 1)..];
        string first = names[0][..^(kind.Length + 1)];
        await RuleAnswers.AssertValueAsync(
            database.Path,
            $"How many customers were in the treatment group of both the {first} and the {names[1]} campaigns?",
            $"SELECT count(*) FROM (SELECT customer_id FROM campaign_history WHERE campaign_name = '{names[0]}' AND \"group\" = 'treatment' INTERSECT SELECT customer_id FROM campaign_history WHERE campaign_name = '{names[1]}' AND \"group\" = 'treatment')",
            nonZero: true);
    }
}

using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 42 (ask40): a topic heading before a colon or a dash ("Retention:", "Win-back -", "Loyalty —"), "at some point",
/// a bracket that restates the units measure, a label defined by a threshold in brackets ("likely to churn (churn
/// probability above 0.6)"), a rolling range said before "how many", and one value's share out of a list of values of the
/// same level ("of ios and android events, what share are on ios"). Each answer recounted by SQL written by hand on the
/// fixture.
/// </summary>
public sealed class HeadingsFlagsStop42Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string Last30Days = "event_timestamp >= TIMESTAMP '2026-10-21 12:00:00' AND event_timestamp <= TIMESTAMP '2026-11-20 12:00:00'";
    private const string Last7Days = "event_timestamp >= TIMESTAMP '2026-11-13 12:00:00' AND event_timestamp <= TIMESTAMP '2026-11-20 12:00:00'";
    private const string OrdersLast90Days = "transaction_date >= TIMESTAMP '2026-08-22 12:00:00' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00'";

    private static string Scored(string where) =>
        $"SELECT count(*) FROM customers c JOIN customer_scores s USING (customer_id) WHERE {where}";

    [Theory]
    [InlineData("Retention: London customers with a churn probability under 0.2 \u2014 how many?", "c.city = 'London' AND s.churn_probability < 0.2")]
    [InlineData("Retention - how many London customers have a churn probability under 0.2?", "c.city = 'London' AND s.churn_probability < 0.2")]
    [InlineData("Reactivation: how many customers have a churn probability over 0.8?", "s.churn_probability > 0.8")]
    [InlineData("Loyalty \u2014 how many customers in Canada have a churn probability above 0.7?", "c.country = 'Canada' AND s.churn_probability > 0.7")]
    [InlineData("Quick sanity check: number of customers with a churn probability below 0.1", "s.churn_probability < 0.1")]
    public async Task TopicHeading_IsDropped(string question, string where)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, Scored(where)), RuleAnswers.Single(answer));
    }

    [Fact]
    public async Task TopicHeading_BeforeABreakdown_IsTheBreakdown()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "Retention: average churn probability per country?");

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, "SELECT count(DISTINCT country) FROM customers"), answer.Rows.Count);
        foreach (IReadOnlyDictionary<string, object?> row in answer.Rows)
        {
            double truth = await RuleAnswers.TruthAsync(database.Path,
                $"SELECT avg(s.churn_probability) FROM customers c JOIN customer_scores s USING (customer_id) WHERE c.country = '{row[answer.Columns[0]]}'");
            Assert.Equal(truth, Convert.ToDouble(row[answer.Columns[1]], System.Globalization.CultureInfo.InvariantCulture), 9);
        }
    }

    [Theory]
    // A heading that names a value, or a word that may be the measure, is not a topic: declined or read with it, as before.
    [InlineData("Retention: which customers will churn next month?")]
    // "win back" is a campaign type of the profile: a heading that names vocabulary is kept (customers cannot be filtered to it).
    [InlineData("Win-back: how many customers have a churn probability over 0.8?")]
    public async Task HeadingBeforeAPrediction_IsStillDeclined(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, answer.Status);
    }

    [Theory]
    [InlineData("customers who used the room planner AND bought Sofas at some point: how many?")]
    [InlineData("How many customers used the room planner and at some point bought Sofas?")]
    [InlineData("customers who have used the room planner and bought sofas at any point - how many?")]
    public async Task AtSomePoint_IsAnyTime(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path,
            "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events WHERE event_type = 'room_planner_use' INTERSECT SELECT customer_id FROM transactions WHERE product_type = 'Sofas')"), RuleAnswers.Single(answer));
    }

    [Theory]
    [InlineData("units sold in Bedroom over the last 90 days (sum of quantity, not number of orders)")]
    [InlineData("For the merchandising review: units sold in Bedroom over the last 90 days (total quantity)")]
    [InlineData("How many units of Bedroom did we sell in the last 90 days (i.e. the sum of quantity rather than the count of orders)?")]
    public async Task UnitsRestatedInBrackets_IsUnits(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, $"SELECT sum(quantity) FROM transactions WHERE category = 'Bedroom' AND {OrdersLast90Days}"), RuleAnswers.Single(answer));
    }

    [Fact]
    public async Task UnitsRestatedInBrackets_SplitByProductType()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path,
            "For the merchandising review: units sold in Bedroom over the last 90 days, split by product type (sum of quantity, not number of orders).");
        List<string> truth = await RuleAnswers.ColumnAsync(database.Path,
            $"SELECT product_type || '=' || sum(quantity) FROM transactions WHERE category = 'Bedroom' AND {OrdersLast90Days} GROUP BY product_type ORDER BY 1");

        List<string> rows = [.. answer.Rows.Select(r => $"{r[answer.Columns[0]]}={Convert.ToDouble(r[answer.Columns[1]], System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal)];
        Assert.Equal(truth, rows);
    }

    [Theory]
    [InlineData("How many customers are likely to churn (churn probability above 0.6)?", "s.churn_probability > 0.6")]
    [InlineData("How many customers are both likely to churn (churn probability above 0.6) and discount-sensitive (discount sensitivity above 0.5)?", "s.churn_probability > 0.6 AND s.discount_sensitivity > 0.5")]
    [InlineData("customers who are price-sensitive (discount sensitivity over 0.7) - how many?", "s.discount_sensitivity > 0.7")]
    [InlineData("How many London customers are at risk (churn probability over 0.5)?", "c.city = 'London' AND s.churn_probability > 0.5")]
    public async Task LabelDefinedByAThreshold_IsTheThreshold(string question, string where)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, Scored(where)), RuleAnswers.Single(answer));
    }

    [Theory]
    [InlineData("In the last 30 days, how many customers searched but never added anything to their cart in that period?", Last30Days)]
    [InlineData("Over the past 30 days, how many customers searched but did not add anything to their cart?", Last30Days)]
    [InlineData("In the last 7 days, how many customers searched but never added to cart during that time?", Last7Days)]
    [InlineData("How many customers searched in the last 30 days but never added anything to their cart in that period?", Last30Days)]
    public async Task LeadingRange_IsTheRangeOfEachPart(string question, string range)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path,
            $"SELECT count(*) FROM (SELECT customer_id FROM behavioral_events WHERE event_type = 'search' AND {range} EXCEPT SELECT customer_id FROM behavioral_events WHERE event_type = 'add_to_cart' AND {range})"), RuleAnswers.Single(answer));
    }

    [Theory]
    [InlineData("Of all our app events (ios + android), what percentage come from iOS?", "device = 'ios'", "device IN ('ios', 'android')")]
    [InlineData("What percentage of ios and android events are on ios?", "device = 'ios'", "device IN ('ios', 'android')")]
    [InlineData("Of events on ios or android, what share are on ios?", "device = 'ios'", "device IN ('ios', 'android')")]
    [InlineData("Of events on web and android, what share are on android?", "device = 'android'", "device IN ('web', 'android')")]
    [InlineData("What share of events on the web and ios come from the web?", "device = 'web'", "device IN ('web', 'ios')")]
    public async Task ShareOfOneListedValue_IsOutOfTheList(string question, string part, string whole)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        double truth = await RuleAnswers.TruthAsync(database.Path, $"SELECT count(*) FILTER (WHERE {part}) * 1.0 / count(*) FROM behavioral_events WHERE {whole}");
        Assert.Equal(truth, Convert.ToDouble(answer.Rows[0][answer.Columns[0]], System.Globalization.CultureInfo.InvariantCulture), 9);
        Assert.Single(answer.Rows);
    }

    [Fact]
    public async Task ShareOfOneListedCountry_IsOutOfTheList()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "Of orders from Canada or the United Kingdom, what share are from Canada?");

        double truth = await RuleAnswers.TruthAsync(database.Path,
            "SELECT count(*) FILTER (WHERE c.country = 'Canada') * 1.0 / count(*) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country IN ('Canada', 'United Kingdom')");
        Assert.Equal(truth, Convert.ToDouble(answer.Rows[0][answer.Columns[0]], System.Globalization.CultureInfo.InvariantCulture), 9);
    }

    [Theory]
    [InlineData("How many shoppers started checkout 3+ times in the last 30 days?", "at least", Last30Days)]
    [InlineData("How many customers started checkout at least 3 times in the last 30 days?", "at least", Last30Days)]
    [InlineData("how many customers started a checkout 3 or more times in the last 7 days", "at least", Last7Days)]
    [InlineData("How many customers started checkout more than 3 times in the last 30 days?", "more than", Last30Days)]
    public async Task EventVerbSaidNTimes_IsThatManyEvents(string question, string comparison, string range)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        string having = comparison == "at least" ? ">= 3" : "> 3";
        Assert.Equal(await RuleAnswers.TruthAsync(database.Path,
            $"SELECT count(*) FROM (SELECT customer_id FROM behavioral_events WHERE event_type = 'checkout_start' AND {range} GROUP BY 1 HAVING count(*) {having})"), RuleAnswers.Single(answer));
    }
}

using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 39, ask22 (exclusions, campaigns and periods). Each answer recounted by hand-written SQL on the fixture (as-of
/// 2026-11-20 12:00 UTC; rolling ranges include the as-of instant).
/// </summary>
public sealed class ExclusionsAndPeriodsStop39Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string Last30 = "TIMESTAMP '2026-10-21 12:00:00' AND TIMESTAMP '2026-11-20 12:00:00'";
    private const string Last7 = "TIMESTAMP '2026-11-13 12:00:00' AND TIMESTAMP '2026-11-20 12:00:00'";

    [Theory]
    // blind21's wrong answer: the range said once after two parts of different kinds could be on both or on the nearest.
    [InlineData("Count customers who used the room planner and also made a purchase in the last 30 days")]
    [InlineData("how many customers used the room planner and made a purchase in the last 30 days?")]
    [InlineData("Number of people who bought something and also used the room planner this year")]
    [InlineData("how many customers abandoned a cart and also bought something in the last 7 days")]
    [InlineData("how many customers with an abandoned cart who also bought something in the last 7 days")]
    [InlineData("How many customers viewed a product and added to cart in the last 30 days?")]
    [InlineData("customers who used the room planner in the last 30 days and also made a purchase")]
    public async Task ARangeSaidOnceForTwoParts_IsAskedBack(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, answer.Status);
        Assert.Contains("is said once for two parts", answer.Answer, StringComparison.Ordinal);
        Assert.Contains("say the range for each part", answer.Answer, StringComparison.Ordinal);
    }

    [Theory]
    // Said first for the whole question, or said for each part, the range covers both parts.
    [InlineData("In the last 30 days, how many customers used the room planner and made a purchase?")]
    [InlineData("how many customers in the last 30 days used the room planner and made a purchase")]
    [InlineData("customers who used the room planner in the last 30 days and made a purchase in the last 30 days")]
    public async Task ARangeSaidFirstOrForEachPart_CoversBothParts(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        string truth = $"SELECT count(*) FROM customers WHERE customer_id IN (SELECT customer_id FROM behavioral_events WHERE event_type = 'room_planner_use' AND event_timestamp BETWEEN {Last30}) AND customer_id IN (SELECT customer_id FROM transactions WHERE transaction_date BETWEEN {Last30})";
        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
        Assert.Contains("in the time range", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneVerbOverTwoValues_TakesTheRangeOnBoth()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "customers who bought Lighting and Decoration in the last 30 days");

        string truth = $"SELECT count(*) FROM customers WHERE customer_id IN (SELECT customer_id FROM transactions WHERE category = 'Lighting' AND transaction_date BETWEEN {Last30}) AND customer_id IN (SELECT customer_id FROM transactions WHERE category = 'Decoration' AND transaction_date BETWEEN {Last30})";
        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
    }

    [Theory]
    // Same-window exclusions: "in those 7 days", "in that time", "in that period" after "anything" are the range said again.
    [InlineData("Customers who abandoned a cart in the last 7 days and haven't bought anything in those 7 days - how many?", "abandoned_carts", "abandoned_at", "", "7")]
    [InlineData("How many customers abandoned a cart in the last 7 days but haven't bought anything in that time?", "abandoned_carts", "abandoned_at", "", "7")]
    [InlineData("How many customers added something to their cart in the last 7 days but haven't bought anything in those 7 days?", "behavioral_events", "event_timestamp", "event_type = 'add_to_cart' AND ", "7")]
    [InlineData("How many customers started a checkout in the last 30 days but didn't buy anything in that period?", "behavioral_events", "event_timestamp", "event_type = 'checkout_start' AND ", "30")]
    [InlineData("customers who abandoned a cart in the last 30 days and did not purchase anything during that period", "abandoned_carts", "abandoned_at", "", "30")]
    public async Task NothingBoughtInTheSameWindow(string question, string table, string time, string type, string days)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        string window = days == "7" ? Last7 : Last30;
        string truth = $"SELECT count(*) FROM customers WHERE customer_id IN (SELECT customer_id FROM {table} WHERE {type}{time} BETWEEN {window}) AND customer_id NOT IN (SELECT customer_id FROM transactions WHERE transaction_date BETWEEN {window})";
        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
        Assert.Contains("who did not buy in the time range", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    // "but nothing from <B>": never anything from it (over all time, or in the one range said twice).
    [InlineData("How many customers bought Outdoor products but nothing from Lighting?", "Outdoor", "Lighting", false)]
    [InlineData("customers who purchased Bedroom items and nothing in Textiles", "Bedroom", "Textiles", false)]
    [InlineData("Customers who bought Lighting in the last 30 days but nothing from Decoration in the last 30 days", "Lighting", "Decoration", true)]
    public async Task BoughtOneCategoryButNothingFromAnother(string question, string bought, string notBought, bool timed)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        string window = timed ? $" AND transaction_date BETWEEN {Last30}" : "";
        string truth = $"SELECT count(*) FROM customers WHERE customer_id IN (SELECT customer_id FROM transactions WHERE category = '{bought}'{window}) AND customer_id NOT IN (SELECT customer_id FROM transactions WHERE category = '{notBought}'{window})";
        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
        Assert.Contains($"bought {bought} but not {notBought}", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    // A risk label defined by the threshold said right after it is the threshold; "outside <country>" excludes it.
    [InlineData("high churn risk customers (churn probability above 0.7) outside the US", "0.7", true)]
    [InlineData("How many high churn-risk customers (churn probability over 0.6) do we have?", "0.6", false)]
    [InlineData("at-risk shoppers (churn probability over 0.5) not in the United States", "0.5", true)]
    public async Task ARiskLabelDefinedByItsThreshold(string question, string threshold, bool outsideUs)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        string place = outsideUs ? " AND (country IS NULL OR country <> 'United States')" : "";
        string truth = $"SELECT count(*) FROM customers WHERE customer_id IN (SELECT customer_id FROM customer_scores WHERE churn_probability > {threshold}){place}";
        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
        Assert.Contains("churn probability is over", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALowRiskLabelWithALowerBound_IsNotRead()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "low churn risk customers (churn probability above 0.7)", answered: false);

        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, answer.Status);
    }
}

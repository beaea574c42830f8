using System.Globalization;
using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 43 (ask46): the treated customers who converted on a campaign beside another condition, a group's size said in
/// words, the share of a treatment group that converted, and a rate asked "(%)". Each answer is recounted by hand-written
/// SQL on the fixture (campaigns CMP000..CMP005, as-of 2026-11-20 12:00).
/// </summary>
public sealed class CampaignsAndTriggersStop43Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string AsOf = "TIMESTAMP '2026-11-20 12:00:00'";

    private Task<double> TruthAsync(string sql) => RuleAnswers.TruthAsync(database.Path, sql);

    [Theory]
    [InlineData("Of the treated customers who converted on CMP002, how many have placed an order in the last 30 days?")]
    [InlineData("How many treated customers converted on CMP002 and also ordered in the last 30 days?")]
    [InlineData("How many customers who converted in the treatment group of CMP002 bought something in the last 30 days?")]
    public async Task TreatedWhoConverted_BesideAnOrderCondition(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        double truth = await TruthAsync($"SELECT count(*) FROM (SELECT customer_id FROM campaign_history WHERE campaign_id = 'CMP002' AND \"group\" = 'treatment' AND converted INTERSECT SELECT customer_id FROM transactions WHERE transaction_date >= {AsOf} - INTERVAL 30 DAY AND transaction_date <= {AsOf})");
        double treated = await TruthAsync($"SELECT count(*) FROM (SELECT customer_id FROM campaign_history WHERE campaign_id = 'CMP002' AND \"group\" = 'treatment' INTERSECT SELECT customer_id FROM transactions WHERE transaction_date >= {AsOf} - INTERVAL 30 DAY AND transaction_date <= {AsOf})");
        Assert.True(truth > 0 && truth < treated, "the data does not test it");
        Assert.Equal(truth, RuleAnswers.Single(answer), 6);
        Assert.Contains("converted (treatment group) for CMP002", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConvertedWithoutTheGroup_IsNotAnswered()
    {
        // Conversions of either group, or of the treatment group only? Not said: declined as before.
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, "How many customers who converted on CMP002 placed an order in the last 30 days?");
    }

    [Theory]
    [InlineData("How big was the holdout for CMP003?")]
    [InlineData("What was the size of the holdout group in CMP003?")]
    [InlineData("control group size of CMP003")]
    public async Task HoldoutSize_IsTheControlGroup(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        double truth = await TruthAsync("SELECT count(*) FROM campaign_history WHERE campaign_id = 'CMP003' AND \"group\" = 'control'");
        Assert.Equal(truth, RuleAnswers.Single(answer), 6);
    }

    [Theory]
    [InlineData("Of everyone who was in the treatment group of CMP001, what share converted?")]
    [InlineData("Among people in the treatment group of CMP001, what percentage converted?")]
    public async Task ShareOfTreatmentGroupConverted_IsItsConversionRate(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        double truth = await TruthAsync("SELECT avg(CASE WHEN converted THEN 1.0 ELSE 0.0 END) FROM campaign_history WHERE campaign_id = 'CMP001' AND \"group\" = 'treatment'");
        Assert.Equal(truth, RuleAnswers.Single(answer), 6);
    }

    [Theory]
    [InlineData("Treatment-group conversion rate per trigger type, across all campaigns (%)")]
    [InlineData("conversion rate by trigger type (treatment only) as a percentage")]
    public async Task RateInPercent_IsTheRatePerTrigger(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(6, answer.Rows.Count);
        foreach (IReadOnlyDictionary<string, object?> row in answer.Rows)
        {
            string trigger = Convert.ToString(row[answer.Columns[0]], CultureInfo.InvariantCulture)!;
            double truth = await TruthAsync($"SELECT avg(CASE WHEN converted THEN 1.0 ELSE 0.0 END) FROM campaign_history WHERE trigger_type = '{trigger}' AND \"group\" = 'treatment'");
            Assert.Equal(truth, Convert.ToDouble(row[answer.Columns[^1]], CultureInfo.InvariantCulture), 6);
        }
    }
}

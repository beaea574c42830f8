using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 40 (ask24): campaign groups said the way people say them: "(treatment)", "(treatment only)", "actually received
/// (treatment group)", "were sent ... (treatment)", "received the ... trigger (treatment) two or more times", "among customers
/// who actually got it", "the audience (treatment + control) of ...", "count each person once". Each answer is recounted by
/// hand-written SQL on the fixture (campaigns CMP000..CMP005, one trigger each, cross_sell on odd
/// ids) and its restatement says the group.
/// </summary>
public sealed class AskCampaignGroupsStop40Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string TreatedFreeShipping = "SELECT count(DISTINCT customer_id) FROM campaign_history WHERE trigger_type = 'free_shipping_offer' AND \"group\" = 'treatment'";

    private const string TreatedCrossSell = "SELECT count(DISTINCT customer_id) FROM campaign_history WHERE campaign_type = 'cross_sell' AND \"group\" = 'treatment'";

    private Task<double> TruthAsync(string sql) => RuleAnswers.TruthAsync(database.Path, sql);

    [Theory]
    [InlineData("How many distinct customers have received a free_shipping_offer (treatment)?", TreatedFreeShipping)]
    [InlineData("How many customers were sent a free_shipping_offer (treatment only)?", TreatedFreeShipping)]
    [InlineData("how many people got a free shipping offer (treatment group)", TreatedFreeShipping)]
    [InlineData("Number of customers who received the free shipping offer trigger, treatment group only", TreatedFreeShipping)]
    [InlineData("How many customers actually received (treatment group) a cross sell campaign? Count each person once.", TreatedCrossSell)]
    [InlineData("how many shoppers were sent a cross sell campaign (treatment)? count each customer once", TreatedCrossSell)]
    [InlineData("customers in Canada who received a cross sell campaign (treatment)", TreatedCrossSell + " AND customer_id IN (SELECT customer_id FROM customers WHERE country = 'Canada')")]
    public async Task Received_WithTheTreatmentSaid_CountsTheTreatmentGroup(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AssertValueAsync(database.Path, question, truth);
        Assert.Contains("in the treatment group", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("How many customers received a cross sell campaign (treatment) two or more times?", ">= 2")]
    [InlineData("how many customers were sent a cross sell campaign (treatment only) at least 3 times", ">= 3")]
    [InlineData("customers who got the cross sell campaigns (treatment group) 2+ times", ">= 2")]
    public async Task ReceivedTimes_CountsTheCampaignsOfTheTreatmentGroup(string question, string comparison)
    {
        string type = "cross_sell";
        AnalyticsAnswer answer = await RuleAnswers.AssertValueAsync(database.Path, question, $"SELECT count(*) FROM (SELECT customer_id FROM campaign_history WHERE campaign_type = '{type}' AND \"group\" = 'treatment' GROUP BY 1 HAVING count(*) {comparison})", nonZero: true);
        Assert.Contains("(treatment group)", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Conversion rate by trigger type (treatment only)")]
    [InlineData("conversion rate per trigger, treatment group only")]
    [InlineData("Which trigger had the best conversion rate among customers who actually got it (treatment)?")]
    [InlineData("which trigger has the highest conversion rate among the people who received it")]
    public async Task ConversionRate_OfTheTreatmentGroup_ByTrigger(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        double best = await TruthAsync("SELECT max(v) FROM (SELECT trigger_type, avg(converted::INT) v FROM campaign_history WHERE \"group\" = 'treatment' GROUP BY 1)");
        Assert.Equal(best, answer.Rows.Max(r => Convert.ToDouble(r[answer.Columns[1]])), 6);
        Assert.Contains("(treatment group)", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("How many people were in the audience (treatment + control) of CMP002?")]
    [InlineData("how many customers were in the audience of CMP002")]
    [InlineData("size of the audience for CMP002 (treatment and control)")]
    [InlineData("How many customers were part of the campaign audience of CMP002, both groups?")]
    public async Task Audience_IsBothGroups(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AssertValueAsync(database.Path, question, "SELECT count(*) FROM campaign_history WHERE campaign_id = 'CMP002'");
        Assert.Contains("(treatment or control group)", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Customers in the treatment group of both CMP000 and CMP002")]
    [InlineData("people in the treatment group of both CMP000 and CMP002?")]
    public async Task CustomersInTheGroupOfBoth_AreCounted(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AssertValueAsync(database.Path, question, "SELECT count(*) FROM (SELECT customer_id FROM campaign_history WHERE campaign_id = 'CMP000' AND \"group\" = 'treatment' INTERSECT SELECT customer_id FROM campaign_history WHERE campaign_id = 'CMP002' AND \"group\" = 'treatment')");
        Assert.Contains("treatment group", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("customers in Canada who were in the treatment group of a cross sell campaign", "treatment")]
    [InlineData("customers in Canada who were held out of a cross sell campaign", "control")]
    [InlineData("Customers from Canada who received a cross sell campaign (treatment)", "treatment")]
    public async Task CustomersInAGroupOfSeveralCampaigns_AreCountedOnce(string question, string group)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        double rows = await TruthAsync($"SELECT count(*) FROM campaign_history h JOIN customers c USING (customer_id) WHERE campaign_type = 'cross_sell' AND \"group\" = '{group}' AND country = 'Canada'");
        double customers = await TruthAsync($"SELECT count(DISTINCT customer_id) FROM campaign_history h JOIN customers c USING (customer_id) WHERE campaign_type = 'cross_sell' AND \"group\" = '{group}' AND country = 'Canada'");
        Assert.True(rows > customers, "the data does not test it");
        Assert.Equal(customers, RuleAnswers.Single(answer), 6);
        Assert.Contains($"{group} group", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("How many customers received a free shipping offer (treatment or control)?")]
    [InlineData("count each person once: revenue by country")]
    [InlineData("how many customers received the free shipping offer trigger (treatment) 3 times")]
    public async Task OutsideWhatIsExact_IsDeclined(string question)
    {
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
    }
}

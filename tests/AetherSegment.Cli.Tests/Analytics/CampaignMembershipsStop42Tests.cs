using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 42 (ask39): campaign groups beside other conditions, "never in any other campaign", at least one campaign in a range,
/// and the uplift said with its definition. Each answer is recounted by hand-written SQL on the fixture (campaigns
/// CMP000..CMP005 sent 20 + 25c days before the as-of 2026-11-20 12:00, even customers in the even campaigns).
/// </summary>
public sealed class CampaignMembershipsStop42Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string AsOf = "TIMESTAMP '2026-11-20 12:00:00'";

    private Task<double> TruthAsync(string sql) => RuleAnswers.TruthAsync(database.Path, sql);

    [Theory]
    [InlineData("How many people abandoned a cart in the last 30 days and were also in the treatment group of CMP002?")]
    [InlineData("How many customers who were in the treatment group of CMP002 and abandoned a cart in the last 30 days are there?")]
    public async Task GroupBesideAConditionInARange_IsOverAllTime(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        double truth = await TruthAsync($"SELECT count(*) FROM (SELECT customer_id FROM abandoned_carts WHERE abandoned_at >= {AsOf} - INTERVAL 30 DAY AND abandoned_at <= {AsOf} INTERSECT SELECT customer_id FROM campaign_history WHERE campaign_id = 'CMP002' AND \"group\" = 'treatment')");
        Assert.True(truth > 0, "the data does not test it");
        Assert.Equal(truth, RuleAnswers.Single(answer), 6);
        Assert.Contains("were in the treatment group for CMP002 (at any time)", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("How many customers were treated in CMP002 but never in the treatment group of any other campaign?")]
    [InlineData("how many customers were in the treatment group of CMP002 and not in the treatment group of any other campaign")]
    public async Task TreatedInOneButNoOther_ExcludesTheOtherCampaigns(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        double truth = await TruthAsync("SELECT count(*) FROM (SELECT customer_id FROM campaign_history WHERE campaign_id = 'CMP002' AND \"group\" = 'treatment' EXCEPT SELECT customer_id FROM campaign_history WHERE campaign_id <> 'CMP002' AND \"group\" = 'treatment')");
        Assert.True(truth > 0, "the data does not test it");
        Assert.Equal(truth, RuleAnswers.Single(answer), 6);
        Assert.Contains("never in the treatment group of any campaign except for CMP002", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TreatedInOneButNeverInAnotherGroup_IsDeclined()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "How many customers were treated in CMP002 but never in the control group of any other campaign?", answered: false);

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, answer.Status);
    }

    [Theory]
    [InlineData("How many distinct customers received at least one campaign (treatment group) sent in the last 60 days?")]
    [InlineData("number of customers that got at least one campaign in the treatment group in the last 60 days")]
    public async Task AtLeastOneCampaignInARange_IsTheTreatmentGroupSentInIt(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        double truth = await TruthAsync($"SELECT count(DISTINCT customer_id) FROM campaign_history WHERE \"group\" = 'treatment' AND sent_at >= {AsOf} - INTERVAL 60 DAY AND sent_at <= {AsOf}");
        double all = await TruthAsync("SELECT count(DISTINCT customer_id) FROM campaign_history WHERE \"group\" = 'treatment'");
        Assert.True(truth > 0 && truth < all, "the data does not test it");
        Assert.Equal(truth, RuleAnswers.Single(answer), 6);
    }

    [Theory]
    [InlineData("What was the uplift of CMP002 in percentage points - treatment conversion minus control conversion?")]
    [InlineData("Did CMP002 actually work? Give me the uplift: treatment conversion rate minus control conversion rate, in percentage points.")]
    public async Task Uplift_SaidWithItsDefinition(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        double truth = await TruthAsync("SELECT avg(CASE WHEN converted THEN 1.0 ELSE 0.0 END) FILTER (WHERE \"group\" = 'treatment') - avg(CASE WHEN converted THEN 1.0 ELSE 0.0 END) FILTER (WHERE \"group\" = 'control') FROM campaign_history WHERE campaign_id = 'CMP002'");
        Assert.Equal(truth, RuleAnswers.Single(answer), 6);
        Assert.Contains("campaign uplift", answer.Restatement, StringComparison.Ordinal);
    }
}

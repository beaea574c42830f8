using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 36 (declined by the ninth blind set, read after its unseen measurement): "browsing sessions" are the
/// sessions, and "treatment (group) conversion rate" is the conversion rate, which is the treatment arm's already. Each
/// answer recounted by hand-written SQL on the fixture.
/// </summary>
public sealed class MeasureWordsStop36Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    [InlineData("number of distinct browsing sessions on android", "SELECT count(DISTINCT session_id) FROM behavioral_events WHERE device = 'android'")]
    [InlineData("treatment conversion rate for CMP000", "SELECT avg(CASE WHEN converted THEN 1.0 ELSE 0.0 END) FROM campaign_history WHERE campaign_id = 'CMP000' AND \"group\" = 'treatment'")]
    [InlineData("what was the treatment-group conversion rate of CMP002?", "SELECT avg(CASE WHEN converted THEN 1.0 ELSE 0.0 END) FROM campaign_history WHERE campaign_id = 'CMP002' AND \"group\" = 'treatment'")]
    public async Task Answer_IsTheHandWrittenSql(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
    }

    [Fact]
    public async Task ControlGroupConversionRate_IsStillTheControlArms()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "control group conversion rate for CMP000");

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, "SELECT avg(CASE WHEN converted THEN 1.0 ELSE 0.0 END) FROM campaign_history WHERE campaign_id = 'CMP000' AND \"group\" = 'control'"), RuleAnswers.Single(answer), 6);
    }
}

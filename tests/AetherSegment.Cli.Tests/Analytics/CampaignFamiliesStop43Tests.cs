using System.Globalization;
using AetherSegment.Analytics;
using AetherSegment.Cli.Tests.Retailers;
using AetherSegment.Cli.Tests.Segments;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 43 (ask46): a family of campaigns named by a part of their names ("the Collection Preview campaigns", "each
/// Collection Preview campaign", "which Collection Preview campaign"), on generated data whose names read "Autumn 2025
/// Collection Preview". Every answer is recounted in SQL over the campaigns whose names hold the part.
/// </summary>
public sealed class CampaignFamiliesStop43Tests(GeneratedDatabase database) : IClassFixture<GeneratedDatabase>
{
    private const string Rate = "avg(CASE WHEN converted THEN 1.0 ELSE 0.0 END)";

    // The first theme of the generator's names that several campaigns share and no trigger's words hold.
    private string Theme => field ??= new[] { "Collection Preview", "Double Points", "Complete the Room" }.First(t =>
        Convert.ToInt64(SummitDatabase.Query(database.Path, $"SELECT count(DISTINCT campaign_name) FROM campaign_history WHERE campaign_name LIKE '%{t}'")[0][0], CultureInfo.InvariantCulture) > 1);

    private Task<double> TruthAsync(string sql) => RuleAnswers.TruthAsync(database.Path, sql);

    [Fact]
    public async Task EachCampaignOfAFamily_IsSplitByCampaign()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, $"Treatment conversion rate for each {Theme} campaign");

        double names = await TruthAsync($"SELECT count(DISTINCT campaign_name) FROM campaign_history WHERE campaign_name LIKE '%{Theme}'");
        Assert.Equal((int)names, answer.Rows.Count);
        foreach (IReadOnlyDictionary<string, object?> row in answer.Rows)
        {
            string name = Convert.ToString(row[answer.Columns[0]], CultureInfo.InvariantCulture)!;
            Assert.EndsWith(Theme, name, StringComparison.Ordinal);
            double truth = await TruthAsync($"SELECT {Rate} FROM campaign_history WHERE campaign_name = '{name}' AND \"group\" = 'treatment'");
            Assert.Equal(truth, Convert.ToDouble(row[answer.Columns[^1]], CultureInfo.InvariantCulture), 6);
        }
    }

    [Theory]
    [InlineData("Total attributed revenue across all {0} campaigns")]
    [InlineData("attributed revenue from the {0} campaigns")]
    public async Task AFamilyTogether_IsOneTotal(string wording)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, string.Format(CultureInfo.InvariantCulture, wording, Theme));

        double truth = await TruthAsync($"SELECT sum(revenue) FROM campaign_history WHERE campaign_name LIKE '%{Theme}'");
        Assert.Equal(truth, RuleAnswers.Single(answer), 6);
    }

    [Theory]
    [InlineData("Of the {0} campaigns, which had the highest treatment conversion rate?")]
    public async Task BestOfAFamily_IsTheTopCampaign(string wording)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, string.Format(CultureInfo.InvariantCulture, wording, Theme));

        IReadOnlyDictionary<string, object?> row = Assert.Single(answer.Rows);
        object?[] truth = SummitDatabase.Query(database.Path, $"SELECT campaign_name, {Rate} v FROM campaign_history WHERE campaign_name LIKE '%{Theme}' AND \"group\" = 'treatment' GROUP BY 1 ORDER BY v DESC LIMIT 1")[0];
        Assert.Equal(truth[0], row[answer.Columns[0]]);
        Assert.Equal(Convert.ToDouble(truth[1], CultureInfo.InvariantCulture), Convert.ToDouble(row[answer.Columns[^1]], CultureInfo.InvariantCulture), 6);
    }

    [Fact]
    public async Task OneCampaignOfSeveral_IsStillAskedBack()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, $"conversion rate of the {Theme} campaign", answered: false);

        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, answer.Status);
        Assert.Contains("which campaign?", answer.Answer, StringComparison.Ordinal);
    }
}

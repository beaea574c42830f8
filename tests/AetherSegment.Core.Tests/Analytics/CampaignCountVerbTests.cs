using AetherSegment.Analytics;

namespace AetherSegment.Core.Tests.Analytics;

/// <summary>
/// Issue 17, stop 35: a verb said after the campaigns counted ("how many campaigns did we run in 2026", "how many
/// distinct campaigns did we send") adds nothing to the count of campaigns; it is read as the count, with its range and
/// trigger, never declined for the verb.
/// </summary>
public sealed class CampaignCountVerbTests
{
    [Theory]
    [InlineData("how many distinct campaigns did we send in 2026?", null, true)]
    [InlineData("How many campaigns did we run in 2026?", null, true)]
    [InlineData("how many different campaigns have we run with the cart reminder trigger?", "trigger", false)]
    [InlineData("number of campaigns we launched last year", null, true)]
    [InlineData("how many campaigns were sent in October", null, true)]
    public void Parse_CampaignsWithAVerb_IsTheCampaignCount(string question, string? filtered, bool timed)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Equal("campaign_count", parsed.Query.Measure.Name);
        Assert.Null(parsed.Query.Dimension);
        Assert.Equal(timed, parsed.Query.Time is not null);
        if (filtered is not null)
        {
            Assert.Contains(parsed.Query.Filters, f => f.Dimension == filtered);
        }
    }
}

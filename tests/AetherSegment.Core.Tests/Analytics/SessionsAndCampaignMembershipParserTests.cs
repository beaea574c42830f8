using AetherSegment.Analytics;

namespace AetherSegment.Core.Tests.Analytics;

/// <summary>
/// Issue 17, stop 36 (ask13): sessions and their duration, and campaign membership. A duration said with its unit
/// compares each session's duration in seconds; "in seconds" and "each session once" are read on the average session
/// duration; "both &lt;A&gt; and &lt;B&gt;" with a group is one condition per campaign; "never in any campaign" excludes
/// any campaign row; "both groups" counts either group. Each with a filter and a time range, and the near misses declined.
/// </summary>
public sealed class SessionsAndCampaignMembershipParserTests
{
    private static readonly string[] CampaignIds = ["CMP022", "CMP023", "CMP004"];
    private static readonly string[] CampaignNames = ["Summer 2026 Collection Preview", "Autumn 2025 Collection Preview"];

    private static ParsedQuestion Parse(string question) => QuestionParser.Parse(question, DemoSemanticLayer.Instance, CampaignNames, CampaignIds);

    [Theory]
    [InlineData("How many sessions lasted longer than 15 minutes?", ">", 900, null, false)]
    [InlineData("sessions shorter than 30 seconds on Android", "<", 30, "device", false)]
    [InlineData("how many iOS sessions lasting at least 10 minutes in the last 30 days", ">=", 600, "device", true)]
    [InlineData("number of sessions over 2 hours long last month", ">", 7200, null, true)]
    [InlineData("how many sessions with a duration of more than 90 seconds", ">", 90, null, false)]
    public void SessionLength_ComparesEachSessionsDurationInSeconds(string question, string op, double seconds, string? filtered, bool timed)
    {
        ParsedQuestion parsed = Parse(question);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Equal("sessions", parsed.Query.Measure.Name);
        Assert.Equal(op switch { ">" => ComparisonOperator.Greater, ">=" => ComparisonOperator.GreaterOrEqual, _ => ComparisonOperator.Less }, parsed.Query.RowComparison!.Operator);
        Assert.Equal(seconds, parsed.Query.RowComparison.Value);
        Assert.True(parsed.Query.RowValue is { OnEachRow: true, Noun: "seconds" });
        Assert.Equal(timed, parsed.Query.Time is not null);
        Assert.Equal(filtered, parsed.Query.Filters.SingleOrDefault()?.Dimension);
    }

    [Theory]
    [InlineData("Average session length in seconds on iOS", false)]
    [InlineData("Average session duration in seconds by device, counting each session once", true)]
    [InlineData("average session time, each session counted once", false)]
    public void AverageSessionDuration_CountsEachSessionOnce(string question, bool byDevice)
    {
        ParsedQuestion parsed = Parse(question);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Equal("average_session_duration_seconds", parsed.Query.Measure.Name);
        Assert.True(parsed.Query.Measure.PerSession);
        Assert.Equal(byDevice, parsed.Query.Dimension?.Key == "device");
    }

    [Theory]
    [InlineData("How many distinct Android sessions were there in the last 30 days?")]
    [InlineData("number of unique sessions on web")]
    public void DistinctSessions_IsTheSessionCount(string question)
    {
        ParsedQuestion parsed = Parse(question);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Equal("sessions", parsed.Query.Measure.Name);
        Assert.Single(parsed.Query.Filters);
    }

    [Theory]
    [InlineData("revenue in minutes")]
    [InlineData("revenue in seconds")]
    [InlineData("orders longer than 15 minutes")]
    [InlineData("how many sessions lasted longer than 15 minutes and shorter than 20 minutes")]
    [InlineData("what share of sessions lasted longer than 15 minutes")]
    [InlineData("revenue counting each session once")]
    public void SessionWords_OnAnythingElse_AreDeclined(string question)
    {
        ParsedQuestion parsed = Parse(question);

        Assert.Null(parsed.Query);
    }

    [Theory]
    [InlineData("How many customers were in the treatment group of both CMP022 and CMP023?", "treatment_group", "campaign_id", null)]
    [InlineData("How many customers were in the treatment group of both Summer 2026 Collection Preview and Autumn 2025 Collection Preview?", "treatment_group", "campaign", null)]
    [InlineData("how many customers in Canada were in the control group of both CMP022 and CMP023", "control_group", "campaign_id", "country")]
    [InlineData("how many customers were in both CMP022 and CMP023, either group", "campaign_members", "campaign_id", null)]
    public void BothCampaigns_IsOneConditionPerCampaign(string question, string arm, string level, string? filtered)
    {
        ParsedQuestion parsed = Parse(question);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Equal("customers", parsed.Query.Measure.Name);
        Assert.Equal(2, parsed.Query.Conditions.Count);
        Assert.All(parsed.Query.Conditions, c =>
        {
            Assert.Equal(arm, c.Measure.Name);
            Assert.False(c.Negated);
            Assert.Equal(level, Assert.Single(c.Filters).Dimension);
        });
        Assert.Equal(filtered, parsed.Query.Filters.SingleOrDefault()?.Dimension);
    }

    [Theory]
    [InlineData("How many Australian customers have never been included in any campaign?", "country")]
    [InlineData("number of customers who were never in any campaign", null)]
    [InlineData("how many customers from paid search have not been part of any campaign", "acquisition_source")]
    public void NeverInAnyCampaign_ExcludesEveryCampaignRow(string question, string? filtered)
    {
        ParsedQuestion parsed = Parse(question);

        Assert.True(parsed.Query is not null, parsed.Reason);
        CustomerCondition condition = Assert.Single(parsed.Query.Conditions);
        Assert.Equal("campaign_members", condition.Measure.Name);
        Assert.True(condition.Negated);
        Assert.Empty(condition.Filters);
        Assert.Equal(filtered, parsed.Query.Filters.SingleOrDefault()?.Dimension);
    }

    [Fact]
    public void CampaignBothGroups_CountsCustomersWithAnyRowOfIt()
    {
        ParsedQuestion parsed = Parse("how many customers were part of campaign CMP004, both groups?");

        Assert.True(parsed.Query is not null, parsed.Reason);
        CustomerCondition condition = Assert.Single(parsed.Query.Conditions);
        Assert.Equal("campaign_members", condition.Measure.Name);
        Assert.Equal("CMP004", Assert.Single(Assert.Single(condition.Filters).Values));
        Assert.Empty(parsed.Query.Filters);
    }

    [Theory]
    [InlineData("Treatment-group revenue by trigger type", "trigger")]
    [InlineData("treatment group revenue by campaign type", "campaign_type")]
    public void TreatmentGroupRevenue_IsTheTreatmentArmsAttributedRevenue(string question, string dimension)
    {
        ParsedQuestion parsed = Parse(question);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Equal("treatment_attributed_revenue", parsed.Query.Measure.Name);
        Assert.Equal(dimension, parsed.Query.Dimension?.Key);
    }

    [Fact]
    public void AttributedRevenue_CountingBothGroups_StaysOverEveryRow()
    {
        ParsedQuestion parsed = Parse("Top 3 campaigns by attributed revenue, counting both treatment and control");

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Equal("attributed_revenue", parsed.Query.Measure.Name);
        Assert.Equal(3, parsed.Query.Limit);
    }

    [Theory]
    [InlineData("how many customers were in both CMP022 and CMP023")]
    [InlineData("conversion rate of CMP022 counting both groups")]
    [InlineData("how many customers in the treatment group of CMP022, both groups")]
    [InlineData("treatment group revenue last month")]
    [InlineData("revenue of customers never in any campaign by campaign")]
    public void CampaignMembership_NearMisses_AreDeclined(string question)
    {
        ParsedQuestion parsed = Parse(question);

        Assert.Null(parsed.Query);
    }
}

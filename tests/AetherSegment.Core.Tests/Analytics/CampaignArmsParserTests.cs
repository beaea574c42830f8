using AetherSegment.Analytics;

namespace AetherSegment.Core.Tests.Analytics;

/// <summary>
/// Issue 17, stop 35: the two arms of a campaign side by side ("conversion rate for treatment vs control on X") are one
/// measure over every send, split by the arm; "treated customers" names the treatment arm as "the treatment group" does.
/// A difference of the arms stays the uplift, and a second breakdown or a measure without an arm reading is declined.
/// </summary>
public sealed class CampaignArmsParserTests
{
    private static readonly string[] CampaignIds = ["CMP001", "CMP002", "CMP004"];

    [Theory]
    [InlineData("conversion rate for treatment vs control on CMP002", "arm_conversion_rate")]
    [InlineData("CMP001: conversion rate in the control group versus the treatment group", "arm_conversion_rate")]
    [InlineData("how many customers were in the control and treatment groups of CMP004?", "arm_customers")]
    [InlineData("conversions in the treatment group compared with the control group for CMP001", "arm_conversions")]
    [InlineData("attributed revenue of treated vs control customers for CMP002", "arm_attributed_revenue")]
    public void Parse_BothArms_IsTheMeasureOverEverySendByArm(string question, string measure)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance, null, CampaignIds);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Equal(measure, parsed.Query.Measure.Name);
        Assert.Equal("campaign_group", parsed.Query.Dimension?.Key);
        Assert.Contains(parsed.Query.Filters, f => f.Values.Contains("CMP00" + question.Split("CMP00")[1][0]));
    }

    [Theory]
    [InlineData("conversion rate by campaign for treatment vs control")]
    [InlineData("average order value for treatment vs control")]
    [InlineData("top 3 campaigns by conversion rate for treatment vs control")]
    public void Parse_BothArmsWithAnotherBreakdownOrNoArmReading_IsDeclined(string question)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance, null, CampaignIds);

        Assert.Null(parsed.Query);
    }

    [Fact]
    public void Parse_DifferenceOfTheArms_StaysTheUplift()
    {
        ParsedQuestion parsed = QuestionParser.Parse("difference in conversion rate between treatment and control for CMP002", DemoSemanticLayer.Instance, null, CampaignIds);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Equal("campaign_uplift", parsed.Query.Measure.Name);
        Assert.Null(parsed.Query.Dimension);
    }

    [Theory]
    [InlineData("Which campaign type has the highest conversion rate among treated customers?", "conversion_rate", "campaign_type")]
    [InlineData("Which campaign had the highest conversion rate among its treated customers?", "conversion_rate", "campaign")]
    [InlineData("Attributed revenue from treated customers, split by trigger type", "treatment_attributed_revenue", "trigger")]
    [InlineData("total attributed campaign revenue by trigger type", "attributed_revenue", "trigger")]
    public void Parse_TreatedCustomers_IsTheTreatmentArm(string question, string measure, string dimension)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance, null, CampaignIds);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Equal(measure, parsed.Query.Measure.Name);
        Assert.Equal(dimension, parsed.Query.Dimension?.Key);
    }

    [Fact]
    public void Parse_TreatedCustomersOnAMeasureWithoutArms_IsDeclined()
    {
        ParsedQuestion parsed = QuestionParser.Parse("average order value among treated customers", DemoSemanticLayer.Instance, null, CampaignIds);

        Assert.Null(parsed.Query);
        Assert.Contains("treatment group", parsed.Reason + " " + parsed.Detail, StringComparison.Ordinal);
    }
}

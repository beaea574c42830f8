using AetherSegment.Analytics;

namespace AetherSegment.Core.Tests.Analytics;

/// <summary>
/// Issue 17, stop 35: two wrong answers of the eighth blind set, read right. A value followed by "as the" and its own
/// level ("campaigns that used free_shipping_offer as the trigger") names the value's kind, not a breakdown; and customers
/// with an event who "never bought anything from" a category are those without a purchase of it, not also buyers.
/// </summary>
public sealed class BlindEightFixesTests
{
    [Theory]
    [InlineData("How many campaigns used free_shipping_offer as the trigger?", "trigger")]
    [InlineData("revenue from the United States as the country", "country")]
    public void Parse_ValueAsTheItsLevel_IsAFilterNotABreakdown(string question, string dimension)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Null(parsed.Query.Dimension);
        Assert.Contains(parsed.Query.Filters, f => f.Dimension == dimension);
    }

    [Fact]
    public void Parse_EventButNeverBoughtAnythingFromACategory_IsOnlyTheExclusion()
    {
        ParsedQuestion parsed = QuestionParser.Parse("How many customers have used the room planner but never bought anything from Living Room?", DemoSemanticLayer.Instance);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Equal(2, parsed.Query.Conditions.Count);
        CustomerCondition purchase = Assert.Single(parsed.Query.Conditions, c => c.Measure.Name == "buyers");
        Assert.True(purchase.Negated);
        Assert.Contains(purchase.Filters, f => f.Dimension == "category" && f.Values.Contains("Living Room"));
        Assert.Single(parsed.Query.Conditions, c => c.Measure.Name == "events" && !c.Negated);
    }

    [Fact]
    public void Parse_EventAndBoughtOneCategoryButNotAnother_KeepsThePurchase()
    {
        ParsedQuestion parsed = QuestionParser.Parse("how many customers used the AR view and bought Bedroom but not Textiles", DemoSemanticLayer.Instance);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Contains(parsed.Query.Conditions, c => c.Measure.Name == "buyers" && !c.Negated && c.Filters.Any(f => f.Values.Contains("Bedroom")));
        Assert.Contains(parsed.Query.Conditions, c => c.Measure.Name == "buyers" && c.Negated && c.Filters.Any(f => f.Values.Contains("Textiles")));
    }

    [Theory]
    [InlineData("what share of sessions on iOS were in the last 30 days")]
    [InlineData("what share of orders from the United States were placed in the last 30 days")]
    public void Parse_ShareOfAFilteredWholeWithTheRangeAsItsPredicate_IsAskedBack(string question)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.Null(parsed.Query);
        Assert.Contains("for the first", parsed.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what share of orders were from the United States in the last 30 days", false)]
    [InlineData("what share of revenue in the last 30 days came from the United States", false)]
    [InlineData("what share of iOS sessions happened last month", true)]
    public void Parse_ShareWithTheRangeElsewhere_IsAnswered(string question, bool ofTime)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.True(parsed.Query.Share);
        Assert.Equal(ofTime, parsed.Query.ShareOfTime);
    }
}

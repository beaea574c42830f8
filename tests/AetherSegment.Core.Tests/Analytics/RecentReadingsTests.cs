using AetherSegment.Analytics;

namespace AetherSegment.Core.Tests.Analytics;

/// <summary>
/// The parser keeps its last readings per thread (a share with a conditioned whole reads its parts from more than one
/// reading): a kept reading is only reused for the same question with the very same layer and campaign lists.
/// </summary>
public sealed class RecentReadingsTests
{
    [Fact]
    public void SameQuestion_WithOtherCampaignNames_IsReadAgain()
    {
        const string Question = "revenue from the Spring Clearance campaign";
        ParsedQuestion without = QuestionParser.Parse(Question, DemoSemanticLayer.Instance, null);
        ParsedQuestion with = QuestionParser.Parse(Question, DemoSemanticLayer.Instance, ["Spring Clearance"]);
        ParsedQuestion withoutAgain = QuestionParser.Parse(Question, DemoSemanticLayer.Instance, null);

        Assert.Null(without.Query);
        Assert.True(with.Query is not null, with.Reason);
        Assert.Contains(with.Query.Filters, f => f.Values.Contains("Spring Clearance"));
        Assert.Same(without, withoutAgain);
    }

    [Fact]
    public void CampaignNames_ArePreparedPerList_SoAnotherListIsReadWithItsOwnNames()
    {
        // The names are prepared once per list instance: a part of a name ("the Clearance campaign") is placed from the
        // list the question is read with, and where two names of the list share the part ("Clearance Event") the parser
        // asks back which campaign is meant.
        IReadOnlyList<string> spring = ["Spring Clearance Event", "Summer Welcome Offer"];
        IReadOnlyList<string> both = ["Spring Clearance Event", "Autumn Clearance Event"];

        ParsedQuestion fromSpring = QuestionParser.Parse("revenue from the Clearance campaign", DemoSemanticLayer.Instance, spring);
        ParsedQuestion fromBoth = QuestionParser.Parse("revenue from the Clearance Event campaign", DemoSemanticLayer.Instance, both);
        ParsedQuestion fromSpringAgain = QuestionParser.Parse("conversions of the Welcome Offer campaign", DemoSemanticLayer.Instance, spring);

        Assert.True(fromSpring.Query is not null, fromSpring.Reason);
        Assert.Contains(fromSpring.Query.Filters, f => f.Values.Contains("Spring Clearance Event"));
        Assert.Null(fromBoth.Query);
        Assert.Contains("Autumn Clearance Event", fromBoth.Reason, StringComparison.Ordinal);
        Assert.Contains("Spring Clearance Event", fromBoth.Reason, StringComparison.Ordinal);
        Assert.True(fromSpringAgain.Query is not null, fromSpringAgain.Reason);
        Assert.Contains(fromSpringAgain.Query.Filters, f => f.Values.Contains("Summer Welcome Offer"));
    }

    [Fact]
    public void ForgetRecentReadings_ReadsTheQuestionFromScratch()
    {
        ParsedQuestion first = QuestionParser.Parse("revenue by country last month", DemoSemanticLayer.Instance);
        QuestionParser.ForgetRecentReadings();
        ParsedQuestion second = QuestionParser.Parse("revenue by country last month", DemoSemanticLayer.Instance);

        Assert.NotSame(first, second);
        Assert.Equal(first.Query?.Measure.Name, second.Query?.Measure.Name);
        Assert.Equal(first.Query?.Dimension?.Name, second.Query?.Dimension?.Name);
    }
}

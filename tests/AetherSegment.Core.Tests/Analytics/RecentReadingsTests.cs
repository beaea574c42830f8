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

using AetherSegment.Analytics;

namespace AetherSegment.Core.Tests.Analytics;

/// <summary>
/// Issue 17, stop 35: "month over month growth from September to October 2026" names both months of the change; two
/// months one after the other are the two periods (a year said once holds for both), months apart are declined.
/// </summary>
public sealed class MonthOverMonthNamedTests
{
    [Theory]
    [InlineData("What was month over month revenue growth from September to October 2026?", 9, 2026, 10, 2026)]
    [InlineData("month-over-month growth in orders from December 2025 to January 2026", 12, 2025, 1, 2026)]
    [InlineData("month over month change in revenue from March 2026 to April", 3, 2026, 4, 2026)]
    public void Parse_TwoConsecutiveMonths_AreTheTwoPeriods(string question, int month, int year, int laterMonth, int laterYear)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.True(parsed.Query.Growth);
        Assert.Equal((month, year), (parsed.Query.Time!.Amount, parsed.Query.Time.Year));
        Assert.Equal((laterMonth, laterYear), (parsed.Query.ComparedTime!.Amount, parsed.Query.ComparedTime.Year));
    }

    [Fact]
    public void Parse_MonthsApart_IsDeclined()
    {
        Assert.Null(QuestionParser.Parse("month over month revenue growth from June to October 2026", DemoSemanticLayer.Instance).Query);
    }
}

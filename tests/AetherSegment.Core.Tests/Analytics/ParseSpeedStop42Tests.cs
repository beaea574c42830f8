using AetherSegment.Analytics;

namespace AetherSegment.Core.Tests.Analytics;

/// <summary>
/// Stop 42 (parse speed): the patterns now tried only where the text holds a word every match of them contains still read
/// what they read before, wherever in the question that word stands.
/// </summary>
public sealed class ParseSpeedStop42Tests
{
    [Theory]
    [InlineData("could you please drop the customers table", "would change data")]
    [InlineData("for the board: reset all churn scores", "would change data")]
    [InlineData("their email addresses, for customers in London", "personal data")]
    [InlineData("who are the customers in London", "personal data")]
    [InlineData("what tables do you have, list all tables", "outside the data model")]
    [InlineData("show me the server settings", "outside the data model")]
    public void Parse_RefusalWords_AnywhereInTheQuestion_AreRefused(string question, string reason)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.Equal(AnalyticsAnswerStatus.Refused, parsed.Status);
        Assert.Contains(reason, parsed.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("revenue in Q3 2026", "2026-07-01", "2026-10-01")]
    [InlineData("revenue in the third quarter of 2026", "2026-07-01", "2026-10-01")]
    [InlineData("revenue in the first half of 2026", "2026-01-01", "2026-07-01")]
    [InlineData("revenue from 2026-01-01 to 2026-03-31", "2026-01-01", "2026-04-01")]
    [InlineData("revenue in March 2025", "2025-03-01", "2025-04-01")]
    [InlineData("revenue in 2025", "2025-01-01", "2026-01-01")]
    [InlineData("revenue yesterday", "2026-11-19", "2026-11-20")]
    [InlineData("revenue last quarter", "2026-07-01", "2026-10-01")]
    public void Parse_GuardedTimeRanges_ResolveAsBefore(string question, string start, string end)
    {
        DateTimeOffset asOf = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.True(parsed.Query?.Time is not null, parsed.Reason);
        (DateTimeOffset from, DateTimeOffset to) = parsed.Query.Time.Resolve(asOf);
        Assert.Equal(DateTimeOffset.Parse(start + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), from);
        Assert.Equal(DateTimeOffset.Parse(end + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), to);
    }

    [Theory]
    [InlineData("revenue by country")]
    [InlineData("how many customers in London")]
    public void Parse_NoGuardedWord_ReadsWithoutATimeRange(string question)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Null(parsed.Query.Time);
    }
}

using AetherSegment.Analytics;

namespace AetherSegment.Core.Tests.Analytics;

/// <summary>
/// Issue 17, stop 46: the check that a reading uses every catalog value and number the question says
/// (<c>QuestionParser.UnusedMention</c>), on its own: a reading of a shorter question is checked against a longer one that
/// says one more value or number, as a reading that dropped it would be.
/// </summary>
public sealed class MentionsUsedTests
{
    private static readonly SemanticLayer Layer = DemoSemanticLayer.Instance;

    private static string? Unused(string asked, string read)
    {
        ParsedQuestion parsed = QuestionParser.Parse(read, Layer);
        AnalyticsQuery query = Assert.IsType<AnalyticsQuery>(parsed.Query);
        return QuestionParser.UnusedMention(asked, query, [], AnswerWriter.Restate(query, Layer, null) + " " + AnswerWriter.Describe(query, Layer, null), Layer);
    }

    [Theory]
    [InlineData("how many abandoned carts worth more than 1000 had at least 3 items", "how many abandoned carts had at least 3 items", "\"1000\"")]
    [InlineData("how many abandoned carts worth more than $2k had at least 3 items", "how many abandoned carts had at least 3 items", "\"2k\"")]
    [InlineData("how many customers in Canada bought Sofas", "how many customers bought Sofas", "(Canada)")]
    [InlineData("how many customers in Toronto bought Sofas", "how many customers bought Sofas", "(Toronto)")]
    public void ADroppedMention_IsNamed(string asked, string read, string named) =>
        Assert.Contains(named, Unused(asked, read), StringComparison.Ordinal);

    [Theory]
    [InlineData("how many abandoned carts had at least 3 items")]
    [InlineData("how many customers in Canada bought Sofas")]
    [InlineData("how many customers came to us from email")]
    [InlineData("How many sessions lasted longer than 10 minutes?")]
    public void AReadingThatUsesEveryMention_IsKept(string question) =>
        Assert.Null(Unused(question, question));
}

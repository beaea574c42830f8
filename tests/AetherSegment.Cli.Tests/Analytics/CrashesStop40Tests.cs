using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 40: a question that threw inside the parser (found by ask27) is answered or declined, never an
/// exception (a 5xx in the web app, exit 1 in the command line).
/// </summary>
public sealed class CrashesStop40Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    [InlineData("what percentage of customers who came from social live in each country")]
    [InlineData("what share of customers who came from social live in each city")]
    [InlineData("what percentage of customers who bought Lighting live in each country")]
    public async Task AQuestionThatThrew_IsAnsweredOrDeclined(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        Assert.Contains(answer.Status, (AnalyticsAnswerStatus[])[AnalyticsAnswerStatus.Answered, AnalyticsAnswerStatus.Unanswerable]);
    }
}

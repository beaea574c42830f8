using System.Text;
using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 41, regex safety, through the whole ask path on a real store: a long adversarial question (repeated words,
/// commas, "and not", brackets) is answered in the normal shape or declined with a reason, never an error; one longer
/// than the service accepts is refused with the limit named.
/// </summary>
public sealed class AdversarialQuestionsStop41Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private static readonly string[] Phrases =
    [
        "customers,",
        "and not",
        "customers who bought and not",
        "( [ revenue ] )",
        "more than",
        "what percentage of customers who came from social live in each country",
        "revenue by country, city, category,",
        "on average how many sessions does a customer have",
        "per customer per",
    ];

    public static TheoryData<string> Questions()
    {
        TheoryData<string> questions = [];
        foreach (string phrase in Phrases)
        {
            questions.Add(Repeat(phrase, AnalyticsService.MaxQuestionLength));
        }

        questions.Add("how many customers bought in 2026 " + Repeat("and not", AnalyticsService.MaxQuestionLength - 40));
        questions.Add("revenue by country " + Repeat("last month,", AnalyticsService.MaxQuestionLength - 30));
        return questions;
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task ALongAdversarialQuestion_IsAnsweredInTheNormalShapeOrDeclined(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        Assert.Contains(answer.Status, (AnalyticsAnswerStatus[])[AnalyticsAnswerStatus.Answered, AnalyticsAnswerStatus.Unanswerable]);
        Assert.False(string.IsNullOrWhiteSpace(answer.Answer));
        if (answer.Status == AnalyticsAnswerStatus.Answered)
        {
            Assert.False(string.IsNullOrEmpty(answer.Sql));
            Assert.False(string.IsNullOrEmpty(answer.Restatement));
            Assert.NotEmpty(answer.Columns);
        }
        else
        {
            Assert.StartsWith("I can't", answer.Answer, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AQuestionOfTwoThousandCharacters_IsRefusedWithTheLimitNamed()
    {
        AetherSegmentInputException refused = await Assert.ThrowsAsync<AetherSegmentInputException>(
            () => RuleAnswers.AskAsync(database.Path, Repeat("customers who bought and not", 2000), answered: false));

        Assert.Contains("at most 500", refused.Message, StringComparison.Ordinal);
    }

    private static string Repeat(string phrase, int length)
    {
        StringBuilder text = new();
        while (text.Length + phrase.Length + 1 <= length)
        {
            text.Append(phrase).Append(' ');
        }

        return text.ToString().TrimEnd();
    }
}

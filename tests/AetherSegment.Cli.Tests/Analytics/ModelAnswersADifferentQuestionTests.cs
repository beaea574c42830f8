using System.Text.Json;
using AetherSegment.Analytics;
using AetherSegment.Tests;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, language-model path: a fake OpenAI-compatible model on loopback writes SQL. SQL that passes the guard
/// but reads other tables or measures than the rule-based reading of the question is refused as an answer to a
/// different question, and the rules answer; every answer's restatement names the path that produced it.
/// </summary>
public sealed class ModelAnswersADifferentQuestionTests(ModelAnswersADifferentQuestionTests.Fixture fixture) : IClassFixture<ModelAnswersADifferentQuestionTests.Fixture>
{
    [Theory]
    [InlineData("revenue by country", "SELECT c.country, COUNT(*) AS carts FROM abandoned_carts a JOIN customers c USING (customer_id) GROUP BY 1")]
    [InlineData("value of abandoned carts", "SELECT COUNT(*) AS carts FROM abandoned_carts")]
    [InlineData("how many customers bought a sofa and a mattress?", "SELECT product_type, COUNT(DISTINCT customer_id) AS buyers FROM transactions WHERE product_type IN ('Sofas', 'Mattresses') GROUP BY 1")]
    [InlineData("revenue in Canada", "SELECT SUM(order_value) AS revenue FROM transactions")]
    public async Task ModelSqlForADifferentQuestion_IsRefused_AndTheRulesAnswer(string question, string sql)
    {
        fixture.Answer = JsonSerializer.Serialize(new { sql });

        AnalyticsAnswer answer = await fixture.Analytics.AskAsync(question);

        Assert.Equal(AnalyticsAnswerStatus.Answered, answer.Status);
        Assert.Equal(AnalyticsAnswerSource.Rules, answer.Source);
        Assert.Contains(answer.Warnings, w => w.Contains("answers a different question than asked", StringComparison.Ordinal));
        Assert.NotEqual(sql, answer.Sql);
        Assert.EndsWith("(rule-based parser)", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelSqlForTheQuestionAsRead_IsAnswered_AndTheRestatementNamesTheModel()
    {
        const string Sql = "SELECT c.country, SUM(t.order_value) AS revenue FROM transactions t JOIN customers c USING (customer_id) GROUP BY 1 ORDER BY 2 DESC";
        fixture.Answer = JsonSerializer.Serialize(new { sql = Sql });

        AnalyticsAnswer answer = await fixture.Analytics.AskAsync("revenue by country");

        Assert.Equal(AnalyticsAnswerSource.LanguageModel, answer.Source);
        Assert.StartsWith("Computed by SQL that the language model wrote, checked against the rule-based reading: the total revenue, for each country", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQuestionTheRulesCannotRead_IsAnsweredByTheModel_AndSaysNothingCheckedIt()
    {
        fixture.Answer = JsonSerializer.Serialize(new { sql = "SELECT COUNT(DISTINCT session_id) AS sessions FROM behavioral_events" });

        AnalyticsAnswer answer = await fixture.Analytics.AskAsync("how many distinct visits happened, roughly speaking?");

        Assert.Equal(AnalyticsAnswerSource.LanguageModel, answer.Source);
        Assert.Contains("nothing checked that it answers it", answer.Restatement, StringComparison.Ordinal);
        Assert.Contains("behavioral_events", answer.Restatement, StringComparison.Ordinal);
    }

    public sealed class Fixture : IDisposable
    {
        private readonly FakeModelSqlHost _host;

        public Fixture()
        {
            string path = Path.Combine(TestPaths.NewTempDirectory(), "different.duckdb");
            AnalyticsDatabase.Create(path, 200, seed: 23);
            _host = new FakeModelSqlHost(path);
        }

        public string Answer { get => _host.Answer; set => _host.Answer = value; }

        public IAnalyticsService Analytics => _host.Analytics;

        public void Dispose() => _host.Dispose();
    }
}

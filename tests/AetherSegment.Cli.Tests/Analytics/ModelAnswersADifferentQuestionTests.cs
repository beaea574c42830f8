using System.Text.Json;
using AetherSegment.Analytics;
using AetherSegment.Tests;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, language-model path: the rules answer first, and a question they answer never reaches the model (a fake
/// OpenAI-compatible model on loopback). A question they decline goes to the model; its SQL that passes the guard but
/// reads other tables or measures than the rules' partial reading is refused as an answer to a different question;
/// every answer's restatement names the path that produced it.
/// </summary>
public sealed class ModelAnswersADifferentQuestionTests(ModelAnswersADifferentQuestionTests.Fixture fixture) : IClassFixture<ModelAnswersADifferentQuestionTests.Fixture>
{
    [Theory]
    [InlineData("revenue by country")]
    [InlineData("how many customers bought a sofa and a mattress?")]
    [InlineData("value of abandoned carts")]
    public async Task AQuestionTheRulesAnswer_NeverReachesTheModel(string question)
    {
        fixture.Answer = JsonSerializer.Serialize(new { sql = "SELECT COUNT(*) AS carts FROM abandoned_carts" });
        int before = fixture.ModelRequests;

        AnalyticsAnswer answer = await fixture.Analytics.AskAsync(question);

        Assert.Equal(before, fixture.ModelRequests);
        Assert.Equal(AnalyticsAnswerStatus.Answered, answer.Status);
        Assert.Equal(AnalyticsAnswerSource.Rules, answer.Source);
        Assert.EndsWith("(rule-based parser)", answer.Restatement, StringComparison.Ordinal);
        Assert.Empty(answer.Warnings);
    }

    [Theory]
    [InlineData("revenue by country, roughly speaking", "SELECT c.country, COUNT(*) AS carts FROM abandoned_carts a JOIN customers c USING (customer_id) GROUP BY 1")]
    [InlineData("revenue in Canada, roughly speaking", "SELECT SUM(order_value) AS revenue FROM transactions")]
    [InlineData("abandoned cart value, give or take", "SELECT COUNT(*) AS carts FROM customers")]
    public async Task ModelSqlForADifferentQuestion_IsCaughtByTheCheck_AndTheQuestionIsDeclined(string question, string sql)
    {
        fixture.Answer = JsonSerializer.Serialize(new { sql });
        int before = fixture.ModelRequests;

        AnalyticsAnswer answer = await fixture.Analytics.AskAsync(question);

        Assert.Equal(before + 1, fixture.ModelRequests);
        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, answer.Status);
        Assert.Null(answer.Source);
        Assert.Null(answer.Sql);
        Assert.Contains(answer.Warnings, w => w.Contains("answers a different question than asked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ModelSqlForTheQuestionAsRead_IsAnswered_AndTheRestatementNamesTheModel()
    {
        const string Sql = "SELECT c.country, SUM(t.order_value) AS revenue FROM transactions t JOIN customers c USING (customer_id) GROUP BY 1 ORDER BY 2 DESC";
        fixture.Answer = JsonSerializer.Serialize(new { sql = Sql });
        int before = fixture.ModelRequests;

        AnalyticsAnswer answer = await fixture.Analytics.AskAsync("revenue by country, broadly speaking");

        Assert.Equal(before + 1, fixture.ModelRequests);
        Assert.Equal(AnalyticsAnswerSource.LanguageModel, answer.Source);
        Assert.StartsWith("Computed by SQL that the language model wrote (the rule-based parser declined the question: I could not place \"broadly\", \"speaking\"), checked against the rules' partial reading: the total revenue, for each country", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQuestionTheRulesCannotRead_IsAnsweredByTheModel_AndSaysNothingCheckedIt()
    {
        fixture.Answer = JsonSerializer.Serialize(new { sql = "SELECT COUNT(DISTINCT session_id) AS sessions FROM behavioral_events" });
        int before = fixture.ModelRequests;

        AnalyticsAnswer answer = await fixture.Analytics.AskAsync("how many distinct things happened, roughly speaking?");

        Assert.Equal(before + 1, fixture.ModelRequests);
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

        public int ModelRequests => _host.ModelRequests;

        public void Dispose() => _host.Dispose();
    }
}

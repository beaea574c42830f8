using System.Text.Json;
using AetherSegment.Analytics;
using AetherSegment.Data;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using AetherSegment.Synthetic.Profiles;

namespace AetherSegment.Gemini.Tests.Analytics;

public sealed class GeminiAnalyticsTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static FakeDataStore Store() => new(statement =>
        statement.Sql.Contains("AS as_of", StringComparison.Ordinal)
            ? new QueryResult(["as_of"], [[AsOf]])
            : new QueryResult(["country", "customers"], [["Canada", 80L], ["United States", 160L]]));

    private static ServiceProvider Build(FakeDataStore store, string endpoint, Action<IServiceCollection>? more = null)
    {
        ServiceCollection services = new();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<IDataStore>(store);
        services.AddAetherSegment().UseProfile(AetherSegment.Synthetic.Profiles.HomeFurnishingProfile.Load()).AddGeminiAnalytics(o =>
        {
            o.ProjectId = "demo-project";
            o.Endpoint = endpoint;
            o.AccessToken = "test-token";
            o.MaxRetries = 0;
        });
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Ask_GoodModelSql_RunsInsideTheRowLimit_AndSaysTheModelWroteIt()
    {
        using FakeVertexServer server = new(_ => (200, FakeVertexServer.ModelSays("SELECT country, COUNT(*) AS customers FROM customers GROUP BY country;")));
        FakeDataStore store = Store();
        using ServiceProvider services = Build(store, server.Endpoint);

        AnalyticsAnswer answer = await services.GetRequiredService<IAnalyticsService>().AskAsync("how many customers per country, roughly speaking?");

        Assert.Equal(AnalyticsAnswerSource.LanguageModel, answer.Source);
        Assert.Equal(AnalyticsAnswerStatus.Answered, answer.Status);
        Assert.StartsWith("SELECT * FROM (\nSELECT country, COUNT(*) AS customers FROM customers GROUP BY country\n) AS guarded_result LIMIT $max_rows", answer.Sql, StringComparison.Ordinal);
        Assert.Equal(1000L, Assert.Single(answer.Parameters).Value);
        Assert.Equal(2, answer.Rows.Count);
        Assert.Equal(ChartType.Bar, answer.Chart?.Type);
        (string path, string body, string? authorization) = Assert.Single(server.Requests);
        Assert.Equal("/v1/projects/demo-project/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent", path);
        Assert.Equal("Bearer test-token", authorization);
        using JsonDocument request = JsonDocument.Parse(body);
        Assert.Equal("application/json", request.RootElement.GetProperty("generationConfig").GetProperty("responseMimeType").GetString());
        Assert.Equal("how many customers per country, roughly speaking?", request.RootElement.GetProperty("contents")[0].GetProperty("parts")[0].GetProperty("text").GetString());
        string instruction = request.RootElement.GetProperty("systemInstruction").GetProperty("parts")[0].GetProperty("text").GetString()!;
        Assert.Contains("2026-11-20 12:00:00 UTC", instruction, StringComparison.Ordinal);
        Assert.DoesNotContain("email STRING", instruction, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT email FROM customers", "personal data")]
    [InlineData("DROP TABLE customers", "only a single SELECT")]
    [InlineData("SELECT country FROM customers; DELETE FROM customers", "DELETE")]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')", "read_csv")]
    [InlineData("SELECT customer_id, true_uplift FROM ground_truth_uplift", "evaluation-only")]
    public async Task Ask_HostileModelSql_NeverRuns_AndTheQuestionStaysDeclined(string sql, string reason)
    {
        using FakeVertexServer server = new(_ => (200, FakeVertexServer.ModelSays(sql)));
        FakeDataStore store = Store();
        using ServiceProvider services = Build(store, server.Endpoint);

        AnalyticsAnswer answer = await services.GetRequiredService<IAnalyticsService>().AskAsync("customers by country, roughly speaking");

        Assert.DoesNotContain(store.Statements, s => s.Sql.Contains(sql, StringComparison.Ordinal));
        Assert.Null(answer.Source);
        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, answer.Status);
        string warning = Assert.Single(answer.Warnings);
        Assert.Contains("refused", warning, StringComparison.Ordinal);
        Assert.Contains(reason, warning, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("ground_truth_uplift", 10L, "ground_truth_uplift")]
    [InlineData("other-project.secrets.customers", 10L, "other-project.secrets.customers")]
    [InlineData("customers", 5_000_000_000L, "over the limit")]
    public async Task Ask_DryRunReadsAnotherTableOrTooManyBytes_IsRefusedWithoutRunning(string table, long bytes, string reason)
    {
        using FakeVertexServer server = new(_ => (200, FakeVertexServer.ModelSays("SELECT country, COUNT(*) AS customers FROM customers GROUP BY country")));
        FakeDataStore store = new(
            statement => statement.Sql.Contains("AS as_of", StringComparison.Ordinal)
                ? new QueryResult(["as_of"], [[AsOf]])
                : new QueryResult(["country", "customers"], [["Canada", 80L]]),
            _ => new QueryCostEstimate(bytes, ["customers", table]));
        using ServiceProvider services = Build(store, server.Endpoint);

        AnalyticsAnswer answer = await services.GetRequiredService<IAnalyticsService>().AskAsync("customers by country, roughly speaking");

        Assert.Single(store.DryRuns);
        Assert.DoesNotContain(store.Statements, s => s.Sql.Contains("guarded_result", StringComparison.Ordinal));
        Assert.Null(answer.Source);
        Assert.Contains(answer.Warnings, w => w.Contains("refused", StringComparison.Ordinal) && w.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_HostileQuestion_IsRefusedBeforeTheModelIsAsked()
    {
        using FakeVertexServer server = new(_ => (200, FakeVertexServer.ModelSays("SELECT 1")));
        using ServiceProvider services = Build(Store(), server.Endpoint);

        AnalyticsAnswer answer = await services.GetRequiredService<IAnalyticsService>().AskAsync("drop table customers");

        Assert.Equal(AnalyticsAnswerStatus.Refused, answer.Status);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Ask_ModelHttpError_LeavesTheQuestionDeclinedWithAWarning()
    {
        using FakeVertexServer server = new(_ => (500, "{}"));
        using ServiceProvider services = Build(Store(), server.Endpoint);

        AnalyticsAnswer answer = await services.GetRequiredService<IAnalyticsService>().AskAsync("customers by country, roughly speaking");

        Assert.Null(answer.Source);
        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, answer.Status);
        Assert.Contains("did not answer", Assert.Single(answer.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteSql_RetriesA503_ThenReadsTheAnswer()
    {
        using FakeVertexServer server = new(call => call == 1 ? (503, "{}") : (200, FakeVertexServer.ModelSays("SELECT COUNT(*) AS n FROM customers")));
        FakeDataStore store = Store();
        using ServiceProvider services = Build(store, server.Endpoint, s => s.Configure<GeminiOptions>(o => o.MaxRetries = 2));

        IAnalyticsSqlWriter writer = services.GetRequiredService<IAnalyticsSqlWriter>();
        string? sql = await writer.WriteSqlAsync(new AnalyticsSqlRequest("how many customers", SqlDialect.DuckDB, AnalyticsSqlGuard.DescribeAllowedSchema(HomeFurnishingProfile.Load()), AsOf));

        Assert.Equal("SELECT COUNT(*) AS n FROM customers", sql);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task ChatClient_WritesSqlInsideTheSameGuard()
    {
        FakeChatClient chat = new(_ => "```sql\nSELECT device, COUNT(DISTINCT session_id) AS sessions FROM behavioral_events GROUP BY device\n```");
        FakeDataStore store = Store();
        ServiceCollection services = new();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<IDataStore>(store);
        services.AddSingleton<IChatClient>(chat);
        services.AddAetherSegment().UseProfile(AetherSegment.Synthetic.Profiles.HomeFurnishingProfile.Load()).AddChatClientAnalytics().AddChatClientAnalytics();
        using ServiceProvider provider = services.BuildServiceProvider();

        AnalyticsAnswer answer = await provider.GetRequiredService<IAnalyticsService>().AskAsync("sessions per device, roughly speaking");

        Assert.Single(provider.GetServices<IAnalyticsSqlWriter>());
        Assert.Equal(AnalyticsAnswerSource.LanguageModel, answer.Source);
        Assert.Contains("COUNT(DISTINCT session_id) AS sessions FROM behavioral_events", answer.Sql, StringComparison.Ordinal);
        Assert.Contains("sessions per device, roughly speaking", chat.LastUserMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"sql\": \"SELECT 1 AS one\"}", "SELECT 1 AS one")]
    [InlineData("{\"sql\": \"\"}", null)]
    [InlineData("```\nSELECT 2 AS two\n```", "SELECT 2 AS two")]
    [InlineData("  SELECT 3 AS three  ", "SELECT 3 AS three")]
    [InlineData("", null)]
    public void ReadAnswer_AcceptsJsonOrBareSql(string text, string? expected) =>
        Assert.Equal(expected, AetherSegment.AI.Analytics.AnalyticsSqlPrompt.ReadAnswer(text));

    private sealed class FakeChatClient(Func<IEnumerable<ChatMessage>, string> answer) : IChatClient
    {
        public string LastUserMessage { get; private set; } = "";

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            LastUserMessage = messages.Last(m => m.Role == ChatRole.User).Text;
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer(messages))));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}

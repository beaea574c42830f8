using AetherSegment.BigQuery.Rest;
using AetherSegment.Data;
using AetherSegment.Tests;
using AetherSegment.Synthetic.Profiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AetherSegment.BigQuery.Tests.Rest;

/// <summary>
/// The BigQuery client's resilience (Microsoft.Extensions.Http.Resilience, settings in <see cref="BigQueryOptions"/>)
/// against an in-process BigQuery endpoint on loopback: Retry-After, attempt timeout, retries that give up, open circuit.
/// </summary>
public sealed class BigQueryResilienceTests
{
    private static readonly SqlStatement Statement = new("SELECT COUNT(*) AS n FROM customers WHERE country = @country", [QueryParameter.String("country", "Canada")]);

    private static FakeReply Answer() => FakeReply.Json(new
    {
        jobReference = new { projectId = "proj", jobId = "job_1", location = "US" },
        jobComplete = true,
        totalRows = "1",
        schema = new { fields = new[] { new { name = "n", type = "INTEGER", mode = "NULLABLE" } } },
        rows = new[] { new { f = new[] { new { v = "7" } } } },
    });

    private static BigQueryOptions Options(FakeBigQueryServer server) => new()
    {
        ProjectId = "proj",
        Dataset = "cdp",
        Endpoint = server.Endpoint,
        AccessToken = "test-token",
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
    };

    private static void AssertQueryShape(FakeRequest request)
    {
        Assert.Equal("POST", request.Method);
        Assert.Equal("/bigquery/v2/projects/proj/queries", request.Path);
        Assert.Equal("Bearer test-token", request.Authorization);
        Assert.Equal(Statement.Sql, request.Sql);
        Assert.Equal("NAMED", request.Body?["parameterMode"]?.GetValue<string>());
        Assert.Equal("Canada", request.Body?["queryParameters"]?[0]?["parameterValue"]?["value"]?.GetValue<string>());
    }

    [Fact]
    public async Task Query_429WithRetryAfterThenSuccess_WaitsWhatTheServerSaysAndResendsTheSameRequest()
    {
        int calls = 0;
        await using FakeBigQueryServer server = new(_ => Interlocked.Increment(ref calls) == 1
            ? FakeReply.Error(429, "rateLimitExceeded", "Exceeded rate limits.") with { Headers = new Dictionary<string, string> { ["Retry-After"] = "1" } }
            : Answer());
        using CapturingLoggerProvider logs = new();
        using ILoggerFactory factory = LoggerFactory.Create(b => b.AddProvider(logs));
        // The backoff alone would wait a minute (capped at 30 s); only honouring Retry-After waits one second.
        BigQueryOptions options = Options(server);
        options.RetryBaseDelay = TimeSpan.FromMinutes(1);
        using BigQueryRestClient client = new(options, TimeProvider.System, factory.CreateLogger<BigQueryRestClient>());

        System.Text.Json.JsonElement result = await client.QueryAsync(Statement, dryRun: false, CancellationToken.None);

        Assert.Equal("7", result.GetProperty("rows")[0].GetProperty("f")[0].GetProperty("v").GetString());
        Assert.Equal(2, server.All.Count);
        Assert.All(server.All, AssertQueryShape);
        Assert.Contains(logs.Snapshot(), l => l.Level == LogLevel.Warning && l.Message.Contains("attempt 2 in 1000 ms", StringComparison.Ordinal) && l.Message.Contains("429", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Query_NoAnswerWithinTheAttemptTimeout_GivesAClearErrorNamingTheSetting()
    {
        // The server answers only after the client has given up: a late answer (a timer delayed by a starved thread
        // pool) can never turn the timeout into a success.
        using ManualResetEventSlim clientGaveUp = new();
        await using FakeBigQueryServer server = new(_ =>
        {
            clientGaveUp.Wait(TimeSpan.FromMinutes(1));
            return Answer();
        });
        BigQueryOptions options = Options(server);
        options.Timeout = TimeSpan.FromSeconds(1);
        options.MaxRetries = 0;
        using BigQueryRestClient client = new(options, TimeProvider.System);

        DataStoreException error;
        try
        {
            error = await Assert.ThrowsAsync<DataStoreException>(() => client.QueryAsync(Statement, dryRun: false, CancellationToken.None));
        }
        finally
        {
            clientGaveUp.Set();
        }

        Assert.Equal($"BigQuery is unreachable at {server.Endpoint.TrimEnd('/')} after 1 attempts: no answer within 1 s (AetherSegment:BigQuery:Timeout)", error.Message);
        AssertQueryShape(Assert.Single(server.All));
    }

    [Fact]
    public async Task Query_ServerErrorsEveryTime_RetriesMaxRetriesTimesThenGivesBigQuerysMessage()
    {
        await using FakeBigQueryServer server = new(_ => FakeReply.Error(503, "backendError", "The service is unavailable."));
        BigQueryOptions options = Options(server);
        options.MaxRetries = 2;
        using BigQueryRestClient client = new(options, TimeProvider.System);

        DataStoreException error = await Assert.ThrowsAsync<DataStoreException>(() => client.QueryAsync(Statement, dryRun: false, CancellationToken.None));

        Assert.Equal("BigQuery error 503 (backendError): The service is unavailable.", error.Message);
        Assert.Equal(3, server.All.Count);
        Assert.All(server.All, AssertQueryShape);
    }

    [Fact]
    public async Task Query_OpenCircuit_AnswersAtOnceWithoutCallingBigQuery()
    {
        await using FakeBigQueryServer server = new(_ => FakeReply.Error(503, "backendError", "The service is unavailable."));
        BigQueryOptions options = Options(server);
        options.MaxRetries = 1;
        options.CircuitBreakerMinimumThroughput = 2;
        options.CircuitBreakerBreakDuration = TimeSpan.FromMinutes(5);
        using BigQueryRestClient client = new(options, TimeProvider.System);
        await Assert.ThrowsAsync<DataStoreException>(() => client.QueryAsync(Statement, dryRun: false, CancellationToken.None));
        Assert.Equal(2, server.All.Count); // two failed attempts open the circuit

        DataStoreException error = await Assert.ThrowsAsync<DataStoreException>(() => client.QueryAsync(Statement, dryRun: false, CancellationToken.None));

        Assert.Equal(2, server.All.Count);
        Assert.Contains("the circuit breaker is open", error.Message, StringComparison.Ordinal);
        Assert.Contains("AetherSegment:BigQuery:CircuitBreakerBreakDuration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OpenCircuit_AnswersAtOnceWithoutCallingBigQuery()
    {
        await using FakeBigQueryServer server = new(_ => FakeReply.Error(503, "backendError", "The service is unavailable."));
        BigQueryOptions options = Options(server);
        options.MaxRetries = 1;
        options.CircuitBreakerMinimumThroughput = 2;
        options.CircuitBreakerBreakDuration = TimeSpan.FromMinutes(5);
        using BigQueryRestClient client = new(options, TimeProvider.System);
        await Assert.ThrowsAsync<DataStoreException>(() => client.QueryAsync(Statement, dryRun: false, CancellationToken.None));
        string file = Path.Combine(TestPaths.NewTempDirectory(), "rows.json");
        await File.WriteAllTextAsync(file, "{\"customer_id\":\"C1\"}\n");

        DataStoreException error = await Assert.ThrowsAsync<DataStoreException>(() => client.UploadAsync(new Uri(server.Endpoint.TrimEnd('/') + "/upload/session-1"), file, CancellationToken.None));

        Assert.Equal(2, server.All.Count);
        Assert.Contains("the circuit breaker is open", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TotalTimeout", "AetherSegment:BigQuery:TotalTimeout must exceed AetherSegment:BigQuery:Timeout")]
    [InlineData("MaxRetries", "AetherSegment:BigQuery:MaxRetries must be between 0 and 10.")]
    [InlineData("RetryBaseDelay", "AetherSegment:BigQuery:RetryBaseDelay must be between 00:00:00 and 00:01:00.")]
    [InlineData("CircuitBreakerMinimumThroughput", "AetherSegment:BigQuery:CircuitBreakerMinimumThroughput must be between 2 and 1000.")]
    [InlineData("CircuitBreakerBreakDuration", "AetherSegment:BigQuery:CircuitBreakerBreakDuration must be between 00:00:00.500 and 1.00:00:00.")]
    public void Options_BadResilienceSetting_FailsAtStartNamingTheKey(string setting, string message)
    {
        ServiceCollection services = new();
        services.AddAetherSegment().UseProfile(HomeFurnishingProfile.Load()).AddBigQuery(o =>
        {
            o.ProjectId = "proj";
            switch (setting)
            {
                case "TotalTimeout": o.TotalTimeout = o.Timeout; break;
                case "MaxRetries": o.MaxRetries = 11; break;
                case "RetryBaseDelay": o.RetryBaseDelay = TimeSpan.FromMinutes(2); break;
                case "CircuitBreakerMinimumThroughput": o.CircuitBreakerMinimumThroughput = 1; break;
                default: o.CircuitBreakerBreakDuration = TimeSpan.FromMilliseconds(100); break;
            }
        });
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BigQueryOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AetherSegment.Tests;
using AetherSegment.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace AetherSegment.Web.Tests.Hosting;

public sealed class StoreFaultTests
{
    [Fact]
    public async Task StoreFailure_Answers503WithAGenericDetailAndTheTraceId_AndLogsTheStoreErrorAtErrorUnderTheSameId()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "vanishing.duckdb");
        await SeededDatabase.CreateAsync(path, 50, DateTimeOffset.UtcNow);
        CapturedLogs logs = new();
        await using WebAppServer server = await WebAppServer.StartAsync(path, logs: logs);
        File.Delete(path);   // the store now fails with its own text, which names the file

        using HttpResponseMessage response = await server.Client.PostAsJsonAsync("api/v1/campaigns/analyze", new { objective = Objectives.Regional });
        string body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("10", response.Headers.GetValues("Retry-After").Single());
        using JsonDocument problem = JsonDocument.Parse(body);
        string traceId = problem.RootElement.GetProperty("trace_id").GetString()!;
        string detail = problem.RootElement.GetProperty("detail").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(traceId));
        Assert.Contains(traceId, detail, StringComparison.Ordinal);
        Assert.DoesNotContain(path, body, StringComparison.Ordinal);
        Assert.DoesNotContain("aether generate", body, StringComparison.Ordinal);
        Assert.DoesNotContain("DuckDB", body, StringComparison.OrdinalIgnoreCase);

        CapturedLogs.Entry logged = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(traceId, StringComparison.Ordinal));
        Assert.Contains(path, logged.Message, StringComparison.Ordinal);
        Assert.NotNull(logged.Exception);
    }

    [Fact]
    public async Task UnusableStore_Answers503_WithTheConfiguredRetryAfter()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "missing.duckdb");
        await using WebAppServer server = await WebAppServer.StartAsync(path, new Dictionary<string, string>
        {
            ["AetherSegment:Web:GenerateWhenMissing"] = "false",
            ["AetherSegment:Web:StoreUnavailableRetryAfterSeconds"] = "42",
        });

        using HttpResponseMessage response = await server.Client.GetAsync("api/v1/overview/stats");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("42", response.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task Create_EightSimultaneousFirstCreatesOnANewDatabase_AllAnswer201()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "first-creates.duckdb");
        await SeededDatabase.CreateAsync(path, 300, DateTimeOffset.UtcNow);
        await using WebAppServer server = await WebAppServer.StartAsync(path);

        HttpResponseMessage[] responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            server.Client.PostAsJsonAsync("api/v1/segments/create", new { campaign_objective = Objectives.Regional })));
        try
        {
            string[] bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
            Assert.All(responses.Zip(bodies), r => Assert.True(r.First.StatusCode == HttpStatusCode.Created, $"{(int)r.First.StatusCode}: {r.Second}"));
            string[] ids = [.. bodies.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("segment_id").GetString()!)];
            Assert.Equal(8, ids.Distinct().Count());
            foreach (string id in ids)
            {
                using JsonDocument fetched = await server.GetJsonAsync($"api/v1/segments/{id}");
                Assert.Equal(id, fetched.RootElement.GetProperty("segment_id").GetString());
            }
        }
        finally
        {
            foreach (HttpResponseMessage response in responses)
            {
                response.Dispose();
            }
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AetherSegment.Tests;
using AetherSegment.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace AetherSegment.Web.Tests.Segments;

public sealed class PersonalDataExportTests
{
    private const string Header = "X-AetherSegment-Personal-Data";

    private static async Task<WebAppServer> StartAsync(CapturedLogs logs, Dictionary<string, string>? settings = null)
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "personal.duckdb");
        await SeededDatabase.CreateAsync(path, 300, DateTimeOffset.UtcNow);
        return await WebAppServer.StartAsync(path, settings, logs);
    }

    private static async Task<(string Id, long Size)> CreateAsync(WebAppServer server, string? apiKey = null)
    {
        using HttpRequestMessage request = new(HttpMethod.Post, "api/v1/segments/create") { Content = JsonContent.Create(new { campaign_objective = Objectives.Regional }) };
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        using HttpResponseMessage response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using JsonDocument segment = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (segment.RootElement.GetProperty("segment_id").GetString()!, segment.RootElement.GetProperty("size").GetInt64());
    }

    private static async Task<(HttpStatusCode Status, string? Personal, string Body)> ExportAsync(WebAppServer server, string query, string? apiKey = null)
    {
        using HttpRequestMessage request = new(HttpMethod.Get, query);
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        using HttpResponseMessage response = await server.Client.SendAsync(request);
        string? personal = response.Headers.TryGetValues(Header, out IEnumerable<string>? values) ? values.Single() : null;
        return (response.StatusCode, personal, await response.Content.ReadAsStringAsync());
    }

    private static IEnumerable<CapturedLogs.Entry> Audits(CapturedLogs logs) => logs.Entries.Where(e => e.Category == "AetherSegment.Audit");

    [Fact]
    public async Task Export_WithoutAnApiKey_LeavesPersonalColumnsOut_RefusesThem_AndAuditsEachExport()
    {
        CapturedLogs logs = new();
        await using WebAppServer server = await StartAsync(logs);
        (string id, long size) = await CreateAsync(server);

        (HttpStatusCode csvStatus, string? csvPersonal, string csv) = await ExportAsync(server, $"api/v1/segments/{id}/export?format=csv");
        (HttpStatusCode jsonStatus, string? jsonPersonal, string json) = await ExportAsync(server, $"api/v1/segments/{id}/export?format=json&include_personal=false");
        (HttpStatusCode refused, string? refusedPersonal, string problem) = await ExportAsync(server, $"api/v1/segments/{id}/export?format=csv&include_personal=true");
        (HttpStatusCode bad, _, string badProblem) = await ExportAsync(server, $"api/v1/segments/{id}/export?include_personal=perhaps");

        Assert.Equal(HttpStatusCode.OK, csvStatus);
        Assert.Equal("excluded", csvPersonal);
        string[] lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal("customer_id,country,city,clv_score", lines[0]);
        Assert.Equal(size, lines.Length - 1);
        Assert.DoesNotContain("@", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, jsonStatus);
        Assert.Equal("excluded", jsonPersonal);
        using (JsonDocument members = JsonDocument.Parse(json))
        {
            Assert.Equal(size, members.RootElement.GetArrayLength());
            Assert.All(members.RootElement.EnumerateArray(), m => Assert.False(m.TryGetProperty("email", out _) || m.TryGetProperty("first_name", out _)));
        }

        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Null(refusedPersonal);
        Assert.Contains("AetherSegment:Web:ApiKey", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        using (JsonDocument badJson = JsonDocument.Parse(badProblem))
        {
            Assert.Equal("include_personal", badJson.RootElement.GetProperty("field").GetString());
        }

        CapturedLogs.Entry[] audits = [.. Audits(logs)];
        Assert.Equal(2, audits.Length);
        Assert.All(audits, a =>
        {
            Assert.Equal(LogLevel.Information, a.Level);
            Assert.Contains($"segment {id}", a.Message, StringComparison.Ordinal);
            Assert.Contains("personal data excluded", a.Message, StringComparison.Ordinal);
            Assert.Contains($"{size} rows", a.Message, StringComparison.Ordinal);
            Assert.Contains("caller anonymous from 127.0.0.1", a.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Export_WithTheApiKey_IncludesPersonalColumnsOnlyWhenAsked_AndAuditsTheKeyIdNeverTheKey()
    {
        const string key = "personal-data-key-123";
        CapturedLogs logs = new();
        await using WebAppServer server = await StartAsync(logs, new() { ["AetherSegment:Web:ApiKey"] = key });
        (string id, long size) = await CreateAsync(server, key);

        (HttpStatusCode denied, _, _) = await ExportAsync(server, $"api/v1/segments/{id}/export?format=csv&include_personal=true");
        (HttpStatusCode defaultStatus, string? defaultPersonal, string defaultCsv) = await ExportAsync(server, $"api/v1/segments/{id}/export?format=csv", key);
        (HttpStatusCode status, string? personal, string csv) = await ExportAsync(server, $"api/v1/segments/{id}/export?format=csv&include_personal=true", key);

        Assert.Equal(HttpStatusCode.Unauthorized, denied);
        Assert.Equal(HttpStatusCode.OK, defaultStatus);
        Assert.Equal("excluded", defaultPersonal);
        Assert.StartsWith("customer_id,country,city,clv_score\n", defaultCsv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("included", personal);
        string[] lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal("customer_id,first_name,last_name,email,country,city,clv_score", lines[0]);
        Assert.Equal(size, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Contains("@", l, StringComparison.Ordinal));

        CapturedLogs.Entry included = Assert.Single(Audits(logs), a => a.Message.Contains("personal data included", StringComparison.Ordinal));
        Assert.Matches("caller api-key:[0-9a-f]{12} from 127\\.0\\.0\\.1", included.Message);
        Assert.DoesNotContain(key, string.Join("\n", logs.Entries.Select(e => e.Message)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_WithoutAnApiKey_ButExplicitlyAllowed_IncludesPersonalColumns()
    {
        CapturedLogs logs = new();
        await using WebAppServer server = await StartAsync(logs, new() { ["AetherSegment:Web:AllowPersonalDataWithoutApiKey"] = "true" });
        (string id, _) = await CreateAsync(server);

        (HttpStatusCode status, string? personal, string json) = await ExportAsync(server, $"api/v1/segments/{id}/export?format=json&include_personal=true");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("included", personal);
        using JsonDocument members = JsonDocument.Parse(json);
        Assert.All(members.RootElement.EnumerateArray(), m => Assert.Contains("@", m.GetProperty("email").GetString(), StringComparison.Ordinal));
    }
}

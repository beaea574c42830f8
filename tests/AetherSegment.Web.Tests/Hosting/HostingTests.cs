using System.Net;
using System.Text.Json;
using AetherSegment.Tests;
using AetherSegment.Web.Hosting;
using AetherSegment.Web.Tests.Infrastructure;

namespace AetherSegment.Web.Tests.Hosting;

public sealed class HostingTests(SeededServerFixture fixture) : IClassFixture<SeededServerFixture>
{
    [Fact]
    public async Task Health_ReportsDataReady()
    {
        using JsonDocument health = await fixture.Server.GetJsonAsync("api/v1/health");
        Assert.Equal("ready", health.RootElement.GetProperty("data").GetString());
    }

    [Fact]
    public async Task UnknownApiPath_Answers404ProblemJson()
    {
        using HttpResponseMessage response = await fixture.Server.Client.GetAsync("api/v1/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OversizedBody_Answers400ProblemNamingTheBody()
    {
        string huge = "{\"objective\":\"" + new string('x', 70_000) + "\"}";
        (int status, JsonDocument body, string? type) = await fixture.Server.PostRawAsync("api/v1/campaigns/analyze", huge);
        using (body)
        {
            Assert.Equal(400, status);
            Assert.Equal("application/problem+json", type);
            Assert.Equal("body", body.RootElement.GetProperty("field").GetString());
        }
    }

    [Fact]
    public async Task OversizedChunkedBody_Answers400ProblemNamingTheBody()
    {
        byte[] huge = System.Text.Encoding.UTF8.GetBytes("{\"objective\":\"" + new string('x', 200_000) + "\"}");
        using StreamContent content = new(new MemoryStream(huge));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using HttpRequestMessage request = new(HttpMethod.Post, "api/v1/campaigns/analyze") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using HttpResponseMessage response = await fixture.Server.Client.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()} {response.Content.Headers.ContentType}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("body", body.RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task OpenApiDocument_ListsEveryEndpoint()
    {
        using JsonDocument openApi = await fixture.Server.GetJsonAsync("openapi/v1.json");
        JsonElement paths = openApi.RootElement.GetProperty("paths");
        foreach (string path in (string[])["/api/v1/overview/stats", "/api/v1/campaigns/analyze", "/api/v1/segments/preview-filters",
            "/api/v1/segments/create", "/api/v1/segments/{id}", "/api/v1/segments/{id}/export", "/api/v1/analytics/ask"])
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }
    }

    [Fact]
    public async Task ApiReferencePage_IsServedAtDocs()
    {
        using HttpResponseMessage response = await fixture.Server.Client.GetAsync("docs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("campaign-segmentation.html")]
    [InlineData("conversational-analytics.html")]
    public async Task Pages_AreServed(string page)
    {
        using HttpResponseMessage response = await fixture.Server.Client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<script type=\"module\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://127.0.0.1:0", true)]
    [InlineData("http://[::1]:5000", true)]
    [InlineData("http://0.0.0.0:5000", false)]
    [InlineData("http://*:80", false)]
    [InlineData("http://+:80", false)]
    public void IsLoopback_TellsLocalFromExposedAddresses(string address, bool loopback) =>
        Assert.Equal(loopback, ExposureWarningService.IsLoopback(address));
}

public sealed class MissingDatabaseTests
{
    [Fact]
    public async Task DataEndpoints_Answer503WithRetryAfter_WhenTheDatabaseCannotBeMade()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "missing.duckdb");
        await using WebAppServer server = await WebAppServer.StartAsync(path, new Dictionary<string, string>
        {
            ["AetherSegment:Web:GenerateWhenMissing"] = "false",
        });

        using HttpResponseMessage response = await server.Client.GetAsync("api/v1/overview/stats");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("aether generate", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class FirstStartTests
{
    [Fact]
    public async Task FirstStart_WithoutDatabase_GeneratesTheDataSetThenServesIt()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "fresh.duckdb");
        await using WebAppServer server = await WebAppServer.StartAsync(path, new Dictionary<string, string>
        {
            ["AetherSegment:Synthetic:Customers"] = "300",
        });

        Assert.Equal("ready", await server.WaitForDataAsync());
        Assert.True(File.Exists(path));
        using JsonDocument stats = await server.GetJsonAsync("api/v1/overview/stats");
        Assert.Equal(300, stats.RootElement.GetProperty("metrics").GetProperty("total_customers").GetInt64());
    }
}

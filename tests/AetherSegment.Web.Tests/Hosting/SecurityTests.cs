using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AetherSegment.Tests;
using AetherSegment.Web.Tests.Infrastructure;

namespace AetherSegment.Web.Tests.Hosting;

public sealed class SecurityTests : IAsyncLifetime
{
    private WebAppServer _server = null!;

    public async Task InitializeAsync()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "secure.duckdb");
        _server = await WebAppServer.StartAsync(path, new Dictionary<string, string>
        {
            ["AetherSegment:Synthetic:Customers"] = "300",
            ["AetherSegment:Web:ApiKey"] = "s3cret-key",
            ["AetherSegment:Web:InterpretationPermitsPerMinute"] = "3",
            ["AetherSegment:Web:AnalyticsPermitsPerMinute"] = "2",
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Create_WithoutTheApiKey_Answers401Problem_AndWithItCreates()
    {
        (int denied, JsonDocument problem, string? type) = await _server.PostJsonAsync("api/v1/segments/create", new { campaign_objective = Objectives.Regional });
        using (problem)
        {
            Assert.Equal(401, denied);
            Assert.Equal("application/problem+json", type);
        }

        using HttpRequestMessage wrong = new(HttpMethod.Post, "api/v1/segments/create") { Content = JsonContent.Create(new { campaign_objective = Objectives.Regional }) };
        wrong.Headers.Add("X-Api-Key", "guess");
        using HttpResponseMessage wrongResponse = await _server.Client.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);

        using HttpRequestMessage right = new(HttpMethod.Post, "api/v1/segments/create") { Content = JsonContent.Create(new { campaign_objective = Objectives.Regional }) };
        right.Headers.Add("X-Api-Key", "s3cret-key");
        using HttpResponseMessage created = await _server.Client.SendAsync(right);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using JsonDocument segment = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        string id = segment.RootElement.GetProperty("segment_id").GetString()!;

        using HttpResponseMessage exportDenied = await _server.Client.GetAsync($"api/v1/segments/{id}/export?format=csv");
        Assert.Equal(HttpStatusCode.Unauthorized, exportDenied.StatusCode);
        using HttpRequestMessage export = new(HttpMethod.Get, $"api/v1/segments/{id}/export?format=csv");
        export.Headers.Add("X-Api-Key", "s3cret-key");
        using HttpResponseMessage exported = await _server.Client.SendAsync(export);
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
    }

    [Fact]
    public async Task Analyze_OverItsRateLimit_Answers429Problem()
    {
        HttpStatusCode last = HttpStatusCode.OK;
        for (int i = 0; i < 4; i++)
        {
            using HttpResponseMessage response = await _server.Client.PostAsJsonAsync("api/v1/campaigns/analyze", new { objective = Objectives.Regional });
            last = response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
    }

    [Fact]
    public async Task BadInput_FromABrowserAskingForHtml_StillAnswersProblemJsonWithoutStackTrace()
    {
        using HttpRequestMessage request = new(HttpMethod.Post, "api/v1/segments/preview-filters")
        {
            Content = new StringContent("{\"campaign_objective_object\":{\"objective\":\"x\"},\"new_filters\":{\"clv_min\":7}}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Accept", "text/html");
        using HttpResponseMessage response = await _server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(" at AetherSegment", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analytics_OverItsRateLimit_Answers429ProblemWithRetryAfter()
    {
        HttpStatusCode last = HttpStatusCode.OK;
        RetryConditionHeaderValue? retryAfter = null;
        string? mediaType = null;
        for (int i = 0; i < 3; i++)
        {
            using HttpResponseMessage response = await _server.Client.PostAsJsonAsync("api/v1/analytics/ask", new { question = "Sessions by device" });
            last = response.StatusCode;
            retryAfter = response.Headers.RetryAfter;
            mediaType = response.Content.Headers.ContentType?.MediaType;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
        Assert.NotNull(retryAfter);
        Assert.Equal("application/problem+json", mediaType);

        using HttpResponseMessage overview = await _server.Client.GetAsync("api/v1/overview/stats");
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
    }
}

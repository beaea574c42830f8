using AetherSegment.Tests;
using AetherSegment.Web.Tests.Infrastructure;

namespace AetherSegment.Web.Tests.Hosting;

public sealed class CorsTests
{
    [Fact]
    public async Task AllowedOrigins_FromConfiguration_AreTheOnlyOnesAllowed()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "cors.duckdb");
        await SeededDatabase.CreateAsync(path, 50, DateTimeOffset.UtcNow);
        await using WebAppServer server = await WebAppServer.StartAsync(path, new Dictionary<string, string>
        {
            ["ALLOWED_ORIGINS"] = "https://marketing.example.com, https://cdp.example.com",
        });

        Assert.Equal("https://cdp.example.com", await AllowedOriginAsync(server, "https://cdp.example.com"));
        Assert.Null(await AllowedOriginAsync(server, "https://evil.example.net"));
    }

    private static async Task<string?> AllowedOriginAsync(WebAppServer server, string origin)
    {
        using HttpRequestMessage request = new(HttpMethod.Options, "api/v1/overview/stats");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        using HttpResponseMessage response = await server.Client.SendAsync(request);
        return response.Headers.TryGetValues("Access-Control-Allow-Origin", out IEnumerable<string>? values) ? values.Single() : null;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AetherSegment.Tests;
using AetherSegment.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace AetherSegment.Web.Tests.Segments;

public sealed class SegmentRetentionTests
{
    [Fact]
    public async Task Retention_KeepsOnlyTheNewestSegments_PeriodicallyWhileTheAppRuns()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "retention.duckdb");
        await SeededDatabase.CreateAsync(path, 200, DateTimeOffset.UtcNow);
        await using WebAppServer server = await WebAppServer.StartAsync(path, new Dictionary<string, string>
        {
            ["AetherSegment:Web:SegmentRetentionMaxCount"] = "2",
            ["AetherSegment:Web:SegmentRetentionInterval"] = "00:00:01",
        });
        List<string> ids = [];
        for (int i = 0; i < 4; i++)
        {
            using HttpResponseMessage created = await server.Client.PostAsJsonAsync("api/v1/segments/create", new { campaign_objective = Objectives.Regional });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            using JsonDocument segment = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
            ids.Add(segment.RootElement.GetProperty("segment_id").GetString()!);
            await Task.Delay(20);   // distinct creation times
        }

        HttpStatusCode oldest = HttpStatusCode.OK;
        for (int i = 0; i < 200 && oldest != HttpStatusCode.NotFound; i++)
        {
            await Task.Delay(100);
            using HttpResponseMessage response = await server.Client.GetAsync($"api/v1/segments/{ids[1]}");
            oldest = response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.NotFound, oldest);
        using HttpResponseMessage first = await server.Client.GetAsync($"api/v1/segments/{ids[0]}");
        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        using JsonDocument third = await server.GetJsonAsync($"api/v1/segments/{ids[2]}");
        using JsonDocument fourth = await server.GetJsonAsync($"api/v1/segments/{ids[3]}");
        Assert.Equal(ids[3], fourth.RootElement.GetProperty("segment_id").GetString());
    }

    [Theory]
    [InlineData("AetherSegment:Web:SegmentRetentionMaxCount", "0")]
    [InlineData("AetherSegment:Web:SegmentRetentionMaxAge", "00:00:05")]
    [InlineData("AetherSegment:Web:SegmentRetentionInterval", "00:00:00")]
    public async Task Retention_OutOfRangeSetting_FailsAtStartNamingIt(string key, string value)
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "bad-retention.duckdb");

        OptionsValidationException error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            WebAppServer.StartAsync(path, new Dictionary<string, string> { [key] = value }));

        Assert.Contains(key.Split(':')[^1], error.Message, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using AetherSegment.Tests;
using AetherSegment.Web.Tests.Infrastructure;

namespace AetherSegment.Web.Tests.Data;

public sealed class LiveEventsTests
{
    [Fact]
    public async Task LiveStream_AppendsEvents_TheDashboardSees()
    {
        const int customers = 100;
        string path = Path.Combine(TestPaths.NewTempDirectory(), "live.duckdb");
        await SeededDatabase.CreateAsync(path, customers, DateTimeOffset.UtcNow);
        await using WebAppServer server = await WebAppServer.StartAsync(path, new Dictionary<string, string>
        {
            ["AetherSegment:Web:LiveEvents"] = "true",
            ["AetherSegment:Web:LiveEventsInterval"] = "00:00:00.200",
            ["AetherSegment:Web:LiveEventsPerInterval"] = "10",
        });

        long rows = 5 * customers;
        for (int attempt = 0; attempt < 300 && rows <= 5 * customers; attempt++)
        {
            await Task.Delay(100);
            using JsonDocument stats = await server.GetJsonAsync("api/v1/overview/stats");
            rows = stats.RootElement.GetProperty("data_health").EnumerateArray()
                .Single(t => t.GetProperty("table").GetString() == "behavioral_events").GetProperty("rows").GetInt64();
        }

        Assert.True(rows > 5 * customers, "no live events were appended");
        Assert.Equal(0, (rows - 5 * customers) % 10);
    }
}

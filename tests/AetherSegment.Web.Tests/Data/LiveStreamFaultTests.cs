using System.Text.Json;
using AetherSegment.Tests;
using AetherSegment.Web.Tests.Infrastructure;

namespace AetherSegment.Web.Tests.Data;

public sealed class LiveStreamFaultTests
{
    private static async Task<JsonElement> LiveAsync(WebAppServer server)
    {
        using JsonDocument health = await server.GetJsonAsync("api/v1/health");
        return health.RootElement.GetProperty("live_events").Clone();
    }

    private static async Task<JsonElement> WaitForAsync(WebAppServer server, Func<JsonElement, bool> condition, string what)
    {
        for (int i = 0; i < 600; i++)
        {
            JsonElement live = await LiveAsync(server);
            if (condition(live))
            {
                return live;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The live stream never {what}: {await LiveAsync(server)}");
    }

    [Fact]
    public async Task LiveStream_WhenAnotherProcessHoldsTheDatabaseLock_RetriesAndRecovers_AndHealthReportsEachState()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "live-lock.duckdb");
        await SeededDatabase.CreateAsync(path, 100, DateTimeOffset.UtcNow);
        await using WebAppServer server = await WebAppServer.StartAsync(path, new Dictionary<string, string>
        {
            ["AetherSegment:Web:LiveEvents"] = "true",
            ["AetherSegment:Web:LiveEventsInterval"] = "00:00:00.200",
            ["AetherSegment:Web:LiveEventsPerInterval"] = "10",
            ["AetherSegment:Web:LiveEventsRetryDelay"] = "00:00:00.100",
            ["AetherSegment:Web:LiveEventsRetryMaxDelay"] = "00:00:00.500",
        });
        JsonElement running = await WaitForAsync(server, l => l.GetProperty("state").GetString() == "running" && l.GetProperty("events_appended").GetInt64() > 0, "ran");

        // The holder keeps the lock until the retrying state has been seen (then it is stopped, which lets the lock go),
        // so a slow test host cannot miss the whole episode.
        JsonElement retrying;
        await using (FileLockHolder holder = await FileLockHolder.TakeAsync(path, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60)))
        {
            retrying = await WaitForAsync(server, l => l.GetProperty("state").GetString() == "retrying" && l.GetProperty("attempt").GetInt32() >= 2, "retried");
        }

        long before = retrying.GetProperty("events_appended").GetInt64();
        JsonElement recovered = await WaitForAsync(server,
            l => l.GetProperty("state").GetString() == "running" && l.GetProperty("events_appended").GetInt64() > before + 10, "recovered");

        Assert.True(running.GetProperty("last_error").ValueKind == JsonValueKind.Null);
        Assert.Equal("The database is locked by another process.", retrying.GetProperty("last_error").GetString());
        Assert.True(retrying.GetProperty("next_attempt_at").GetDateTimeOffset() > retrying.GetProperty("since").GetDateTimeOffset());
        Assert.DoesNotContain(path, retrying.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, recovered.GetProperty("attempt").GetInt32());
        Assert.True(recovered.GetProperty("next_attempt_at").ValueKind == JsonValueKind.Null);
        Assert.Equal("The database is locked by another process.", recovered.GetProperty("last_error").GetString());

        // Every batch appended is whole: the lock cost no events and duplicated none.
        using JsonDocument stats = await server.GetJsonAsync("api/v1/overview/stats");
        long rows = stats.RootElement.GetProperty("data_health").EnumerateArray()
            .Single(t => t.GetProperty("table").GetString() == "behavioral_events").GetProperty("rows").GetInt64();
        Assert.Equal(0, (rows - 500) % 10);
    }

    [Fact]
    public async Task Health_WithTheStreamOff_SaysDisabled()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "no-live.duckdb");
        await SeededDatabase.CreateAsync(path, 20, DateTimeOffset.UtcNow);
        await using WebAppServer server = await WebAppServer.StartAsync(path);

        JsonElement live = await LiveAsync(server);

        Assert.Equal("disabled", live.GetProperty("state").GetString());
        Assert.Equal(0, live.GetProperty("events_appended").GetInt64());
    }
}

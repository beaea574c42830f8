using System.Text.Json;
using AetherSegment.Tests;
using AetherSegment.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace AetherSegment.Web.Tests.Uplift;

/// <summary>Issue 14: a restart on an existing database loads the saved trigger models and warms the analyze path before the first request.</summary>
public sealed class WarmUpRestartTests
{
    private static Dictionary<string, string> Settings() => new()
    {
        ["AetherSegment:Synthetic:Customers"] = "3000",
        ["AetherSegment:Web:WarmUpTriggerModels"] = "true",
        ["AetherSegment:TriggerRanking:AudienceSnapshotMaxLag"] = "00:15:00",
        ["AetherSegment:TriggerRanking:TrainingRowsPerArm"] = "2000",
    };

    private static async Task<JsonElement> WaitForWarmUpAsync(WebAppServer server)
    {
        for (int i = 0; i < 1200; i++)
        {
            using JsonDocument health = await server.GetJsonAsync("api/v1/health");
            JsonElement warmUp = health.RootElement.GetProperty("warm_up");
            string state = warmUp.GetProperty("state").GetString()!;
            if (state is "ready" or "failed" or "off")
            {
                return warmUp.Clone();
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The warm-up did not finish in time.");
    }

    private static bool Trained(CapturedLogs.Entry e) => e.Message.StartsWith("Trained trigger uplift models", StringComparison.Ordinal);

    private static bool Loaded(CapturedLogs.Entry e) => e.Message.StartsWith("Loaded trigger uplift models", StringComparison.Ordinal);

    [Fact]
    public async Task Restart_OnAnExistingDatabase_WarmsUpFromSavedModelsWithoutRetraining()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "restart.duckdb");
        CapturedLogs firstLogs = new();
        await using (WebAppServer first = await WebAppServer.StartAsync(path, Settings(), firstLogs))
        {
            Assert.Equal("ready", (await WaitForWarmUpAsync(first)).GetProperty("state").GetString());
            Assert.Single(firstLogs.Entries, Trained);
        }

        CapturedLogs logs = new();
        await using WebAppServer server = await WebAppServer.StartAsync(path, Settings(), logs);
        JsonElement warmUp = await WaitForWarmUpAsync(server);

        Assert.Equal("ready", warmUp.GetProperty("state").GetString());
        Assert.Single(logs.Entries, Loaded);
        Assert.Contains(logs.Entries, e => e.Message.StartsWith("Trigger audience snapshot:", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Message.StartsWith("Warm-up analyze", StringComparison.Ordinal));
        (int status, JsonDocument body, _) = await server.PostJsonAsync("api/v1/campaigns/analyze", new { objective = "Win back customers at risk of churning with free shipping" });
        using (body)
        {
            Assert.Equal(200, status);
            Assert.Equal(8, body.RootElement.GetProperty("trigger_suggestions").GetArrayLength());
        }

        Assert.DoesNotContain(logs.Entries, Trained);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Warning && e.Category.StartsWith("AetherSegment", StringComparison.Ordinal));
    }
}

using System.Text.Json;
using AetherSegment.Tests;

namespace AetherSegment.Cli.Tests.Experiments;

/// <summary>
/// <c>aether campaign simulate</c> and <c>aether experiment feedback</c> on the demo's generated data: the playback writes
/// orders the store can read, and bad input exits 2 with one stderr line.
/// </summary>
public sealed class CampaignSimulateCliTests
{
    private static string OneLine(string stderr) => Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    [Fact]
    public async Task Simulate_PlaysTheCampaignAndBadInputExitsTwo()
    {
        string db = Path.Combine(TestPaths.NewTempDirectory(), "simulate.duckdb");
        Assert.Equal(0, (await Segments.Cli.RunAsync("generate", "--db", db, "--customers", "1500", "--seed", "4")).Exit);
        (int exit, string stdout, string stderr) = await Segments.Cli.RunAsync("segment", "create", "Give everyone early access to the new collection", "--trigger", "exclusive_access", "--holdout", "0.3", "--db", db);
        Assert.True(exit == 0, stderr);
        string id;
        long size;
        using (JsonDocument created = JsonDocument.Parse(stdout))
        {
            id = created.RootElement.GetProperty("segment_id").GetString()!;
            size = created.RootElement.GetProperty("size").GetInt64();
        }

        (int simExit, string simOut, string simError) = await Segments.Cli.RunAsync("campaign", "simulate", "--segment", id, "--days", "14", "--db", db);
        Assert.True(simExit == 0, simError);
        using JsonDocument played = JsonDocument.Parse(simOut);
        long treated = played.RootElement.GetProperty("treated").GetProperty("members").GetInt64();
        long held = played.RootElement.GetProperty("holdout").GetProperty("members").GetInt64();
        Assert.Equal(size, treated + held);
        Assert.Equal(played.RootElement.GetProperty("treated").GetProperty("conversions").GetInt64() + played.RootElement.GetProperty("holdout").GetProperty("conversions").GetInt64(),
            played.RootElement.GetProperty("orders_written").GetInt64());
        Assert.InRange(held / (double)size, 0.25, 0.35);

        (int badDays, _, string badDaysError) = await Segments.Cli.RunAsync("campaign", "simulate", "--segment", id, "--days", "0", "--db", db);
        Assert.Equal(2, badDays);
        Assert.Contains("--days must be 1 to 365", OneLine(badDaysError), StringComparison.Ordinal);
        (int unknown, _, string unknownError) = await Segments.Cli.RunAsync("campaign", "simulate", "--segment", "seg_00000000000000000000000000000000", "--db", db);
        Assert.Equal(2, unknown);
        Assert.Contains("no segment", OneLine(unknownError), StringComparison.Ordinal);
        (int early, _, string earlyError) = await Segments.Cli.RunAsync("experiment", "feedback", "--segment", id, "--db", db);
        Assert.Equal(2, early);
        Assert.Contains("attribution window", OneLine(earlyError), StringComparison.Ordinal);

        (int plainExit, string plainOut, _) = await Segments.Cli.RunAsync("segment", "create", "Give everyone early access to the new collection", "--trigger", "exclusive_access", "--db", db);
        Assert.Equal(0, plainExit);
        using JsonDocument plain = JsonDocument.Parse(plainOut);
        (int noHoldout, _, string noHoldoutError) = await Segments.Cli.RunAsync("campaign", "simulate", "--segment", plain.RootElement.GetProperty("segment_id").GetString()!, "--db", db);
        Assert.Equal(2, noHoldout);
        Assert.Contains("has no holdout", OneLine(noHoldoutError), StringComparison.Ordinal);
    }
}

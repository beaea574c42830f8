using System.Text;
using System.Text.Json;
using AetherSegment.Experiments;
using AetherSegment.TestRetailers.SummitOutfitters;
using AetherSegment.Tests;

namespace AetherSegment.Cli.Tests.Retailers;

/// <summary>
/// The experiment loop through the CLI on the second retailer (Summit Outfitters, read only through its profile):
/// a segment created with a holdout, its marked export, the design from the promo history, results from an outcome
/// file, and the bad inputs the issue lists (exit 2 with one stderr line).
/// </summary>
public sealed class SummitExperimentTests(SummitDatabase database) : IClassFixture<SummitDatabase>
{
    private Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args) =>
        Segments.Cli.RunAsync([.. args, "--profile", SummitOutfittersProfile.Path, "--db", database.Path]);

    private static string OneLine(string stderr) => Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private async Task<(string Id, SegmentHoldout? Holdout)> CreateAsync(params string[] extra)
    {
        (int exit, string stdout, string stderr) = await RunAsync(["segment", "create", "Reward loyal members with a member discount", "--trigger", "member_discount", .. extra]);
        Assert.True(exit == 0, stderr);
        using JsonDocument created = JsonDocument.Parse(stdout);
        SegmentHoldout? holdout = created.RootElement.TryGetProperty("holdout", out JsonElement h) ? h.Deserialize<SegmentHoldout>(AetherSegmentJson.Options) : null;
        return (created.RootElement.GetProperty("segment_id").GetString()!, holdout);
    }

    [Fact]
    public async Task SegmentWithHoldout_ExportsMarkedMembers_DesignsFromThePromoHistory_AndMeasuresAnOutcomeFile()
    {
        (string id, SegmentHoldout? holdout) = await CreateAsync("--holdout", "0.2", "--holdout-salt", "summit-test");
        Assert.Equal(0.2, holdout!.Share);
        Assert.Equal("summit-test", holdout.Salt);

        string marked = Path.Combine(TestPaths.NewTempDirectory(), "members.csv");
        (int exportExit, _, string exportError) = await RunAsync("segment", "export", id, "--out", marked, "--holdout", "mark");
        Assert.True(exportExit == 0, exportError);
        string[][] rows = [.. File.ReadAllLines(marked).Skip(1).Select(l => l.Split(','))];
        Assert.Equal("holdout", File.ReadLines(marked).First().Split(',')[^1]);
        HashSet<string> expected = await HoldoutReference.ExpectedAsync(new AetherSegment.DuckDB.DuckDBDataStore(database.Path), id, holdout, rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.Equal(expected.Contains(r[0]) ? "true" : "false", r[^1]));

        string sendList = Path.Combine(TestPaths.NewTempDirectory(), "send.csv");
        Assert.Equal(0, (await RunAsync("segment", "export", id, "--out", sendList)).Exit);
        Assert.Equal(rows.Count(r => r[^1] == "false"), File.ReadAllLines(sendList).Length - 1);

        (int designExit, string designOut, string designError) = await RunAsync("experiment", "design", "--segment", id, "--uplift", "0.03");
        Assert.True(designExit == 0, designError);
        using JsonDocument design = JsonDocument.Parse(designOut);
        Assert.Equal(0.2, design.RootElement.GetProperty("holdout_share").GetDouble());
        Assert.Equal(rows.Length, design.RootElement.GetProperty("members").GetInt64());
        Assert.Contains("control sends", design.RootElement.GetProperty("baseline_source").GetString(), StringComparison.Ordinal);
        Assert.InRange(design.RootElement.GetProperty("baseline_rate").GetDouble(), 0.0001, 0.9999);
        Assert.Matches("^This campaign (can|cannot) detect", design.RootElement.GetProperty("statement").GetString());

        // Every third member converted for 80: the report splits them by the stored holdout.
        StringBuilder csv = new("customer_id,converted,revenue\n");
        long treated = 0, held = 0;
        for (int i = 0; i < rows.Length; i += 3)
        {
            csv.Append(rows[i][0]).Append(",1,80\n");
            (treated, held) = rows[i][^1] == "true" ? (treated, held + 1) : (treated + 1, held);
        }

        string outcomes = Path.Combine(TestPaths.NewTempDirectory(), "outcomes.csv");
        await File.WriteAllTextAsync(outcomes, csv.ToString());
        (int resultsExit, string resultsOut, string resultsError) = await RunAsync("experiment", "results", "--segment", id, "--outcomes", outcomes);
        Assert.True(resultsExit == 0, resultsError);
        using JsonDocument report = JsonDocument.Parse(resultsOut);
        Assert.Equal(treated, report.RootElement.GetProperty("treated").GetProperty("conversions").GetInt64());
        Assert.Equal(held, report.RootElement.GetProperty("holdout").GetProperty("conversions").GetInt64());
        Assert.Equal(treated * 80.0, report.RootElement.GetProperty("treated").GetProperty("revenue").GetDouble());
        Assert.True(report.RootElement.GetProperty("absolute_lift").GetProperty("low").GetDouble() < report.RootElement.GetProperty("absolute_lift").GetProperty("high").GetDouble());
    }

    [Fact]
    public async Task BadInput_ExitsTwoWithOneLine()
    {
        (int exit, string stdout, string stderr) = await RunAsync("segment", "create", "Reward loyal members", "--trigger", "member_discount", "--holdout", "0.7");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("aether: --holdout must be a share in (0, 0.5]", OneLine(stderr), StringComparison.Ordinal);

        (string plain, _) = await CreateAsync();
        (exit, _, stderr) = await RunAsync("experiment", "results", "--segment", plain);
        Assert.Equal(2, exit);
        Assert.Contains("has no holdout", OneLine(stderr), StringComparison.Ordinal);

        (string withHoldout, _) = await CreateAsync("--holdout", "0.1");
        string wrong = Path.Combine(TestPaths.NewTempDirectory(), "wrong.csv");
        await File.WriteAllTextAsync(wrong, "member,bought\nM1,1\n");
        (exit, _, stderr) = await RunAsync("experiment", "results", "--segment", withHoldout, "--outcomes", wrong);
        Assert.Equal(2, exit);
        Assert.Equal("aether: the outcome file has the columns 'member,bought'; expected customer_id,converted with optional revenue and converted_at ('member' is not one of them).", OneLine(stderr));

        (exit, _, stderr) = await RunAsync("experiment", "design", "--segment", withHoldout, "--holdout", "0", "--uplift", "0.01");
        Assert.Equal(2, exit);
        Assert.StartsWith("aether: --holdout must be a share in (0, 0.5]", OneLine(stderr), StringComparison.Ordinal);
    }
}

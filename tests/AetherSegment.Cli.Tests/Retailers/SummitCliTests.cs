using System.Globalization;
using System.Text.Json.Nodes;
using AetherSegment.Profiles;
using AetherSegment.TestRetailers.SummitOutfitters;
using AetherSegment.Tests;
using Xunit.Abstractions;

namespace AetherSegment.Cli.Tests.Retailers;

/// <summary>
/// The second retailer through the whole `aether` commands (in-process, as a user runs them with <c>--profile</c> and
/// <c>--db</c>): analyze, segment create, segment export and ask on Summit Outfitters' generated DuckDB file. Sizes are
/// recounted with plain SQL over Summit's own tables, the trigger ranking is checked against the generator's known
/// effects, and no word of the demo retailer appears in any output.
/// </summary>
public sealed class SummitCliTests(SummitDatabase db, ITestOutputHelper output) : IClassFixture<SummitDatabase>
{
    private static readonly BusinessProfile Profile = BusinessProfileLoader.LoadFile(SummitOutfittersProfile.Path);

    private async Task<JsonNode> RunAsync(params string[] args)
    {
        (int exit, string stdout, string stderr) = await Segments.Cli.RunAsync([.. args, "--profile", SummitOutfittersProfile.Path, "--db", db.Path]);
        Assert.True(exit == 0, $"aether {string.Join(' ', args)}: exit {exit}: {stderr}");
        DemoWords.AssertNone(stdout);
        return JsonNode.Parse(stdout)!;
    }

    private long Count(string sql) => Convert.ToInt64(db.Scalar(sql), CultureInfo.InvariantCulture);

    private HashSet<string> Ids(string sql) => [.. db.Query(sql).Select(r => (string)r[0]!)];

    [Fact]
    public async Task AnalyzeCreateExportAndAsk_RunAsWholeCommands_OnSummitsData()
    {
        const string Objective = "Invite high value members in the Rockies to a guided hike to drive regional sales growth";
        HashSet<string> expected = Ids("SELECT member_no FROM members WHERE region = 'Rockies' AND ltv >= 1500");
        Assert.InRange(expected.Count, 10, db.Data.Members.Count / 2);

        // analyze: the objective read in Summit's words, the preview counted on its tables, the triggers ranked from its promo log.
        JsonNode analysis = await RunAsync("analyze", Objective);
        JsonNode coo = analysis["campaign_objective_object"]!;
        Assert.Equal("trail_event_invite", coo["suggested_trigger"]!.GetValue<string>());
        Assert.Equal(["Rockies"], coo["audience"]!["regions"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("high", coo["audience"]!["value_tier"]!.GetValue<string>());
        JsonNode preview = analysis["segment_preview"]!;
        Assert.Equal(expected.Count, preview["size"]!.GetValue<long>());
        Assert.Equal(db.Data.Members.Count, preview["total_customers"]!.GetValue<long>());
        Assert.Equal(expected.Count, preview["waterfall"]!.AsArray()[^1]!["size"]!.GetValue<long>());
        Assert.Equal(expected.Count, preview["breakdowns"]!["by_region"]!.AsArray().Sum(r => r!["size"]!.GetValue<long>()));

        JsonArray suggestions = analysis["trigger_suggestions"]!.AsArray();
        string[] ranked = [.. suggestions.Select(s => s!["trigger"]!.GetValue<string>())];
        // Ranked by expected incremental conversions: the predicted uplift times the members left after the trigger's own filter.
        double[] conversions = [.. suggestions.Select(s => s!["expected_incremental_conversions"]!.GetValue<double>())];
        output.WriteLine(string.Join(Environment.NewLine, suggestions.Select(s => s!.ToJsonString())));
        Assert.Equal(Profile.Triggers.Select(t => t.Id).Order(StringComparer.Ordinal), ranked.Order(StringComparer.Ordinal));
        Assert.Equal(conversions.OrderDescending(), conversions);
        Assert.All(suggestions, s => Assert.DoesNotContain("not covered", s!["rationale"]!.GetValue<string>(), StringComparison.Ordinal));
        // The predicted uplifts follow the generator's known effects on these members: the trigger predicted highest has
        // a known mean effect on the segment above the one predicted lowest.
        Dictionary<string, SummitMember> known = db.Data.Members.ToDictionary(m => m.MemberNo, StringComparer.Ordinal);
        double KnownMean(string trigger) => expected.Average(m => SummitEffects.Find(trigger)!.Uplift(known[m]));
        string[] byUplift = [.. suggestions.OrderByDescending(s => s!["predicted_uplift"]!.GetValue<double>()).Select(s => s!["trigger"]!.GetValue<string>())];
        output.WriteLine(string.Join(", ", byUplift.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t} known {KnownMean(t):F3}"))));
        Assert.True(KnownMean(byUplift[0]) > KnownMean(byUplift[^1]), $"{byUplift[0]} predicted above {byUplift[^1]}");

        // segment create: stored with the suggested trigger's eligibility, written as CSV in Summit's columns.
        string folder = TestPaths.NewTempDirectory();
        string csv = Path.Combine(folder, "members.csv");
        JsonNode created = await RunAsync("segment", "create", Objective, "--out", csv);
        long size = created["size"]!.GetValue<long>();
        Assert.Equal("trail_event_invite", created["trigger"]!.GetValue<string>());
        Assert.Contains(created["filters"]!.AsArray(), f => f!["provenance"]!.GetValue<string>() == "trigger" && f["key"]!.GetValue<string>() == "trigger_trail_event_invite");
        Assert.Equal(expected.Count, size);   // the Rockies are one of the trigger's regions
        string[] lines = await File.ReadAllLinesAsync(csv);
        Assert.Equal("customer_id,region,home_city,ltv", lines[0]);
        Assert.Equal(expected.Order(StringComparer.Ordinal), lines.Skip(1).Select(l => l.Split(',')[0]).Order(StringComparer.Ordinal));

        // segment export: the stored segment again, every row, personal columns only when asked.
        string json = Path.Combine(folder, "members.json");
        string id = created["segment_id"]!.GetValue<string>();
        JsonNode exported = await RunAsync("segment", "export", id, "--out", json, "--include-personal");
        Assert.Equal(size, exported["rows"]!.GetValue<long>());
        JsonArray members = JsonNode.Parse(await File.ReadAllTextAsync(json))!.AsArray();
        Assert.Equal(size, members.Count);
        Assert.All(members, m => Assert.EndsWith("@example.com", m!["email_address"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(expected.Order(StringComparer.Ordinal), members.Select(m => m!["customer_id"]!.GetValue<string>()).Order(StringComparer.Ordinal));

        // ask: a question in Summit's words, answered from its tables.
        JsonNode answer = await RunAsync("ask", "How many members do we have in the Rockies?");
        Assert.Equal("answered", answer["status"]!.GetValue<string>());
        JsonObject row = Assert.Single(answer["rows"]!.AsArray())!.AsObject();
        Assert.Equal(Count("SELECT COUNT(*) FROM members WHERE region = 'Rockies'"), row.Single().Value!.GetValue<long>());
        Assert.Contains("FROM members", answer["sql"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analyze", "Remind members who abandoned a cart in the last 3 days")]
    [InlineData("segment create", "Remind members who abandoned a cart in the last 3 days")]
    public async Task CartObjective_ExitsTwoWithOneLineNamingTheCartsMapping(string command, string objective)
    {
        (int exit, string stdout, string stderr) = await Segments.Cli.RunAsync([.. command.Split(' '), objective, "--profile", SummitOutfittersProfile.Path, "--db", db.Path]);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains(Profile.MissingEntityMessage(EntityKind.Carts)!, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CartRefinement_ExitsTwoWithOneLineNamingTheCartsMapping()
    {
        (int exit, string stdout, string stderr) = await Segments.Cli.RunAsync("segment", "create", "Reward loyal members", "--filter", "abandoned_cart_within_days=3",
            "--profile", SummitOutfittersProfile.Path, "--db", db.Path);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains(Profile.MissingEntityMessage(EntityKind.Carts)!, stderr, StringComparison.Ordinal);
    }
}

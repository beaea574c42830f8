using System.Globalization;
using System.Text.Json.Nodes;
using AetherSegment.Profiles;
using AetherSegment.Tests;
using Xunit.Abstractions;

namespace AetherSegment.Cli.Tests.Retailers;

/// <summary>
/// A third retailer, written only as a profile file and a SQL script of its data (Harbor Lane Books: card_holders,
/// till_receipts, site_visits, mailing_tests; counties and towns, sections and genres; an arm column holding 'A'/'B'
/// and a trigger column that is a CASE expression; no carts, no scores), run through the whole `aether` commands with
/// no code of its own: interpret, analyze, segment create, segment export and ask. Every size is recounted with plain
/// SQL over the script's tables; the trigger ranking follows the effects the script wrote.
/// </summary>
public sealed class HarborBooksCliTests(HarborBooksDatabase db, ITestOutputHelper output) : IClassFixture<HarborBooksDatabase>
{
    private const string Objective = "Invite Fiction buyers in Devon to an author signing";
    private static readonly BusinessProfile Profile = BusinessProfileLoader.LoadFile(HarborBooksDatabase.ProfilePath);

    private async Task<JsonNode> RunAsync(params string[] args)
    {
        (int exit, string stdout, string stderr) = await Segments.Cli.RunAsync([.. args, "--profile", HarborBooksDatabase.ProfilePath, "--db", db.Path]);
        Assert.True(exit == 0, $"aether {string.Join(' ', args)}: exit {exit}: {stderr}");
        DemoWords.AssertNone(stdout);
        return JsonNode.Parse(stdout)!;
    }

    private HashSet<string> Ids(string sql) => [.. db.Query(sql).Select(r => (string)r[0]!)];

    [Fact]
    public async Task InterpretAnalyzeCreateExportAndAsk_RunAsWholeCommands_OnTheScriptsData()
    {
        HashSet<string> expected = Ids("""
            SELECT DISTINCT h.card_no FROM card_holders h JOIN till_receipts r ON r.card_no = h.card_no
            WHERE h.county = 'Devon' AND r.section = 'Fiction'
            """);
        Assert.InRange(expected.Count, 50, 1000);

        JsonNode interpreted = await RunAsync("interpret", Objective);
        Assert.Equal("author_signing_invite", interpreted["suggested_trigger"]!.GetValue<string>());
        Assert.Equal(["Devon"], interpreted["audience"]!["counties"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(["Fiction"], interpreted["audience"]!["categories"]!.AsArray().Select(v => v!.GetValue<string>()));

        JsonNode analysis = await RunAsync("analyze", Objective);
        JsonNode preview = analysis["segment_preview"]!;
        Assert.Equal(expected.Count, preview["size"]!.GetValue<long>());
        Assert.Equal(2000, preview["total_customers"]!.GetValue<long>());
        Assert.Equal(expected.Count, preview["breakdowns"]!["by_county"]!.AsArray().Single()!["size"]!.GetValue<long>());
        double spend = db.Query("SELECT AVG(lifetime_spend) FROM card_holders WHERE card_no IN (" + string.Join(',', expected.Select(id => $"'{id}'")) + ")")
            .Select(r => Convert.ToDouble(r[0], CultureInfo.InvariantCulture)).Single();
        Assert.Equal(Math.Round(spend, 4), preview["avg_clv"]!.GetValue<double>());   // the preview rounds to 4 decimals

        // The script's known effects: the signing invite lifts Fiction buyers by 0.15, double stamps everyone by 0.04,
        // the pre-order nudge nothing. On Fiction buyers the ranking must put them in that order.
        JsonArray suggestions = analysis["trigger_suggestions"]!.AsArray();
        output.WriteLine(string.Join(Environment.NewLine, suggestions.Select(s => s!.ToJsonString())));
        Assert.Equal(["author_signing_invite", "double_stamps", "preorder_nudge"], suggestions.Select(s => s!["trigger"]!.GetValue<string>()));
        Assert.True(suggestions[0]!["predicted_uplift"]!.GetValue<double>() > 0.05, suggestions[0]!.ToJsonString());

        string folder = TestPaths.NewTempDirectory();
        string csv = Path.Combine(folder, "readers.csv");
        JsonNode created = await RunAsync("segment", "create", Objective, "--out", csv);
        Assert.Equal(expected.Count, created["size"]!.GetValue<long>());   // the trigger's eligibility (bought Fiction) is already implied
        Assert.Equal("author_signing_invite", created["trigger"]!.GetValue<string>());
        Assert.Contains(created["filters"]!.AsArray(), f => f!["provenance"]!.GetValue<string>() == "trigger" && f["description"]!.GetValue<string>() == "bought Fiction");
        string[] lines = await File.ReadAllLinesAsync(csv);
        Assert.Equal("customer_id,county,town,spend", lines[0]);
        Assert.Equal(expected.Order(StringComparer.Ordinal), lines.Skip(1).Select(l => l.Split(',')[0]).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("@example.org", string.Join('\n', lines), StringComparison.Ordinal);

        string json = Path.Combine(folder, "readers.json");
        JsonNode exported = await RunAsync("segment", "export", created["segment_id"]!.GetValue<string>(), "--out", json, "--include-personal");
        Assert.Equal(expected.Count, exported["rows"]!.GetValue<long>());
        JsonArray members = JsonNode.Parse(await File.ReadAllTextAsync(json))!.AsArray();
        Assert.Equal(expected.Order(StringComparer.Ordinal), members.Select(m => m!["customer_id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(members, m => Assert.EndsWith("@example.org", m!["mail"]!.GetValue<string>(), StringComparison.Ordinal));

        JsonNode answer = await RunAsync("ask", "How many customers do we have in Cornwall?");
        Assert.Equal("answered", answer["status"]!.GetValue<string>());
        JsonObject row = Assert.Single(answer["rows"]!.AsArray())!.AsObject();
        Assert.Equal(db.Count("SELECT COUNT(*) FROM card_holders WHERE county = 'Cornwall'"), row.Single().Value!.GetValue<long>());
        Assert.Contains("card_holders", answer["sql"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProfileCheck_PassesOnTheScriptsData()
    {
        JsonNode report = await RunAsync("profile", "check");

        Assert.Equal("ok", report["status"]!.GetValue<string>());
        Assert.All(report["triggers"]!.AsArray(), t => Assert.True(t!["ranked"]!.GetValue<bool>()));
        Assert.Equal(Profile.Triggers.Select(t => t.Id), report["triggers"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("segment create")]
    public async Task CartObjective_ExitsTwoWithOneLineNamingTheCartsMapping(string command)
    {
        (int exit, string stdout, string stderr) = await Segments.Cli.RunAsync([.. command.Split(' '), "Remind readers who abandoned a cart in the last 3 days",
            "--profile", HarborBooksDatabase.ProfilePath, "--db", db.Path]);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains(Profile.MissingEntityMessage(EntityKind.Carts)!, stderr, StringComparison.Ordinal);
    }
}

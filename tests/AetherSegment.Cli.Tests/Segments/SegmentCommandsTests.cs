using System.Text.Json;
using System.Text.Json.Nodes;
using AetherSegment.Tests;

namespace AetherSegment.Cli.Tests.Segments;

public sealed class SegmentCommandsTests(GeneratedDatabase database) : IClassFixture<GeneratedDatabase>
{
    public static TheoryData<string> Seeds()
    {
        TheoryData<string> seeds = [];
        foreach (string line in File.ReadLines(TestPaths.ExampleObjectives))
        {
            JsonNode example = JsonNode.Parse(line)!;
            if (example["id"]!.GetValue<string>().StartsWith("seed-", StringComparison.Ordinal))
            {
                seeds.Add(example["id"]!.GetValue<string>());
            }
        }

        return seeds;
    }

    private static JsonNode Example(string id) =>
        File.ReadLines(TestPaths.ExampleObjectives).Select(l => JsonNode.Parse(l)!).First(e => e["id"]!.GetValue<string>() == id);

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Seed_RunsThroughAnalyzeRefineCreateAndExport(string id)
    {
        JsonNode example = Example(id);
        string objective = example["objective"]!.GetValue<string>();
        string folder = TestPaths.NewTempDirectory();

        (int exit, string stdout, string stderr) = await Cli.RunAsync("analyze", objective, "--db", database.Path);
        Assert.True(exit == 0, stderr);
        JsonNode analysis = JsonNode.Parse(stdout)!;
        Assert.Equal(example["expect"]!["campaign_type"]!.GetValue<string>(), analysis["campaign_objective_object"]!["campaign_type"]!.GetValue<string>());
        JsonNode preview = analysis["segment_preview"]!;
        long size = preview["size"]!.GetValue<long>();
        Assert.Equal(2000, preview["total_customers"]!.GetValue<long>());
        JsonArray waterfall = preview["waterfall"]!.AsArray();
        Assert.NotEmpty(waterfall);
        Assert.Equal(size, waterfall[^1]!["size"]!.GetValue<long>());
        Assert.All(preview["filters"]!.AsArray(), f => Assert.Equal("ai", f!["provenance"]!.GetValue<string>()));
        Assert.NotNull(analysis["trigger_suggestions"]!.AsArray());

        (exit, stdout, stderr) = await Cli.RunAsync("segment", "preview", objective, "--db", database.Path, "--filter", "location_country=United Kingdom", "--filter", "clv_min=0.3");
        Assert.True(exit == 0, stderr);
        JsonNode refined = JsonNode.Parse(stdout)!;
        Assert.Equal(size, refined["before"]!["size"]!.GetValue<long>());
        Assert.True(refined["after"]!["size"]!.GetValue<long>() <= size);
        Assert.Equal(["user", "user"], refined["added_filters"]!.AsArray().Select(f => f!["provenance"]!.GetValue<string>()));

        string csv = Path.Combine(folder, "members.csv");
        (exit, stdout, stderr) = await Cli.RunAsync("segment", "create", objective, "--db", database.Path, "--filter", "clv_min=0.3", "--out", csv);
        Assert.True(exit == 0, stderr);
        JsonNode created = JsonNode.Parse(stdout)!;
        string segmentId = created["segment_id"]!.GetValue<string>();
        long members = created["size"]!.GetValue<long>();
        string[] lines = File.ReadAllLines(csv);
        Assert.Equal("customer_id,country,city,clv_score", lines[0]);
        Assert.Equal(members, lines.Length - 1);
        JsonArray filters = created["filters"]!.AsArray();
        Assert.Equal("user", filters[^1]!["provenance"]!.GetValue<string>());
        Assert.Contains(filters, f => f!["provenance"]!.GetValue<string>() == "trigger");
        Assert.Equal(example["expect"]!["suggested_trigger"]!.GetValue<string>(), created["trigger"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(created["explanation"]!["trigger_rationale"]!.GetValue<string>()));

        string json = Path.Combine(folder, "again.json");
        (exit, stdout, stderr) = await Cli.RunAsync("segment", "export", segmentId, "--db", database.Path, "--out", json, "--include-personal");
        Assert.True(exit == 0, stderr);
        Assert.Equal("included", JsonNode.Parse(stdout)!["personal_data"]!.GetValue<string>());
        Assert.Equal(members, JsonNode.Parse(stdout)!["rows"]!.GetValue<long>());
        using JsonDocument exported = JsonDocument.Parse(File.ReadAllText(json));
        Assert.All(exported.RootElement.EnumerateArray(), m => Assert.Contains("@", m.GetProperty("email").GetString(), StringComparison.Ordinal));
        Assert.Equal(lines.Skip(1).Select(l => l.Split(',')[0]), exported.RootElement.EnumerateArray().Select(m => m.GetProperty("customer_id").GetString()));

        (exit, stdout, _) = await Cli.RunAsync("segment", "get", segmentId, "--db", database.Path);
        Assert.Equal(0, exit);
        Assert.Equal(members, JsonNode.Parse(stdout)!["size"]!.GetValue<long>());
    }

    [Fact]
    public async Task SegmentSql_BigQuery_PrintsGoogleSqlWithNamedTypedParameters()
    {
        (int exit, string stdout, string stderr) = await Cli.RunAsync("segment", "sql", Example("seed-5")["objective"]!.GetValue<string>(),
            "--db", database.Path, "--dialect", "bigquery", "--filter", "location_country=United Kingdom");

        Assert.True(exit == 0, stderr);
        JsonNode printed = JsonNode.Parse(stdout)!;
        string sql = printed["sql"]!.GetValue<string>();
        Assert.Contains("c.city IN UNNEST(@", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("$", sql, StringComparison.Ordinal);
        JsonArray parameters = printed["parameters"]!.AsArray();
        JsonNode cities = parameters.First(p => p!["name"]!.GetValue<string>().EndsWith("_cities", StringComparison.Ordinal))!;
        Assert.Equal("string_array", cities["type"]!.GetValue<string>());
        Assert.Equal(["London", "Manchester"], cities["value"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Theory]
    [InlineData("--filter", "favourite_colour=blue", "favourite_colour")]
    [InlineData("--filter", "clv_min=2", "clv_min")]
    [InlineData("--filter", "location_city=Springfield", "Springfield")]
    [InlineData("--filter", "nonsense", "key=value")]
    [InlineData("--trigger", "free_pony", "free_pony")]
    [InlineData("--out", "members.txt", "--out")]
    public async Task Create_BadInput_ExitsTwoWithOneLineNamingIt(string option, string value, string named)
    {
        (int exit, string stdout, string stderr) = await Cli.RunAsync("segment", "create", Example("seed-1")["objective"]!.GetValue<string>(), "--db", database.Path, option, value);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains(named, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_WithoutADatabase_ExitsTwoSayingHowToCreateIt()
    {
        string missing = Path.Combine(TestPaths.NewTempDirectory(), "none.duckdb");

        (int exit, _, string stderr) = await Cli.RunAsync("analyze", "Win back lapsed customers", "--db", missing);

        Assert.Equal(2, exit);   // a missing --db is bad input in every command (issue 19)
        Assert.Contains("aether generate", stderr, StringComparison.Ordinal);
    }
}

using System.Text.Json.Nodes;
using System.Text.Json;
using AetherSegment.Interpretation.Evaluation;
using AetherSegment.Interpretation;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Tests;

namespace AetherSegment.Cli.Tests.Interpretation;

public sealed class InterpretCommandTests
{
    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using StringWriter stdout = new();
        using StringWriter stderr = new();
        int exit = await AetherCli.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public static TheoryData<string> ExampleIds()
    {
        TheoryData<string> ids = [];
        foreach (LabelledObjective example in InterpretationEvaluator.ReadFile(TestPaths.ExampleObjectives))
        {
            ids.Add(example.Id);
        }

        return ids;
    }

    [Theory]
    [MemberData(nameof(ExampleIds))]
    public async Task Interpret_PublicExample_PrintsExactlyTheExpectedObject(string id)
    {
        LabelledObjective example = InterpretationEvaluator.ReadFile(TestPaths.ExampleObjectives).Single(e => e.Id == id);

        (int exit, string stdout, string stderr) = await RunAsync("interpret", example.Objective);

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        CampaignObjective printed = JsonSerializer.Deserialize<CampaignObjective>(lines[0], AetherSegmentJson.Options)!;
        Assert.Empty(CampaignObjectiveValidator.ValidateJson(lines[0], HomeFurnishingProfile.Load(), out _));
        Assert.Equal(example.Objective, printed.Objective);
        Assert.Equal("rules", printed.Interpreter);
        IReadOnlyList<InterpretationFailure> failures = InterpretationEvaluator.Compare(example, printed);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Select(f => $"{f.Field}: expected {f.Expected}, got {f.Actual}")));
    }

    [Fact]
    public async Task Interpret_Eval_PrintsOneHundredPercentForTheRulesOnTheExamples()
    {
        (int exit, string stdout, _) = await RunAsync("interpret", "--eval", TestPaths.ExampleObjectives);

        Assert.Equal(0, exit);
        JsonObject report = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal("rules", (string?)report["interpreter"]);
        Assert.Equal(12, (int)report["examples"]!);
        Assert.Equal(1.0, (double)report["exact_match_rate"]!);
        Assert.Equal(1.0, (double)report["fields"]!["campaign_type"]!["accuracy"]!);
        Assert.Empty(report["failures"]!.AsArray());
    }

    [Fact]
    public async Task Interpret_EvalWithAWrongLabel_ReportsTheFieldAndTheFailure()
    {
        string file = Path.Combine(TestPaths.NewTempDirectory(), "labels.jsonl");
        await File.WriteAllTextAsync(file,
            """{"id":"a","objective":"Cross-sell to shoppers who bought desks","expect":{"campaign_type":"cross_sell","audience.product_types":["Desks"]}}""" + "\n" +
            """{"id":"b","objective":"Hello","expect":{"campaign_type":"win_back"}}""" + "\n");

        (int exit, string stdout, _) = await RunAsync("interpret", "--eval", file);

        Assert.Equal(0, exit);
        JsonObject report = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal(1, (int)report["exact_matches"]!);
        Assert.Equal(0.5, (double)report["fields"]!["campaign_type"]!["accuracy"]!);
        JsonObject failure = report["failures"]!.AsArray().Single()!.AsObject();
        Assert.Equal("b", (string?)failure["id"]);
        Assert.Equal("campaign_type", (string?)failure["field"]);
        Assert.Equal("\"win_back\"", (string?)failure["expected"]);
    }

    [Fact]
    public async Task Interpret_EvalAsTable_PrintsFieldsAndTheExactRate()
    {
        (int exit, string stdout, _) = await RunAsync("interpret", "--eval", TestPaths.ExampleObjectives, "--format", "table");

        Assert.Equal(0, exit);
        Assert.Contains("audience.behavior.viewed_within_days", stdout, StringComparison.Ordinal);
        Assert.Contains("12 of 12 examples exact", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interpret_MalformedEvalFile_ExitsTwoNamingTheLine()
    {
        string file = Path.Combine(TestPaths.NewTempDirectory(), "bad.jsonl");
        await File.WriteAllTextAsync(file, """{"objective":"Hello","expect":{"campaign_type":"general_promotion"}}""" + "\n" + "{not json\n");

        (int exit, string stdout, string stderr) = await RunAsync("interpret", "--eval", file);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("line 2", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Interpret_EvalNamingAnUnknownField_ExitsTwo()
    {
        string file = Path.Combine(TestPaths.NewTempDirectory(), "bad.jsonl");
        await File.WriteAllTextAsync(file, """{"objective":"Hello","expect":{"audience.planet":"Mars"}}""" + "\n");

        (int exit, _, string stderr) = await RunAsync("interpret", "--eval", file);

        Assert.Equal(2, exit);
        Assert.Contains("audience.planet", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Interpret_EmptyObjective_ExitsTwoNamingTheObjective(string objective)
    {
        (int exit, string stdout, string stderr) = await RunAsync("interpret", objective);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("objective", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interpret_OverLongObjective_ExitsTwo()
    {
        (int exit, _, string stderr) = await RunAsync("interpret", new string('a', 2001));

        Assert.Equal(2, exit);
        Assert.Contains("2,000", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interpret_NoObjectiveAndNoEval_ExitsTwo()
    {
        (int exit, _, string stderr) = await RunAsync("interpret");

        Assert.Equal(2, exit);
        Assert.Contains("--eval", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interpret_GeminiWithoutAProject_ExitsTwoNamingTheKey()
    {
        if (Environment.GetEnvironmentVariable("GOOGLE_CLOUD_PROJECT") is not null || Environment.GetEnvironmentVariable("AetherSegment__Gemini__ProjectId") is not null)
        {
            return;
        }

        (int exit, string stdout, string stderr) = await RunAsync("interpret", "Win back lapsed customers", "--interpreter", "gemini");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("AetherSegment:Gemini:ProjectId", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interpret_ChatInterpreterWithoutEndpoint_ExitsTwoNamingTheKey()
    {
        (int exit, string stdout, string stderr) = await RunAsync("interpret", "Win back lapsed customers", "--interpreter", "chat");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("AetherSegment:Chat:Endpoint", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Interpret_ObjectiveAndEvalTogether_ExitsTwo()
    {
        (int exit, _, string stderr) = await RunAsync("interpret", "Hello", "--eval", TestPaths.ExampleObjectives);

        Assert.Equal(2, exit);
        Assert.Contains("not both", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interpret_MissingEvalFile_ExitsTwoNamingTheFile()
    {
        (int exit, _, string stderr) = await RunAsync("interpret", "--eval", "/nonexistent/labels.jsonl");

        Assert.Equal(2, exit);
        Assert.Contains("/nonexistent/labels.jsonl", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interpret_AsTable_PrintsTheFields()
    {
        (int exit, string stdout, _) = await RunAsync("interpret", "Welcome new customers with free shipping", "--format", "table");

        Assert.Equal(0, exit);
        Assert.Contains("new_customer_onboarding", stdout, StringComparison.Ordinal);
        Assert.Contains("incentive.type", stdout, StringComparison.Ordinal);
    }
}

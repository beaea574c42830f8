using System.Text.Json.Nodes;
using AetherSegment.Cli.Tests.Segments;
using CliRunner = AetherSegment.Cli.Tests.Segments.Cli;

namespace AetherSegment.Cli.Tests.Allocation;

public sealed class AllocateCommandTests(GeneratedDatabase database) : IClassFixture<GeneratedDatabase>
{
    private const string Objective = "Win back customers in the United States";

    [Fact]
    public async Task Allocate_UnderABudget_PrintsThePlanItsTriggersTheCurveAndTheSql()
    {
        (int exit, string stdout, string stderr) = await CliRunner.RunAsync("allocate", Objective, "--db", database.Path, "--budget", "40",
            "--cap", "personalized_discount_offer=0.2", "--curve-points", "4", "--sql", "bigquery");

        Assert.True(exit == 0, stderr);
        JsonObject output = JsonNode.Parse(stdout)!.AsObject();
        Assert.True((int)output["members"]! > 0);
        Assert.True((double)output["spend"]! <= 40);
        JsonArray triggers = output["triggers"]!.AsArray();
        Assert.Equal(8, triggers.Count);
        Assert.Equal((int)output["assigned"]!, triggers.Sum(t => (int)t!["members"]!));
        Assert.True((int)triggers[0]!["members"]! <= 0.2 * (int)output["members"]!);
        Assert.Equal(5, output["profit_curve"]!.AsArray().Count);
        Assert.StartsWith("CASE WHEN", (string)output["assignment_sql"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allocate_PrintsThePolicyEvaluationOnHeldOutHistory_AgainstSingleBestRandomAndNobody()
    {
        (int exit, string stdout, string stderr) = await CliRunner.RunAsync("allocate", Objective, "--db", database.Path, "--budget", "40", "--curve-points", "0");

        Assert.True(exit == 0, stderr);
        JsonObject output = JsonNode.Parse(stdout)!.AsObject();
        JsonObject evaluation = output["policy_evaluation"]!.AsObject();
        Assert.Null(evaluation["reason"]);
        int rows = (int)evaluation["held_out_rows"]!;
        Assert.True(rows > 0);
        // The budget per member of the segment, applied to the held-out rows.
        Assert.Equal(40.0 / (int)output["members"]! * rows, (double)evaluation["budget"]!, 6);
        JsonArray policies = evaluation["policies"]!.AsArray();
        Assert.Equal(4, policies.Count);
        Assert.Equal("allocation", (string)policies[0]!["policy"]!);
        Assert.StartsWith("single_best:", (string)policies[1]!["policy"]!, StringComparison.Ordinal);
        Assert.Equal(["random", "nobody"], new[] { (string)policies[2]!["policy"]!, (string)policies[3]!["policy"]! });
        // Nobody is worth nothing by construction; every other policy has an interval around its estimate.
        Assert.Equal(0, (double)policies[3]!["doubly_robust"]!["value"]!);
        Assert.Equal(0, (double)policies[3]!["sends"]!);
        for (int k = 0; k < 3; k++)
        {
            foreach (string estimate in new[] { "ips", "doubly_robust" })
            {
                JsonNode e = policies[k]![estimate]!;
                Assert.True((double)e["low"]! <= (double)e["value"]! && (double)e["value"]! <= (double)e["high"]!, $"{policies[k]!["policy"]} {estimate}");
            }

            Assert.True((double)policies[k]!["sends"]! > 0 && (double)policies[k]!["sends"]! <= 1);
        }

        // Skipping it leaves the contracted summary unchanged.
        (int skipExit, string skipOut, string skipErr) = await CliRunner.RunAsync("allocate", Objective, "--db", database.Path, "--budget", "40", "--curve-points", "0", "--no-policy-evaluation");
        Assert.True(skipExit == 0, skipErr);
        JsonObject skipped = JsonNode.Parse(skipOut)!.AsObject();
        Assert.False(skipped.ContainsKey("policy_evaluation"));
        Assert.Equal((double)output["spend"]!, (double)skipped["spend"]!);
    }

    [Fact]
    public async Task Allocate_Out_WritesEveryMemberWithTheTriggerThePlanCounts()
    {
        string path = Path.Combine(Path.GetTempPath(), "aether-allocate-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            (int exit, string stdout, string stderr) = await CliRunner.RunAsync("allocate", Objective, "--db", database.Path, "--budget", "40",
                "--curve-points", "0", "--no-policy-evaluation", "--out", path);

            Assert.True(exit == 0, stderr);
            JsonObject output = JsonNode.Parse(stdout)!.AsObject();
            string[] lines = File.ReadAllLines(path);
            Assert.Equal("customer_id,trigger", lines[0]);
            Assert.Equal((int)output["members"]!, lines.Length - 1);
            string[] triggers = [.. lines.Skip(1).Select(l => l.Split(',')[1])];
            Assert.Equal((int)output["assigned"]!, triggers.Count(t => t.Length > 0));
            foreach (JsonNode? trigger in output["triggers"]!.AsArray())
            {
                Assert.Equal((int)trigger!["members"]!, triggers.Count(t => t == (string)trigger["trigger"]!));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--budget", "0", "aether: budget: must be greater than 0")]
    [InlineData("--budget", "-10", "aether: budget: must be greater than 0")]
    [InlineData("--cap", "personalized_discount_offer=1.5", "aether: caps: the cap of 'personalized_discount_offer' is a share of the members and must be in (0, 1]")]
    [InlineData("--cap", "discount", "aether: --cap: 'discount' is not trigger=share")]
    [InlineData("--out", "members.txt", "aether: --out: 'members.txt' must end in .csv or .json")]
    public async Task Allocate_BadInput_ExitsTwoWithOneLineNamingTheSetting(string option, string value, string message)
    {
        (int exit, string stdout, string stderr) = await CliRunner.RunAsync("allocate", Objective, "--db", database.Path, option, value);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.StartsWith(message, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}

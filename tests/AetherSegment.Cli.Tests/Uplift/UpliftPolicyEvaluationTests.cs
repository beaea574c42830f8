using System.Text.Json.Nodes;
using AetherSegment.Tests;

namespace AetherSegment.Cli.Tests.Uplift;

/// <summary><c>aether uplift evaluate --policy</c> on Hillstrom's two e-mails (a randomized experiment, a third per arm).</summary>
public sealed class UpliftPolicyEvaluationTests
{
    private static async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        using StringWriter stdout = new(), stderr = new();
        int exit = await AetherCli.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Evaluate_WithPolicyAll_ValuesEachPolicyOnTheTestRowsWithIntervals()
    {
        string dir = TestPaths.NewTempDirectory();
        string train = Path.Combine(dir, "train.csv"), test = Path.Combine(dir, "test.csv");
        (int splitExit, _, string splitError) = await Run("uplift", "split", "--data", TestPaths.Hillstrom, "--treatment-column", "segment", "--outcome", "visit", "--seed", "3", "--train-out", train, "--test-out", test);
        Assert.True(splitExit == 0, splitError);

        (int exit, string output, string error) = await Run("uplift", "evaluate", "--train", train, "--test", test, "--treatment-column", "segment",
            "--treatment", "Womens E-Mail,Mens E-Mail", "--control", "No E-Mail", "--outcome", "visit", "--exclude", "conversion,spend", "--model", "tlearner", "--policy", "all");

        Assert.True(exit == 0, error);
        JsonObject json = JsonNode.Parse(output)!.AsObject();
        Assert.True(json.ContainsKey("qini_coefficient"));
        JsonArray policies = json["policies"]!.AsArray();
        Assert.Equal(["best", "single-best:Mens E-Mail", "random", "nobody"], policies.Select(p => (string)p!["policy"]!));
        foreach (JsonNode? policy in policies)
        {
            JsonObject dr = policy!["doubly_robust"]!.AsObject(), ips = policy["ips"]!.AsObject();
            Assert.True((double)dr["low"]! <= (double)dr["value"]! && (double)dr["value"]! <= (double)dr["high"]!);
            Assert.True((double)dr["high"]! - (double)dr["low"]! <= (double)ips["high"]! - (double)ips["low"]! + 1e-12);
        }

        // Hillstrom's published effect of the men's e-mail on visits is about 7.7 points (the women's about 4.5); nobody is 0 by construction.
        double single = (double)policies[1]!["doubly_robust"]!["value"]!;
        Assert.InRange(single, 0.06, 0.095);
        Assert.Equal(0, (double)policies[3]!["doubly_robust"]!["value"]!);
        Assert.Equal(1, (double)policies[1]!["sends"]!);
        Assert.True((double)policies[0]!["doubly_robust"]!["value"]! > (double)policies[3]!["doubly_robust"]!["value"]!);
    }

    [Fact]
    public async Task Evaluate_AnUnknownPolicy_ExitsTwoWithOneLine()
    {
        (int exit, string output, string error) = await Run("uplift", "evaluate", "--train", TestPaths.Hillstrom, "--test", TestPaths.Hillstrom, "--treatment-column", "segment",
            "--treatment", "Womens E-Mail", "--control", "No E-Mail", "--outcome", "visit", "--policy", "best,everyone");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("--policy: 'everyone' is not a policy", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }
}

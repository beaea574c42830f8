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

    [Theory]
    [InlineData("--budget", "0", "aether: budget: must be greater than 0")]
    [InlineData("--budget", "-10", "aether: budget: must be greater than 0")]
    [InlineData("--cap", "personalized_discount_offer=1.5", "aether: caps: the cap of 'personalized_discount_offer' is a share of the members and must be in (0, 1]")]
    [InlineData("--cap", "discount", "aether: --cap: 'discount' is not trigger=share")]
    public async Task Allocate_BadInput_ExitsTwoWithOneLineNamingTheSetting(string option, string value, string message)
    {
        (int exit, string stdout, string stderr) = await CliRunner.RunAsync("allocate", Objective, "--db", database.Path, option, value);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.StartsWith(message, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}

using System.Text.Json.Nodes;
using AetherSegment.Profiles;
using AetherSegment.TestRetailers.SummitOutfitters;

namespace AetherSegment.Cli.Tests.Retailers;

/// <summary>
/// <c>aether allocate</c> on the second retailer: Summit's five triggers with their own economics, its members and
/// order lines, its promo log as the randomized history; no word of the demo retailer in the output.
/// </summary>
public sealed class SummitAllocationTests(SummitDatabase db) : IClassFixture<SummitDatabase>
{
    private const string Objective = "Invite high value members in the Rockies to a guided hike to drive regional sales growth";

    private static readonly BusinessProfile Profile = BusinessProfileLoader.LoadFile(SummitOutfittersProfile.Path);

    [Fact]
    public async Task Allocate_OnSummit_GivesEachMemberOneOfItsTriggersWithinTheBudget()
    {
        (int exit, string stdout, string stderr) = await Segments.Cli.RunAsync("allocate", Objective, "--budget", "25", "--cap", "member_discount=0.3", "--curve-points", "3",
            "--profile", SummitOutfittersProfile.Path, "--db", db.Path);

        Assert.True(exit == 0, stderr);
        DemoWords.AssertNone(stdout);
        JsonObject output = JsonNode.Parse(stdout)!.AsObject();
        int members = (int)output["members"]!;
        Assert.Equal(db.Query("SELECT member_no FROM members WHERE region = 'Rockies' AND ltv >= 1500").Count, members);
        JsonArray triggers = output["triggers"]!.AsArray();
        Assert.Equal(Profile.Triggers.Select(t => t.Id), triggers.Select(t => (string)t!["trigger"]!));
        Assert.True((int)output["assigned"]! > 0, stdout);
        Assert.Equal((int)output["assigned"]!, triggers.Sum(t => (int)t!["members"]!));
        Assert.True((double)output["spend"]! <= 25);
        Assert.True((double)output["expected_incremental_profit"]!["value"]! > 0);
        Assert.True((int)triggers.Single(t => (string)t!["trigger"]! == "member_discount")!["members"]! <= 0.3 * members);
        Assert.Equal(4, output["profit_curve"]!.AsArray().Count);
    }

    [Fact]
    public async Task Allocate_OnSummit_ACapNamingADemoTrigger_ExitsTwoNamingSummitsTriggers()
    {
        (int exit, string stdout, string stderr) = await Segments.Cli.RunAsync("allocate", Objective, "--cap", "personalized_discount_offer=0.2",
            "--profile", SummitOutfittersProfile.Path, "--db", db.Path);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.StartsWith("aether: caps: 'personalized_discount_offer' is not a trigger of the profile (triggers: repair_voucher, trail_event_invite", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}

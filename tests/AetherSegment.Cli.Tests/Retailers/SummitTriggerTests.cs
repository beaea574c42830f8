using AetherSegment.Interpretation;
using AetherSegment.Profiles;
using AetherSegment.Segments;
using AetherSegment.TestRetailers.SummitOutfitters;
using AetherSegment.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Tests.Retailers;

/// <summary>
/// The second retailer's triggers are open string ids from its profile: the interpreter suggests them from Summit's own
/// words, a segment built for one carries Summit's eligibility filter, and an id of another retailer is refused naming
/// Summit's ids.
/// </summary>
public sealed class SummitTriggerTests(SummitDatabase db) : IClassFixture<SummitDatabase>
{
    private static readonly BusinessProfile Summit = BusinessProfileLoader.LoadFile(SummitOutfittersProfile.Path);
    private static readonly DateTimeOffset AsOf = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Send lapsed members a repair voucher for their boots", "repair_voucher")]
    [InlineData("Offer loyal members a free repair of their jacket", "repair_voucher")]
    [InlineData("Invite members in the Rockies to a guided hike next month", "trail_event_invite")]
    [InlineData("Tell members who wishlisted a tent that it is back in stock", "back_in_stock_alert")]
    [InlineData("Cross-sell socks to members who bought hiking boots with a combo", "bundle_deal")]
    [InlineData("Win back lapsed members with 15% off", "member_discount")]
    public async Task Interpret_SummitWords_SuggestSummitTriggers(string objective, string trigger)
    {
        CampaignObjective answer = await CampaignInterpreters.CreateRuleBased(Summit).InterpretAsync(objective);

        Assert.Equal(trigger, answer.SuggestedTrigger);
    }

    [Fact]
    public async Task Interpret_NeverSuggestsATriggerTheProfileLacks()
    {
        ICampaignInterpreter rules = CampaignInterpreters.CreateRuleBased(Summit);
        foreach (string objective in (string[])["Remind shoppers about their abandoned carts", "Share room ideas and style guides",
                     "Free shipping for members in New England", "Recommend accessories to recent buyers"])
        {
            string? trigger = (await rules.InterpretAsync(objective)).SuggestedTrigger;
            Assert.True(trigger is null || Summit.FindTrigger(trigger) is not null, $"{objective}: {trigger}");
        }
    }

    [Fact]
    public async Task Define_ForRepairVoucher_CarriesSummitsEligibilityFilter()
    {
        await using ServiceProvider services = new ServiceCollection().AddAetherSegment().UseProfile(Summit).Services.BuildServiceProvider();
        ISegmentEngine engine = services.GetRequiredService<ISegmentEngine>();
        CampaignObjective objective = await CampaignInterpreters.CreateRuleBased(Summit).InterpretAsync("Reward loyal members");

        SegmentDefinition definition = await engine.DefineAsync(objective, "repair_voucher", null, AsOf);

        Assert.Equal("repair_voucher", definition.Trigger);
        SegmentFilter filter = Assert.Single(definition.Filters, f => f.Provenance == FilterProvenance.Trigger);
        Assert.Equal("trigger_repair_voucher", filter.Key);
        Assert.Equal("bought jackets, packs or footwear", filter.Description);
        BehaviorCondition condition = Assert.IsType<BehaviorCondition>(filter.Condition);
        Assert.Equal((BehaviorKind.Purchased, (double?)null), (condition.Kind, condition.WithinDays));
        Assert.Equal(["Jackets", "Packs", "Footwear"], condition.Categories);
        Assert.Empty(condition.ProductTypes);
    }

    [Fact]
    public async Task Define_WithAnotherRetailersTrigger_FailsNamingSummitsIds()
    {
        await using ServiceProvider services = new ServiceCollection().AddAetherSegment().UseProfile(Summit).Services.BuildServiceProvider();
        ISegmentEngine engine = services.GetRequiredService<ISegmentEngine>();
        CampaignObjective objective = await CampaignInterpreters.CreateRuleBased(Summit).InterpretAsync("Reward loyal members");

        AetherSegmentInputException error = await Assert.ThrowsAsync<AetherSegmentInputException>(() => engine.DefineAsync(objective, "content_inspiration", null, AsOf));

        Assert.Equal("trigger", error.Field);
        Assert.All(Summit.Triggers, t => Assert.Contains(t.Id, error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SegmentSql_ForSummitTriggers_RunsOnTheSummitDatabase()
    {
        await using ServiceProvider services = new ServiceCollection().AddAetherSegment().UseProfile(Summit).Services.BuildServiceProvider();
        ISegmentEngine engine = services.GetRequiredService<ISegmentEngine>();
        CampaignObjective objective = await CampaignInterpreters.CreateRuleBased(Summit).InterpretAsync("Reward loyal members");
        using global::AetherSegment.DuckDB.DuckDBDataStore store = new(db.Path);

        // Each trigger's eligibility alone selects what an independent count over Summit's own tables selects; with the
        // objective's filters added the segment is a non-empty part of it.
        (string Trigger, string Recount)[] triggers =
        [
            ("repair_voucher", "SELECT COUNT(DISTINCT member_no) FROM orders WHERE dept IN ('Jackets', 'Packs', 'Footwear')"),
            ("trail_event_invite", "SELECT COUNT(*) FROM members WHERE region IN ('Pacific Northwest', 'Rockies', 'New England')"),
        ];
        foreach ((string trigger, string recount) in triggers)
        {
            SegmentDefinition definition = await engine.DefineAsync(objective, trigger, null, AsOf);
            SegmentDefinition eligibility = definition with { Filters = [.. definition.Filters.Where(f => f.Provenance == FilterProvenance.Trigger)] };
            long eligible = await CountAsync(engine, store, eligibility);
            long size = await CountAsync(engine, store, definition);

            Assert.Equal(Convert.ToInt64(db.Scalar(recount), System.Globalization.CultureInfo.InvariantCulture), eligible);
            Assert.InRange(eligible, 1, db.Data.Members.Count - 1);
            Assert.InRange(size, 1, eligible);
        }
    }

    private static async Task<long> CountAsync(ISegmentEngine engine, global::AetherSegment.DuckDB.DuckDBDataStore store, SegmentDefinition definition)
    {
        global::AetherSegment.Data.SqlStatement members = engine.CompileMembers(definition, global::AetherSegment.Data.SqlDialect.DuckDB);
        global::AetherSegment.Data.QueryResult result = await store.QueryAsync(
            new global::AetherSegment.Data.SqlStatement($"SELECT count(*) FROM ({members.Sql}) m", members.Parameters));
        return Convert.ToInt64(result.Scalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Cli_UnknownTrigger_ExitsTwoWithOneLineNamingTheProfilesIds()
    {
        (int exit, string stdout, string stderr) = await global::AetherSegment.Cli.Tests.Segments.Cli.RunAsync("segment", "sql", "Reward loyal members", "--profile", SummitOutfittersProfile.Path,
            "--db", db.Path, "--trigger", "free_shipping_offer");

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("free_shipping_offer", stderr, StringComparison.Ordinal);
        Assert.All(Summit.Triggers, t => Assert.Contains(t.Id, stderr, StringComparison.Ordinal));
    }
}

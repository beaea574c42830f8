using System.Globalization;
using System.Text.Json;
using AetherSegment.Profiles;
using AetherSegment.TestRetailers.SummitOutfitters;
using AetherSegment.Tests;
using AetherSegment.Web.Data;
using AetherSegment.Web.Tests.Infrastructure;

namespace AetherSegment.Web.Tests.Retailers;

/// <summary>The web host runs a second retailer from its profile file and data, with no code of its own.</summary>
public sealed class SummitWebTests(SummitServerFixture fixture) : IClassFixture<SummitServerFixture>
{
    private static readonly BusinessProfile Profile = BusinessProfileLoader.LoadFile(SummitOutfittersProfile.Path);

    private static long Long(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private static double Double(object? value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Profile_ListsTheRetailersOwnValues()
    {
        using JsonDocument body = await fixture.Server.GetJsonAsync("api/v1/profile");
        JsonElement root = body.RootElement;

        Assert.Equal("summit-outfitters", root.GetProperty("name").GetString());
        Assert.Equal("USD", root.GetProperty("currency").GetString());
        JsonElement[] places = [.. root.GetProperty("place_levels").EnumerateArray()];
        Assert.Equal(["region", "city"], places.Select(l => l.GetProperty("name").GetString()));
        Assert.Equal(["region", "home_city"], places.Select(l => l.GetProperty("attribute").GetString()));
        Assert.Equal(Profile.Catalog.Places.Roots.Select(r => r.Name), places[0].GetProperty("values").EnumerateArray().Select(v => v.GetProperty("name").GetString()));
        JsonElement denver = places[1].GetProperty("values").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "Denver");
        Assert.Equal("Rockies", denver.GetProperty("parent").GetString());
        Assert.Equal(["Jackets", "Footwear", "Packs", "Camping", "Base Layers"],
            root.GetProperty("taxonomy_levels")[0].GetProperty("values").EnumerateArray().Select(v => v.GetProperty("name").GetString()));
        Assert.Equal(Profile.Catalog.AcquisitionSources.Select(s => s.Name),
            root.GetProperty("acquisition_sources").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        JsonElement[] triggers = [.. root.GetProperty("triggers").EnumerateArray()];
        Assert.Equal(Profile.Triggers.Select(t => t.Id), triggers.Select(t => t.GetProperty("id").GetString()));
        Assert.Equal("Free repair voucher", triggers[0].GetProperty("name").GetString());
        Assert.Equal("bought jackets, packs or footwear", triggers[0].GetProperty("eligibility").GetString());
        string[] keys = [.. root.GetProperty("refinement_keys").EnumerateArray().Select(k => k.GetString()!)];
        Assert.DoesNotContain("cart_value_min", keys);
        Assert.DoesNotContain("abandoned_cart_within_days", keys);
        Assert.DoesNotContain("carts", root.GetProperty("mapped_entities").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(Profile.Examples.Objectives.Select(o => o.Title),
            root.GetProperty("examples").GetProperty("objectives").EnumerateArray().Select(o => o.GetProperty("title").GetString()));
        Assert.Equal(Profile.Examples.Questions, root.GetProperty("examples").GetProperty("questions").EnumerateArray().Select(q => q.GetString()));
    }

    [Fact]
    public async Task Overview_CountsTheGeneratedData_ThroughTheMapping()
    {
        using JsonDocument stats = await fixture.Server.GetJsonAsync("api/v1/overview/stats");
        JsonElement metrics = stats.RootElement.GetProperty("metrics");

        Assert.Equal(Long(fixture.Database.Scalar("SELECT COUNT(*) FROM members")), metrics.GetProperty("total_customers").GetInt64());
        Assert.Equal(Double(fixture.Database.Scalar("SELECT AVG(ltv) FROM members")), metrics.GetProperty("avg_clv_score").GetDouble(), 2);
        Assert.Equal(Long(fixture.Database.Scalar("SELECT COUNT(*) FROM member_scores WHERE lapse_risk >= 0.7")), metrics.GetProperty("at_risk_customers").GetInt64());

        // No carts mapping: the metric is null, with a note naming the mapping that enables it.
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("abandoned_carts_7d").ValueKind);
        Assert.Equal("needs the `entities.carts` mapping", metrics.GetProperty("notes").GetProperty("abandoned_carts_7d").GetString());

        Dictionary<string, long> regions = fixture.Database.Query("SELECT region, COUNT(*) FROM members GROUP BY region")
            .ToDictionary(r => (string)r[0]!, r => Long(r[1]));
        Dictionary<string, long> shown = stats.RootElement.GetProperty("geographic_distribution").EnumerateArray()
            .ToDictionary(r => r.GetProperty("country").GetString()!, r => r.GetProperty("customers").GetInt64());
        Assert.Equal(regions.OrderBy(r => r.Key), shown.OrderBy(r => r.Key));
        JsonElement rockies = stats.RootElement.GetProperty("geographic_distribution").EnumerateArray().Single(r => r.GetProperty("country").GetString() == "Rockies");
        Assert.Equal(Long(fixture.Database.Scalar("SELECT COUNT(*) FROM members WHERE region = 'Rockies' AND home_city = 'Denver'")),
            rockies.GetProperty("cities").EnumerateArray().Single(c => c.GetProperty("city").GetString() == "Denver").GetProperty("customers").GetInt64());

        Dictionary<string, long> tiers = stats.RootElement.GetProperty("value_segments").EnumerateArray()
            .ToDictionary(t => t.GetProperty("tier").GetString()!, t => t.GetProperty("customers").GetInt64());
        Assert.Equal(Long(fixture.Database.Scalar("SELECT COUNT(*) FROM members WHERE ltv >= 1500")), tiers["high"]);
        Assert.Equal(Long(fixture.Database.Scalar("SELECT COUNT(*) FROM members WHERE ltv < 300")), tiers["low"]);

        // Data health: every mapped table and no other, each with its row count.
        Dictionary<string, JsonElement> tables = stats.RootElement.GetProperty("data_health").EnumerateArray()
            .ToDictionary(t => t.GetProperty("table").GetString()!);
        Assert.Equal(["members", "orders", "clickstream", "promo_log", "member_scores"], tables.Keys);
        foreach ((string table, JsonElement health) in tables)
        {
            Assert.Equal(fixture.Database.Data.RowCounts[table], health.GetProperty("rows").GetInt64());
        }

        Assert.Equal("campaign_sends", tables["promo_log"].GetProperty("entity").GetString());
        JsonElement insights = stats.RootElement.GetProperty("behavioral_insights");
        Assert.Equal(fixture.Database.Query("SELECT DISTINCT platform FROM clickstream").Count, insights.GetProperty("devices_30d").GetArrayLength());
        Assert.All(insights.GetProperty("top_categories_30d").EnumerateArray(),
            c => Assert.Contains(c.GetProperty("category").GetString(), Profile.Catalog.Taxonomy.Roots.Select(r => r.Name)));
        Assert.False(insights.TryGetProperty("room_planner_30d", out _));
    }

    [Fact]
    public async Task Overview_OpportunityCards_AreTheProfilesCountedOnItsData()
    {
        using JsonDocument stats = await fixture.Server.GetJsonAsync("api/v1/overview/stats");
        JsonElement[] cards = [.. stats.RootElement.GetProperty("opportunities").EnumerateArray()];

        Assert.Equal(Profile.Examples.Objectives.Where(o => o.Opportunity is not null).Select(o => o.Opportunity!.Id).Order(StringComparer.Ordinal),
            cards.Select(c => c.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(cards.OrderByDescending(c => c.GetProperty("size").GetInt64()).Select(c => c.GetProperty("id").GetString()), cards.Select(c => c.GetProperty("id").GetString()));
        JsonElement rockies = cards.Single(c => c.GetProperty("id").GetString() == "rockies-high-value-trail-day");
        Assert.Equal(Long(fixture.Database.Scalar("SELECT COUNT(*) FROM members WHERE region = 'Rockies' AND ltv >= 1500")), rockies.GetProperty("size").GetInt64());
        Assert.Equal("geographic_targeting", rockies.GetProperty("campaign_type").GetString());
        Assert.All(cards, c => Assert.InRange(c.GetProperty("size").GetInt64(), 1, fixture.Database.Data.Members.Count - 1));
        Assert.Equal(Profile.Examples.Objectives.Single(o => o.Opportunity?.Id == "rockies-high-value-trail-day").Text, rockies.GetProperty("objective").GetString());
    }

    [Fact]
    public async Task AnalyzeCreateExportAndAsk_ThroughTheApi_CountSummitsRows()
    {
        HashSet<string> expected = [.. fixture.Database.Query("SELECT member_no FROM members WHERE region = 'Rockies' AND ltv >= 1500").Select(r => (string)r[0]!)];

        await RetailerApiFlow.RunAsync(fixture.Server, "Invite high value members in the Rockies to a guided hike to drive regional sales growth", "trail_event_invite",
            expected, ("regions", "Rockies"), "How many members do we have in the Rockies?", Long(fixture.Database.Scalar("SELECT COUNT(*) FROM members WHERE region = 'Rockies'")),
            Profile.Triggers.Select(t => t.Id));
    }

    [Theory]
    [InlineData("api/v1/campaigns/analyze")]
    [InlineData("api/v1/segments/create")]
    public async Task CartObjective_Answers400ProblemNamingTheCartsMapping(string path)
    {
        const string Objective = "Remind members who abandoned a cart in the last 3 days";
        object body = path.EndsWith("analyze", StringComparison.Ordinal) ? new { objective = Objective } : new { campaign_objective = Objective };
        (int status, JsonDocument problem, string? contentType) = await fixture.Server.PostJsonAsync(path, body);

        using (problem)
        {
            Assert.Equal(400, status);
            Assert.Equal("application/problem+json", contentType);
            Assert.Contains(Profile.MissingEntityMessage(EntityKind.Carts)!, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task LiveEventStream_IsOffForAnotherRetailer()
    {
        using JsonDocument health = await fixture.Server.GetJsonAsync("api/v1/health");
        JsonElement live = health.RootElement.GetProperty("live_events");

        Assert.Equal("disabled", live.GetProperty("state").GetString());
        Assert.Contains("demo profile's synthetic events only", live.GetProperty("last_error").GetString(), StringComparison.Ordinal);
        Assert.Equal(fixture.Database.Data.RowCounts["clickstream"], Long(fixture.Database.Scalar("SELECT COUNT(*) FROM clickstream")));
    }
}

/// <summary>With another retailer's profile and no database the host fails at start: the generator writes the demo's data only.</summary>
public sealed class SummitStartupTests
{
    [Fact]
    public async Task AnotherRetailersProfile_WithoutADatabase_FailsTheStartWithOneLine()
    {
        string database = Path.Combine(TestPaths.NewTempDirectory(), "absent.duckdb");

        MissingDataSetException error = await Assert.ThrowsAsync<MissingDataSetException>(() =>
            WebAppServer.StartAsync(database, new Dictionary<string, string> { ["AetherSegment:Profile"] = SummitOutfittersProfile.Path }));

        Assert.Equal($"no database at {database}; the generator only writes the demo profile's data: load your data or point AetherSegment:DuckDB:Path at it (profile summit-outfitters).",
            error.Message);
        Assert.False(File.Exists(database), "the host must not create a database it cannot fill");
    }
}

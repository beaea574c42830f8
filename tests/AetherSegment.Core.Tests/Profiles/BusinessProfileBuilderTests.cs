using System.Text.Json.Nodes;
using AetherSegment.Interpretation;
using AetherSegment.Profiles;
using AetherSegment.Segments;

namespace AetherSegment.Core.Tests.Profiles;

/// <summary>A profile built in code is the profile the same file would load, validated the same way.</summary>
public sealed class BusinessProfileBuilderTests
{
    [Fact]
    public void Build_WritesTheSameDocumentAsTheFile()
    {
        BusinessProfileBuilder builder = Trailhead();

        JsonNode fromFile = BusinessProfileLoaderTests.Edit(_ => { });
        Assert.True(JsonNode.DeepEquals(fromFile, JsonNode.Parse(builder.ToJson())), builder.ToJson());
    }

    [Fact]
    public void Build_GivesTheSameProfileAsLoadingItsJson()
    {
        BusinessProfileBuilder builder = Trailhead();

        BusinessProfile built = builder.Build();
        BusinessProfile loaded = BusinessProfileLoader.Parse(builder.ToJson());

        Assert.Equal(loaded.Name, built.Name);
        Assert.Equal(loaded.Entities.All.Select(e => (e.Kind, e.Table, string.Join(",", e.Columns))), built.Entities.All.Select(e => (e.Kind, e.Table, string.Join(",", e.Columns))));
        Assert.Equal(loaded.Attributes.Select(a => (a.Name, a.Entity, a.Column, a.Type, a.Role, a.Catalog)), built.Attributes.Select(a => (a.Name, a.Entity, a.Column, a.Type, a.Role, a.Catalog)));
        Assert.Equal(loaded.Catalog.Taxonomy.All.Select(n => (n.Name, n.Level.Name, n.Parent)), built.Catalog.Taxonomy.All.Select(n => (n.Name, n.Level.Name, n.Parent)));
        Assert.Equal(loaded.CatalogWords().Keys.Order(StringComparer.Ordinal), built.CatalogWords().Keys.Order(StringComparer.Ordinal));
        Assert.Equal(loaded.Triggers.Select(t => (t.Id, t.Eligibility!.Description, t.Economics)), built.Triggers.Select(t => (t.Id, t.Eligibility!.Description, t.Economics)));
        Assert.Equal(EventTypeKind.View, built.Catalog.FindEventType("view_item")!.Kind);
        Assert.Equal("Rain Shells", built.FindCatalogValue("rain jacket")!.Value);
    }

    [Fact]
    public void Build_InvalidProfile_ThrowsWithThePathsOfTheFileFormat()
    {
        BusinessProfileBuilder builder = Trailhead()
            .AddTrigger("trail_guide", "Trail guide again", "a second guide")
            .AddTrigger("cart_nudge", "Cart nudge", "a reminder", t => t.Eligibility("abandoned a cart", new ProfileBehaviorCondition(BehaviorKind.AbandonedCart, 7)));

        ProfileValidationException e = Assert.Throws<ProfileValidationException>(builder.Build);

        Assert.Equal(
            ["$.triggers[2].id: duplicate trigger id 'trail_guide' (first at $.triggers[0].id)",
             "$.triggers[3].eligibility.condition.behavior: the behavior abandoned_cart needs the `entities.carts` mapping"],
            e.Errors.Select(x => x.ToString()));
    }

    [Fact]
    public void WithIdUnique_AndSessionColumns_AreTheDeclarationsTheLoaderReads()
    {
        BusinessProfile profile = Trailhead()
            .MapEntity(EntityKind.Orders, "orders", new Dictionary<string, string> { ["id"] = "order_id", ["customer_id"] = "member_id", ["timestamp"] = "ordered_at", ["value"] = "total" })
            .MapEntity(EntityKind.Events, "clickstream", new Dictionary<string, string>
            {
                ["customer_id"] = "member_id", ["timestamp"] = "ts", ["type"] = "action", ["session_id"] = "visit_id", ["session_start"] = "visit_start",
            })
            .WithIdUnique(EntityKind.Customers)
            .WithIdUnique(EntityKind.Orders)
            .WithSessionColumns("customer_id")
            .Build();

        Assert.True(profile.Entities.Customers.IdUnique);
        Assert.True(profile.Entities.Orders!.IdUnique);
        Assert.Equal(["customer_id"], profile.Entities.Events!.SessionColumns);
        Assert.False(Trailhead().Build().Entities.Customers.IdUnique);
    }

    [Fact]
    public void WithIdUnique_OnEvents_OrBeforeMapping_Throws()
    {
        Assert.Throws<ArgumentException>(() => Trailhead().WithIdUnique(EntityKind.Events));
        Assert.Throws<InvalidOperationException>(() => new BusinessProfileBuilder("x", "a shop").WithIdUnique(EntityKind.Orders));
    }

    [Fact]
    public void AddPlace_UnderAParentNotAddedBefore_Throws()
    {
        BusinessProfileBuilder builder = new BusinessProfileBuilder("x", "a shop").AddPlaceLevel("region", "region").AddPlaceLevel("town", "town");

        ArgumentException e = Assert.Throws<ArgumentException>(() => builder.AddPlace("Boulder", parent: "Rockies"));

        Assert.Contains("'Rockies'", e.Message, StringComparison.Ordinal);
    }

    /// <summary>The profile of <see cref="BusinessProfileLoaderTests.Minimal"/>, built in code.</summary>
    private static BusinessProfileBuilder Trailhead() =>
        new BusinessProfileBuilder("trailhead", "an outdoor-apparel retailer")
            .MapEntity(EntityKind.Customers, "crm.members", new Dictionary<string, string> { ["id"] = "member_id", ["created_at"] = "joined_on" })
            .MapEntity(EntityKind.Orders, "orders", new Dictionary<string, string> { ["customer_id"] = "member_id", ["timestamp"] = "ordered_at", ["value"] = "total" })
            .MapEntity(EntityKind.Events, "clickstream", new Dictionary<string, string> { ["customer_id"] = "member_id", ["timestamp"] = "ts", ["type"] = "action" })
            .MapEntity(EntityKind.Scores, "member_scores", new Dictionary<string, string> { ["customer_id"] = "member_id" })
            .AddAttribute("region", EntityKind.Customers, "home_region", ProfileAttributeType.Text, catalog: "places.region")
            .AddAttribute("ltv", EntityKind.Customers, "ltv_score", ProfileAttributeType.Number, ProfileAttributeRole.ValueScore)
            .AddAttribute("promo_affinity", EntityKind.Scores, "promo_affinity", ProfileAttributeType.Number)
            .AddPlaceLevel("region", "region", plural: "regions", objectiveField: "regions")
            .AddPlace("Pacific Northwest", words: ["pnw"])
            .AddPlace("Rockies")
            .AddTaxonomyLevel("department", ordersColumn: "dept")
            .AddTaxonomyLevel("style", ordersColumn: "style")
            .AddTaxonomyValue("Jackets", words: ["coats"])
            .AddTaxonomyValue("Rain Shells", parent: "Jackets", words: ["rain jacket"])
            .AddEventType("view_item", EventTypeKind.View)
            .AddEventType("trail_map_open")
            .WithValueTiers(0.8, 0.3)
            .AddTrigger("trail_guide", "Trail guide", "a guide to trails near the member", t => t
                .Words("trail guide")
                .Eligibility("opened the trail map in the last 60 days", new ProfileBehaviorCondition(BehaviorKind.Engaged, 60) { EventTypes = ["trail_map_open"] })
                .Economics(0.005, new ConversionCost(null, 0)))
            .AddTrigger("member_discount", "Member discount", "10% off", t => t
                .IncentiveTypes(IncentiveType.PercentDiscount)
                .Eligibility("promo affinity of at least 0.4 in the Rockies", new ProfileAllOfCondition(
                [
                    ProfileAttributeCondition.AtLeast("promo_affinity", 0.4),
                    ProfileAttributeCondition.In("region", "Rockies"),
                ]))
                .Economics(0.005, new ConversionCost(0.1, null), 0.5));
}

using System.Text.Json.Nodes;
using AetherSegment.DataModel;
using AetherSegment.Interpretation;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Synthetic.DataModel;

namespace AetherSegment.Core.Tests.Interpretation;

public sealed class CampaignObjectiveSchemaTests
{
    private static JsonObject Property(JsonObject schema, params string[] path)
    {
        JsonObject node = schema;
        foreach (string name in path)
        {
            node = node["properties"]![name]!.AsObject();
        }

        return node;
    }

    private static string?[] Enum(JsonObject node) => [.. node["enum"]!.AsArray().Select(v => v?.GetValue<string>())];

    [Fact]
    public void Schema_ListsTheClosedVocabulariesOfTheDataModelAsEnums()
    {
        JsonObject schema = CampaignObjectiveSchema.CreateNode(HomeFurnishingProfile.Load());

        Assert.Equal(RetailCatalog.Cities.Select(c => c.Name), Enum(Property(schema, "audience", "cities")["items"]!.AsObject()));
        Assert.Equal(RetailCatalog.Countries.Select(c => c.Name), Enum(Property(schema, "audience", "countries")["items"]!.AsObject()));
        Assert.Equal(RetailCatalog.Categories.Select(c => c.Name), Enum(Property(schema, "audience", "categories")["items"]!.AsObject()));
        Assert.Equal(RetailCatalog.ProductTypes.Select(p => p.Name), Enum(Property(schema, "audience", "product_types")["items"]!.AsObject()));
        Assert.Contains("abandoned_cart_recovery", Enum(Property(schema, "campaign_type")));
        Assert.Contains("cart_reminder", Enum(Property(CampaignObjectiveSchema.CreateNode(AetherSegment.Synthetic.Profiles.HomeFurnishingProfile.Load()), "suggested_trigger")));
        Assert.Contains("in_store", Enum(Property(schema, "audience", "acquisition_sources")["items"]!.AsObject()));
    }

    [Fact]
    public void Schema_RequiresEveryFieldAndBoundsTheRanges()
    {
        JsonObject schema = CampaignObjectiveSchema.CreateNode(HomeFurnishingProfile.Load());

        Assert.Equal(9, schema["required"]!.AsArray().Count);
        Assert.Equal(6, Property(schema, "audience", "behavior")["required"]!.AsArray().Count);
        Assert.Equal(0, (double)Property(schema, "audience", "clv_min")["minimum"]!);
        Assert.Equal(1, (double)Property(schema, "audience", "clv_min")["maximum"]!);
        Assert.Equal(0, (double)Property(schema, "audience", "behavior", "viewed_within_days")["minimum"]!);
    }

    [Fact]
    public void CreateNode_ReturnsAFreshCopyEachTime()
    {
        JsonObject first = CampaignObjectiveSchema.CreateNode(HomeFurnishingProfile.Load());
        first["title"] = "changed";

        Assert.Equal("Campaign Objective Object", (string?)CampaignObjectiveSchema.CreateNode(HomeFurnishingProfile.Load())["title"]);
    }
}

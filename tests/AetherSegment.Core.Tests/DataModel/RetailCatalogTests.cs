using AetherSegment.DataModel;
using AetherSegment.Synthetic.DataModel;

namespace AetherSegment.Core.Tests.DataModel;

public sealed class RetailCatalogTests
{
    [Fact]
    public void Catalog_HoldsTheContractsTwentyOneCitiesInFourCountries()
    {
        Assert.Equal(21, RetailCatalog.Cities.Count);
        Assert.Equal(["United States", "United Kingdom", "Canada", "Australia"], RetailCatalog.Countries.Select(c => c.Name));
        Assert.Equal(1.0, RetailCatalog.Countries.Sum(c => c.CustomerShare), 9);
        Assert.Equal("United Kingdom", RetailCatalog.FindCity("manchester")?.Country);
    }

    [Fact]
    public void Catalog_ProductTypesKnowTheirCategoryAndPriceRange()
    {
        Assert.Equal(10, RetailCatalog.Categories.Count);
        ProductTypeInfo sofas = RetailCatalog.FindProductType("sofas")!;
        Assert.Equal("Living Room", sofas.Category);
        Assert.Equal((400, 2500), (sofas.MinPrice, sofas.MaxPrice));
        Assert.All(RetailCatalog.ProductTypes, p => Assert.InRange(p.MinPrice, 10, p.MaxPrice));
        Assert.All(RetailCatalog.ProductTypes, p => Assert.InRange(p.MaxPrice, p.MinPrice, 2500));
    }

    [Fact]
    public void Schema_HasTheSevenTablesOfTheContract()
    {
        Assert.Equal(
            ["customers", "transactions", "behavioral_events", "abandoned_carts", "campaign_history", "customer_scores", "ground_truth_uplift"],
            DataSchema.AllTables.Select(t => t.Name));
        Assert.True(DataSchema.CampaignHistory.HasColumn("group"));
    }

    [Fact]
    public void ProfileTriggers_AreFoundByIdInAnyCase()
    {
        AetherSegment.Profiles.BusinessProfile profile = AetherSegment.Synthetic.Profiles.HomeFurnishingProfile.Load();
        foreach (AetherSegment.Profiles.TriggerDefinition trigger in profile.Triggers)
        {
            Assert.Same(trigger, profile.FindTrigger(trigger.Id.ToUpperInvariant()));
        }

        Assert.Null(profile.FindTrigger("carrier_pigeon"));
    }
}

using System.Text.Json;
using AetherSegment.DependencyInjection;
using AetherSegment.Segments;

namespace AetherSegment.Core.Tests.Segments;

public sealed class SegmentRefinementTests
{
    private static readonly SegmentDefinitionBuilder Builder = new(new AetherSegmentOptions());

    private static IReadOnlyList<SegmentFilter> Parse(string key, object value, IReadOnlyList<SegmentFilter>? context = null) =>
        Builder.FromRefinements([SegmentRefinement.FromJson(key, JsonSerializer.SerializeToElement(value))!], "new_filters", context ?? []);

    private static AetherSegmentInputException Fails(string key, object value) =>
        Assert.Throws<AetherSegmentInputException>(() => Parse(key, value));

    [Fact]
    public void Refinements_OfTheWebApi_BecomeUserFilters()
    {
        IReadOnlyList<SegmentFilter> filters = Builder.FromRefinements(
        [
            SegmentRefinement.FromJson("location_country", JsonSerializer.SerializeToElement("united kingdom"))!,
            SegmentRefinement.FromJson("location_city", JsonSerializer.SerializeToElement(new[] { "london", "Manchester" }))!,
            SegmentRefinement.FromJson("clv_min", JsonSerializer.SerializeToElement(0.8))!,
            SegmentRefinement.FromJson("cart_value_min", JsonSerializer.SerializeToElement("500"))!,
            SegmentRefinement.FromJson("value_tier", JsonSerializer.SerializeToElement("HIGH"))!,
            SegmentRefinement.FromJson("category", JsonSerializer.SerializeToElement("living room"))!,
            SegmentRefinement.FromJson("acquisition_source", JsonSerializer.SerializeToElement("referral,email"))!,
            SegmentRefinement.FromJson("churn_min", JsonSerializer.SerializeToElement(0.6))!,
        ], "new_filters", []);

        Assert.All(filters, f => Assert.Equal(FilterProvenance.User, f.Provenance));
        Assert.Equal(["London", "Manchester"], ((AttributeCondition)filters[1].Condition).Values);
        Assert.Equal(500, ((BehaviorCondition)filters[3].Condition).MinValue);
        Assert.Equal(["Living Room"], ((BehaviorCondition)filters[5].Condition).Categories);
        Assert.Equal(["referral", "email"], ((AttributeCondition)filters[6].Condition).Values);
    }

    [Fact]
    public void UnknownCountryAlias_IsRejectedNamingTheFilter()
    {
        // Aliases ("UK") are the interpreter's job; refinements take canonical names only.
        AetherSegmentInputException error = Fails("location_country", "uk");

        Assert.Equal("new_filters.location_country", error.Field);
        Assert.Contains("United Kingdom", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CartValueMin_ReusesTheObjectivesCartWindow()
    {
        SegmentFilter cart = new("abandoned_cart_within_days", "x", FilterProvenance.Ai, new BehaviorCondition(BehaviorKind.AbandonedCart, 2));

        BehaviorCondition condition = (BehaviorCondition)Assert.Single(Parse("cart_value_min", 250, [cart])).Condition;

        Assert.Equal(2, condition.WithinDays);
        Assert.Equal(250, condition.MinValue);
    }

    [Theory]
    [InlineData("favourite_colour", "blue", "Unknown filter 'favourite_colour'")]
    [InlineData("clv_min", 1.5, "between 0 and 1")]
    [InlineData("clv_min", "lots", "must be a number")]
    [InlineData("churn_min", -0.1, "between 0 and 1")]
    [InlineData("cart_value_min", -5, "between 0 and 1000000")]
    [InlineData("purchased_within_days", 0, "above 0")]
    [InlineData("location_city", "Springfield", "Unknown city 'Springfield'")]
    [InlineData("location_city", "'; DROP TABLE customers; --", "Unknown city")]
    [InlineData("category", "Garage", "Unknown category 'Garage'")]
    [InlineData("product_type", "Sofa Beds", "Unknown product type 'Sofa Beds'")]
    [InlineData("acquisition_source", "tv", "Unknown acquisition source 'tv'")]
    [InlineData("value_tier", "platinum", "high, medium or low")]
    [InlineData("exclusivity_seeker", "maybe", "true or false")]
    [InlineData("location_country", 42, "a string or a list of strings")]
    public void BadRefinements_FailNamingTheFilter(string key, object value, string message)
    {
        AetherSegmentInputException error = Fails(key, value);

        Assert.Equal("new_filters." + key, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownTrigger_FailsNamingTheField()
    {
        AetherSegmentInputException error = Assert.Throws<AetherSegmentInputException>(() => SegmentDefinitionBuilder.ParseTrigger("override_trigger", "free_pony"));

        Assert.Equal("override_trigger", error.Field);
        Assert.Contains("free_shipping_offer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaskEmail_KeepsTheFirstLetterAndTheDomain()
    {
        Assert.Equal("a***@example.com", SegmentExport.MaskEmail("ada.lovelace@example.com"));
        Assert.Equal("***", SegmentExport.MaskEmail("not-an-email"));
        Assert.Null(SegmentExport.MaskEmail(null));
    }
}

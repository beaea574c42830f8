using System.Text.Json.Nodes;
using AetherSegment.Interpretation;
using AetherSegment.Interpretation.Rules;
using AetherSegment.Profiles;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.TestRetailers.SummitOutfitters;

namespace AetherSegment.Core.Tests.Interpretation;

/// <summary>The rule-based interpreter, validator and schema on the second retailer's profile (regions, departments, its own sources).</summary>
public sealed class SummitInterpreterTests
{
    private static readonly BusinessProfile Summit = BusinessProfileLoader.LoadFile(SummitOutfittersProfile.Path);
    private static readonly RuleBasedCampaignInterpreter Rules = new(Summit);

    public static TheoryData<string, string, string, string[]> Objectives() => new()
    {
        { "Win back lapsed members in the Pacific Northwest who bought tents", "win_back", "regions", ["Pacific Northwest"] },
        { "Win back lapsed members in the Pacific Northwest who bought tents", "win_back", "product_types", ["Tents"] },
        { "Re-engage members in Seattle and Portland who haven't purchased in 120 days", "win_back", "cities", ["Seattle", "Portland"] },
        { "Win back members in the PNW who bought a backpack", "win_back", "regions", ["Pacific Northwest"] },
        { "Win back members in the PNW who bought a backpack", "win_back", "product_types", ["Backpacking Packs"] },
        { "Welcome new members who signed up at a trailhead event in the last 30 days", "new_customer_onboarding", "acquisition_sources", ["trailhead_event"] },
        { "Welcome members who joined through an app download", "new_customer_onboarding", "acquisition_sources", ["app_store"] },
        { "Cross-sell headlamps to members who bought a sleeping bag in the last 60 days", "cross_sell", "product_types", ["Sleeping Bags"] },
        { "Members who browsed hiking boots in the last 7 days but did not buy", "browse_abandonment", "product_types", ["Hiking Boots"] },
        { "Reward loyal members who bought footwear with double points", "loyalty_reward", "categories", ["Footwear"] },
        { "Launch the new down jacket collection to members who signed up via podcast ads", "product_launch", "acquisition_sources", ["podcast_ad"] },
        { "Members in Boulder who bought base layers with 10% off", "geographic_targeting", "categories", ["Base Layers"] },
        { "Members in Boulder who bought base layers with 10% off", "geographic_targeting", "cities", ["Boulder"] },
        { "Give 20% off to lapsing members in Chattanooga who bought trail runners", "win_back", "product_types", ["Trail Runners"] },
        { "Members in the Great Lakes who viewed daypacks in the last 3 days", "browse_abandonment", "regions", ["Great Lakes"] },
        { "Members in the Great Lakes who viewed daypacks in the last 3 days", "browse_abandonment", "product_types", ["Daypacks"] },
        { "Members who bought fleece or softshells in Salt Lake City with free shipping", "geographic_targeting", "product_types", ["Fleece", "Softshells"] },
        { "Thank members in the mountain west who bought a camp stove", "loyalty_reward", "regions", ["Rockies"] },
        { "High-value members in Flagstaff who bought a hydration vest", "geographic_targeting", "product_types", ["Hydration Packs"] },
        { "Win back members acquired via search ads who bought sandals", "win_back", "acquisition_sources", ["search_ad"] },
        { "Promote rain shells to members in the Rockies and New England", "geographic_targeting", "regions", ["Rockies", "New England"] },
        { "Target members in the desert southwest who bought a puffer with free shipping", "geographic_targeting", "product_types", ["Down Jackets"] },
    };

    [Theory]
    [MemberData(nameof(Objectives))]
    public void Interpret_SummitObjective_AnswersInSummitsValues(string objective, string campaignType, string field, string[] expected)
    {
        CampaignObjective answer = Rules.Interpret(objective);

        Assert.Equal(campaignType, AetherSegmentJson.Serialize(answer.CampaignType).Trim('"'));
        IReadOnlyList<string> values = field == "acquisition_sources" ? answer.Audience.AcquisitionSources : answer.Audience.ValuesOf(field);
        Assert.Equal(expected, values);
        Assert.Empty(answer.Audience.Countries);
    }

    [Fact]
    public void Interpret_SummitObjective_FillsTheOtherFieldsToo()
    {
        CampaignObjective answer = Rules.Interpret("Win back lapsed members in the Pacific Northwest who bought tents in the last 90 days with 15% off");

        Assert.Equal(["Pacific Northwest"], answer.Audience.OtherLevels["regions"]);
        Assert.Equal(["Tents"], answer.Audience.ProductTypes);
        Assert.Empty(answer.Audience.Categories);
        Assert.Equal(90, answer.Audience.Behavior.PurchasedWithinDays);
        Assert.Equal((IncentiveType.PercentDiscount, 15d), (answer.Incentive.Type, answer.Incentive.Value));
    }

    [Fact]
    public void Interpret_AbandonedCart_UnderAProfileWithoutCarts_WarnsWithTheMappingThatEnablesIt()
    {
        CampaignObjective answer = Rules.Interpret("Recover abandoned carts from members in Denver in the last 48 hours");

        Assert.Equal(CampaignType.AbandonedCartRecovery, answer.CampaignType);
        Assert.Equal(2, answer.Audience.Behavior.AbandonedCartWithinDays);
        Assert.Contains("The abandoned-cart filter needs the `entities.carts` mapping in the profile 'summit-outfitters'.", answer.Warnings);
    }

    [Fact]
    public void Interpret_FurnitureWords_AreNotSummitValues()
    {
        CampaignObjective answer = Rules.Interpret("Win back customers in London who bought sofas in the UK");

        Assert.Empty(answer.Audience.ProductTypes);
        Assert.Empty(answer.Audience.Cities);
        Assert.Empty(answer.Audience.Countries);
        Assert.Empty(answer.Audience.OtherLevels);
        Assert.Contains(answer.Warnings, w => w.Contains("'London' is not a region or city", StringComparison.Ordinal));
    }

    [Fact]
    public void Interpret_EveryCatalogValueAndWordOfSummit_IsRecognisedInATemplate()
    {
        InterpreterCatalog catalog = Rules.Catalog;
        int checkedWords = 0;
        foreach (CatalogHierarchy hierarchy in (CatalogHierarchy[])[Summit.Catalog.Places, Summit.Catalog.Taxonomy])
        {
            bool places = ReferenceEquals(hierarchy, Summit.Catalog.Places);
            foreach (CatalogNode node in hierarchy.All)
            {
                string[] synonyms = Summit.Vocabulary.Synonyms.GetValueOrDefault(node.Name)?.ToArray() ?? [];
                foreach (string word in (string[])[node.Name, .. node.Words, .. synonyms, .. (node.Singular is { } s ? [s] : Array.Empty<string>())])
                {
                    string objective = places ? $"Win back members in {word} with 10% off" : $"Win back members who bought {word} with 10% off";
                    CampaignObjective answer = Rules.Interpret(objective);
                    Assert.True(answer.Audience.ValuesOf(node.Level.ObjectiveField!).Contains(node.Name), $"'{objective}' should name {node.Name}");
                    checkedWords++;
                }
            }
        }

        foreach (CatalogEntry source in Summit.Catalog.AcquisitionSources)
        {
            foreach (string word in (string[])[source.Name.Replace('_', ' '), source.Label, .. source.Words])
            {
                string objective = $"Welcome members who signed up via {word} in the last 30 days";
                Assert.True(Rules.Interpret(objective).Audience.AcquisitionSources.Contains(source.Name), $"'{objective}' should name {source.Name}");
                checkedWords++;
            }
        }

        foreach (string goods in Summit.Vocabulary.GoodsWords)
        {
            CampaignObjective answer = Rules.Interpret($"Win back members who bought tent {goods}");
            Assert.Equal(["Tents"], answer.Audience.ProductTypes);
            checkedWords++;
        }

        Assert.True(checkedWords > 100, $"only {checkedWords} words checked");
        Assert.Equal(catalog.PlaceValues.Length, Summit.Catalog.Places.All.Count);
    }

    [Fact]
    public void OtherLevels_RoundTripThroughJsonAsExtraAudienceFields()
    {
        CampaignObjective answer = Rules.Interpret("Win back lapsed members in the Pacific Northwest and the Rockies who bought tents");

        string json = AetherSegmentJson.Serialize(answer);
        JsonObject audience = JsonNode.Parse(json)!["audience"]!.AsObject();
        CampaignObjective back = System.Text.Json.JsonSerializer.Deserialize<CampaignObjective>(json, AetherSegmentJson.Options)!;

        Assert.Equal(["Pacific Northwest", "Rockies"], audience["regions"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(["Pacific Northwest", "Rockies"], back.Audience.OtherLevels["regions"]);
        Assert.Equal(["Pacific Northwest", "Rockies"], back.Audience.ValuesOf("regions"));
        Assert.Equal(json, AetherSegmentJson.Serialize(back));
    }

    [Fact]
    public void Demo_AnswerHasNoExtraAudienceFields()
    {
        CampaignObjective answer = new RuleBasedCampaignInterpreter(HomeFurnishingProfile.Load()).Interpret("Win back customers in London who bought sofas");

        JsonObject audience = JsonNode.Parse(AetherSegmentJson.Serialize(answer))!["audience"]!.AsObject();

        Assert.Equal(
            ["value_tier", "clv_min", "countries", "cities", "categories", "product_types", "churn_risk", "acquisition_sources", "behavior"],
            audience.Select(p => p.Key));
    }

    [Fact]
    public void Validate_SummitAnswer_HasNoProblemsUnderSummit_AndFurnitureValuesAreRejected()
    {
        CampaignObjective answer = Rules.Interpret("Win back lapsed members in the Pacific Northwest who bought tents") with { SuggestedTrigger = null };
        CampaignObjective furniture = answer with
        {
            Audience = answer.Audience with { Countries = ["United Kingdom"], ProductTypes = ["Sofas"], AcquisitionSources = ["organic_search"] },
        };
        CampaignObjective badRegion = answer with { Audience = answer.Audience with { OtherLevels = new Dictionary<string, IReadOnlyList<string>> { ["regions"] = ["London"] } } };

        Assert.Empty(CampaignObjectiveValidator.Validate(answer, Summit));
        IReadOnlyList<string> errors = CampaignObjectiveValidator.Validate(furniture, Summit);
        Assert.Contains("audience.countries: \"United Kingdom\" is not in the profile's vocabulary.", errors);
        Assert.Contains("audience.product_types: \"Sofas\" is not in the profile's vocabulary.", errors);
        Assert.Contains("audience.acquisition_sources: \"organic_search\" is not in the profile's vocabulary.", errors);
        Assert.Contains("audience.regions: \"London\" is not in the profile's vocabulary.", CampaignObjectiveValidator.Validate(badRegion, Summit));
        Assert.NotEmpty(CampaignObjectiveValidator.ValidateJson(AetherSegmentJson.Serialize(furniture), Summit, out CampaignObjective? parsed));
        Assert.Null(parsed);
        Assert.Empty(CampaignObjectiveValidator.ValidateJson(AetherSegmentJson.Serialize(answer), Summit, out parsed));
        Assert.Equal(["Pacific Northwest"], parsed!.Audience.OtherLevels["regions"]);
    }

    [Fact]
    public void Schema_UnderSummit_ListsSummitsClosedSetsAndNoFurnitureValue()
    {
        JsonObject schema = CampaignObjectiveSchema.CreateNode(Summit);
        JsonObject audience = schema["properties"]!["audience"]!["properties"]!.AsObject();
        string text = CampaignObjectiveSchema.Json(Summit);

        Assert.Contains("Pacific Northwest", audience["regions"]!["items"]!["enum"]!.AsArray().Select(v => (string?)v));
        Assert.Contains("regions", schema["properties"]!["audience"]!["required"]!.AsArray().Select(v => (string?)v));
        Assert.Contains("Tents", audience["product_types"]!["items"]!["enum"]!.AsArray().Select(v => (string?)v));
        Assert.Contains("trailhead_event", audience["acquisition_sources"]!["items"]!["enum"]!.AsArray().Select(v => (string?)v));
        Assert.Contains("repair_voucher", schema["properties"]!["suggested_trigger"]!["enum"]!.AsArray().Select(v => (string?)v));
        Assert.Empty(audience["countries"]!["items"]!["enum"]!.AsArray());
        foreach (string furniture in (string[])["Sofas", "London", "United Kingdom", "organic_search", "Living Room", "room_planner"])
        {
            Assert.DoesNotContain(furniture, text, StringComparison.Ordinal);
        }
    }
}

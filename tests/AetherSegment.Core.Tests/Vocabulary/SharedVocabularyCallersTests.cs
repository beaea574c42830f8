using AetherSegment.Analytics;
using AetherSegment.Core.Tests.Analytics;
using AetherSegment.Profiles;
using AetherSegment.Interpretation;
using AetherSegment.Interpretation.Rules;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.TestRetailers.SummitOutfitters;
using AetherSegment.Vocabulary;

namespace AetherSegment.Core.Tests.Vocabulary;

/// <summary>Both readers of plain English (objectives and analytics questions) take their catalog words and singulars from the one vocabulary.</summary>
public sealed class SharedVocabularyCallersTests
{
    private static readonly CatalogVocabulary Outdoor = new(
    [
        new CatalogTerm(CatalogFacets.ProductType, "Accessories", ["extras"]),
        new CatalogTerm(CatalogFacets.ProductType, "Hair Brushes", []),
    ]);

    [Theory]
    [InlineData("Win back customers who bought a bookshelf", "Bookshelves")]
    [InlineData("Cross-sell to shoppers who bought a storage box", "Storage Boxes")]
    [InlineData("Recommend pillows to customers who purchased a mattress", "Mattresses")]
    public void Interpreter_ReadsTheSingularOfAProductType(string objective, string productType)
    {
        CampaignObjective answer = new RuleBasedCampaignInterpreter(HomeFurnishingProfile.Load()).Interpret(objective);

        Assert.Equal([productType], answer.Audience.ProductTypes);
    }

    [Theory]
    [InlineData("revenue for bookshelf", "Bookshelves")]
    [InlineData("orders for a storage box", "Storage Boxes")]
    [InlineData("revenue from mattress", "Mattresses")]
    public void QuestionParser_ReadsTheSingularOfAProductType(string question, string productType)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.True(parsed.Query is not null, parsed.Reason);
        QueryFilter filter = Assert.Single(parsed.Query.Filters);
        Assert.Equal("product_type", filter.Dimension);
        Assert.Equal([productType], filter.Values);
    }

    [Fact]
    public void InterpreterLexicon_TakesCatalogWordsFromTheProfile_WithTheSharedSingular()
    {
        InterpreterCatalog summit = new(BusinessProfileLoader.LoadFile(SummitOutfittersProfile.Path));
        Lexicon lexicon = summit.Lexicon;

        Assert.Equal([new LexMeaning(Sense.Taxon, Array.IndexOf(summit.TaxonValues, "Daypacks"))], Meanings(lexicon, "daypack") ?? []);
        Assert.Equal([new LexMeaning(Sense.Taxon, Array.IndexOf(summit.TaxonValues, "Rain Shells"))], Meanings(lexicon, "storm", "shell") ?? []);
        Assert.Equal([new LexMeaning(Sense.Taxon, Array.IndexOf(summit.TaxonValues, "Sleeping Bags"))], Meanings(lexicon, "sleeping", "bag") ?? []);
        Assert.Null(Meanings(lexicon, "sofa"));
    }

    [Fact]
    public void Interpreter_OnAnotherProfile_AnswersInThatProfilesValues()
    {
        RuleBasedCampaignInterpreter summit = new(BusinessProfileLoader.LoadFile(SummitOutfittersProfile.Path));

        CampaignObjective answer = summit.Interpret("Win back members in the mile high city who bought a rain jacket in the last 90 days");
        CampaignObjective second = summit.Interpret("Cross-sell a headlamp to shoppers in Boulder who bought camp gear");

        Assert.Equal(CampaignType.WinBack, answer.CampaignType);
        Assert.Equal(["Denver"], answer.Audience.Cities);
        Assert.Equal(["Rain Shells"], answer.Audience.ProductTypes);
        Assert.Equal(90, answer.Audience.Behavior.PurchasedWithinDays);
        Assert.Equal(["Boulder"], second.Audience.Cities);
        Assert.Equal(["Camping"], second.Audience.Categories);
        Assert.Empty(second.Audience.ProductTypes);
    }

    [Fact]
    public void QuestionLexicon_TakesCatalogWordsAsInput_WithTheSharedSingular()
    {
        // The question parser's own Singular used to give "accessorie" and "hair brushe".
        BusinessProfile outdoor = new BusinessProfileBuilder("outdoor", "an outdoor retailer")
            .MapEntity(EntityKind.Customers, "customers", new Dictionary<string, string> { ["id"] = "customer_id" })
            .MapEntity(EntityKind.Orders, "orders", new Dictionary<string, string> { ["customer_id"] = "customer_id", ["timestamp"] = "ordered_at", ["value"] = "total" })
            .AddTaxonomyLevel("product_type", ordersColumn: "product_type", plural: "product types", objectiveField: "product_types")
            .AddTaxonomyValue("Accessories", words: ["extras"])
            .AddTaxonomyValue("Hair Brushes")
            .Build();
        IReadOnlyList<LexiconEntry> entries = new SemanticLayer(outdoor).Lexicon.Entries;

        LexiconEntry accessory = Assert.Single(entries, e => e.Phrase == "accessory");
        Assert.Equal(("product_type", "Accessories"), (accessory.FilterDimension!.Key, Assert.Single(accessory.Values)));
        Assert.Single(entries, e => e.Phrase == "hair brush");
        Assert.Single(entries, e => e.Phrase == "extras");
        Assert.DoesNotContain(entries, e => e.Phrase is "accessorie" or "hair brushe" or "sofa");
    }

    [Theory]
    [InlineData("top thirteen cities by revenue", 13)]
    [InlineData("top seventeen product types by orders", 17)]
    public void QuestionParser_ReadsEveryCountWordTheInterpreterKnows(string question, int limit)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Equal(limit, parsed.Query.Limit);
    }

    [Fact]
    public void QuestionParser_ReadsARollingWindowInWords()
    {
        ParsedQuestion parsed = QuestionParser.Parse("revenue in the last forty days", DemoSemanticLayer.Instance);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Equal((TimeRangeKind.RollingDays, 40), (parsed.Query.Time!.Kind, parsed.Query.Time.Amount));
    }

    private static LexMeaning[]? Meanings(Lexicon lexicon, params string[] words)
    {
        int node = 0;
        foreach (string word in words)
        {
            node = lexicon.Step(node, lexicon.WordId(word));
            if (node < 0)
            {
                return null;
            }
        }

        return lexicon.Meanings(node);
    }
}

using System.Globalization;
using AetherSegment.Analytics;
using AetherSegment.DataModel;
using AetherSegment.Interpretation;
using AetherSegment.Interpretation.Rules;
using AetherSegment.Profiles;
using AetherSegment.Segments;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Synthetic.DataModel;
using BehaviorKind = AetherSegment.Segments.BehaviorKind;

namespace AetherSegment.Core.Tests.Profiles;

/// <summary>
/// The home-furnishing profile file reproduces, value for value, the built-in lists it replaces: RetailCatalog,
/// DataSchema, the former trigger catalog, the interpreter's and the question parser's aliases, the tier thresholds.
/// </summary>
public sealed class HomeFurnishingProfileTests
{
    private static readonly BusinessProfile Profile = HomeFurnishingProfile.Load();

    [Fact]
    public void Places_AreTheCatalogsCountriesWithTheirSharesAndCitiesInOrder()
    {
        Assert.Equal(["country", "city"], Profile.Catalog.Places.Levels.Select(l => l.Name));
        Assert.Equal(["countries", "cities"], Profile.Catalog.Places.Levels.Select(l => l.ObjectiveField));
        Assert.Equal(RetailCatalog.Countries.Select(c => (c.Name, (double?)c.CustomerShare, string.Join("|", c.Cities))),
            Profile.Catalog.Places.Roots.Select(n => (n.Name, n.Share, string.Join("|", n.Children.Select(c => c.Name)))));
        Assert.Equal(RetailCatalog.Cities.Select(c => (c.Name, c.Country)),
            Profile.Catalog.Places.ValuesAt("city").Select(n => (n.Name, n.Parent!)));
    }

    [Fact]
    public void Taxonomy_IsTheCatalogsCategoriesAndProductTypesWithPriceRanges()
    {
        Assert.Equal(["category", "product_type"], Profile.Catalog.Taxonomy.Levels.Select(l => l.Name));
        Assert.Equal(RetailCatalog.Categories.Select(c => c.Name), Profile.Catalog.Taxonomy.ValuesAt("category").Select(n => n.Name));
        Assert.Equal(
            RetailCatalog.ProductTypes.Select(p => (p.Name, p.Category, (double?)p.MinPrice, (double?)p.MaxPrice, AetherSegment.Vocabulary.LanguageWords.Singular(p.Name))),
            Profile.Catalog.Taxonomy.ValuesAt("product_type").Select(n => (n.Name, n.Parent!, n.MinPrice, n.MaxPrice, n.Singular ?? n.Name)));
    }

    [Fact]
    public void FlatLists_AreTheCatalogsSourcesEventTypesAndDevices()
    {
        Assert.Equal(RetailCatalog.AcquisitionSources, Profile.Catalog.Values(CatalogList.AcquisitionSources));
        Assert.Equal(RetailCatalog.EventTypes, Profile.Catalog.Values(CatalogList.EventTypes));
        Assert.Equal(RetailCatalog.Devices, Profile.Catalog.Values(CatalogList.Devices));
        Assert.Equal(EventTypeKind.View, Profile.Catalog.FindEventType("product_view")!.Kind);
        Assert.Empty(Profile.Catalog.Channels);
    }

    [Fact]
    public void Tiers_AreTheDefaultThresholds()
    {
        // The options no longer carry defaults of their own: unset, the profile's thresholds apply.
        AetherSegment.DependencyInjection.AetherSegmentOptions defaults = new();
        Assert.Equal((null, null, null), (defaults.HighValueThreshold, defaults.LowValueThreshold, defaults.ChurnRiskThreshold));
        Assert.Equal(new ValueTierThresholds(0.7, 0.4), Profile.Catalog.ValueTiers);
        Assert.Equal(new ChurnRiskThreshold(0.6), Profile.Catalog.ChurnRisk);
        Assert.Equal("clv_score", Profile.FindAttribute(ProfileAttributeRole.ValueScore)?.Name);
        Assert.Equal("churn_probability", Profile.FindAttribute(ProfileAttributeRole.ChurnScore)?.Name);
        Assert.Equal("acquisition_source", Profile.FindAttribute(ProfileAttributeRole.AcquisitionSource)?.Name);
    }

    [Fact]
    public void Mapping_NamesTheSchemasTablesAndEveryColumnOfThem()
    {
        (EntityKind Kind, TableDefinition Table)[] tables =
        [
            (EntityKind.Customers, DataSchema.Customers), (EntityKind.Orders, DataSchema.Transactions),
            (EntityKind.Events, DataSchema.BehavioralEvents), (EntityKind.Carts, DataSchema.AbandonedCarts),
            (EntityKind.CampaignSends, DataSchema.CampaignHistory), (EntityKind.Scores, DataSchema.CustomerScores),
        ];
        foreach ((EntityKind kind, TableDefinition table) in tables)
        {
            EntityMapping mapping = Profile.Entities.Get(kind)!;
            Assert.Equal(table.Name, mapping.Table);
            Assert.All(mapping.Columns.Values, column => Assert.True(table.HasColumn(column), $"{table.Name} has no column {column}"));
            Assert.All(mapping.Columns.Values, column => Assert.True(ProfileSql.IsColumnName(column)));

            HashSet<string> covered = [.. mapping.Columns.Values];
            covered.UnionWith(Profile.Attributes.Where(a => a.Entity == kind).Select(a => a.Column));
            if (kind == EntityKind.Orders)
            {
                covered.UnionWith(Profile.Catalog.Taxonomy.Levels.Select(l => l.OrdersColumn!));
            }

            if (kind == EntityKind.Events)
            {
                covered.UnionWith(Profile.Catalog.Taxonomy.Levels.Select(l => l.EventsColumn!));
            }

            Assert.Equal(table.Columns.Select(c => c.Name).Order(StringComparer.Ordinal), covered.Order(StringComparer.Ordinal));
        }

        Assert.Equal(["first_name", "last_name", "email"], Profile.Entities.Customers.PersonalColumns);
        Assert.Equal(("treatment", "control"), (Profile.Entities.CampaignSends!.TreatmentValue, Profile.Entities.CampaignSends.ControlValue));
    }

    [Fact]
    public void Triggers_AreTheFormerTriggerCatalogWithItsOffers()
    {
        // The former TriggerCatalog, written out (id, offer, answers to); the eligibility filters are checked field by
        // field in Segments/TriggerEligibilityFilterTests.
        (string Id, string Offer, string AnswersTo)[] expected =
        [
            ("personalized_discount_offer", "a percentage or fixed discount", "discount sensitivity"),
            ("free_shipping_offer", "free delivery", "free-shipping sensitivity"),
            ("exclusive_access", "early or members-only access to new launches", "exclusivity seeking"),
            ("loyalty_points_bonus", "extra loyalty points", "customer value and repeat purchase"),
            ("product_recommendation", "complementary items and bundles", "content engagement and a recent purchase"),
            ("cart_reminder", "a plain reminder, no incentive", "a recent cart"),
            ("urgency_low_stock", "a scarcity or price-ends-soon message", "stock checks and wishlist activity"),
            ("content_inspiration", "room ideas, planner and AR content", "content engagement, room planner and AR use"),
        ];
        Assert.Equal(expected, Profile.Triggers.Select(t => (t.Id, t.Description, t.AnswersTo)));
        Assert.All(Profile.Triggers, t => Assert.NotNull(t.Economics));
    }

    [Fact]
    public void Triggers_CarryTheIncentivesAndCampaignTypesTheInterpreterMapsToThem()
    {
        Assert.Equal("personalized_discount_offer", Trigger(IncentiveType.PercentDiscount));
        Assert.Equal("personalized_discount_offer", Trigger(IncentiveType.FixedDiscount));
        Assert.Equal("free_shipping_offer", Trigger(IncentiveType.FreeShipping));
        Assert.Equal("exclusive_access", Trigger(IncentiveType.ExclusiveAccess));
        Assert.Equal("loyalty_points_bonus", Trigger(IncentiveType.LoyaltyPoints));
        Assert.Equal("cart_reminder", Trigger(IncentiveType.None));
        Assert.Equal("cart_reminder", Profile.Triggers.Single(t => t.CampaignTypes.Contains(CampaignType.AbandonedCartRecovery)).Id);
        Assert.Equal("product_recommendation", Profile.Triggers.Single(t => t.CampaignTypes.Contains(CampaignType.CrossSell)).Id);
        Assert.Equal("content_inspiration", Profile.Triggers.Single(t => t.CampaignTypes.Contains(CampaignType.NewCustomerOnboarding)).Id);

        static string Trigger(IncentiveType incentive) => Profile.Triggers.Single(t => t.IncentiveTypes.Contains(incentive)).Id;
    }

    [Fact]
    public void Economics_DiscountIsAShareFreeShippingAFixedAmountRemindersNearlyFree()
    {
        TriggerEconomics discount = Profile.FindTrigger("personalized_discount_offer")!.Economics!;
        Assert.Equal(0.15, discount.ConversionCost.ShareOfOrderValue);
        Assert.Equal(30, discount.ConversionCost.For(200), 9);
        TriggerEconomics shipping = Profile.FindTrigger("free_shipping_offer")!.Economics!;
        Assert.Null(shipping.ConversionCost.ShareOfOrderValue);
        Assert.True(shipping.ConversionCost.FixedAmount > 0);
        TriggerEconomics reminder = Profile.FindTrigger("cart_reminder")!.Economics!;
        Assert.Equal(0, reminder.ConversionCost.For(500));
        Assert.True(reminder.CostPerSend < discount.CostPerSend);
    }

    [Fact]
    public void InterpreterAliases_NameTheSameCanonicalValues()
    {
        int checkedPhrases = 0;
        InterpreterCatalog catalog = new(Profile);
        foreach ((string phrase, LexMeaning[] meanings) in LexiconEntries.All(catalog))
        {
            foreach (LexMeaning meaning in meanings)
            {
                (CatalogList List, string Value)? expected = meaning.Sense switch
                {
                    Sense.Place => (CatalogList.Places, catalog.PlaceValues[meaning.Value]),
                    Sense.Taxon => (CatalogList.Taxonomy, catalog.TaxonValues[meaning.Value]),
                    Sense.Source => (CatalogList.AcquisitionSources, catalog.Sources[meaning.Value]),
                    _ => null,
                };
                if (expected is { } value)
                {
                    Assert.True(Profile.FindCatalogValue(phrase) is { } match && match.List == value.List && match.Value == value.Value,
                        $"'{phrase}' should name {value.List} '{value.Value}', found {Profile.FindCatalogValue(phrase)}");
                    checkedPhrases++;
                }
                else if (meaning.Sense == Sense.Trigger && !meanings.Any(m => m.Sense is Sense.NoIncentive or Sense.Campaign))
                {
                    // Core names no trigger: a bare trigger cue means the trigger whose words list the phrase.
                    Assert.Equal(ProfileTriggerWords.NamedByWord, meaning.Value);
                    Assert.True(Profile.FindTriggerByWord(phrase) is not null, $"'{phrase}' should be a trigger word of the profile");
                    checkedPhrases++;
                }
                else if (meaning.Sense == Sense.Clv)
                {
                    Assert.Equal("clv_score", Profile.FindAttributeByWord(phrase)?.Name);
                    checkedPhrases++;
                }
            }
        }

        Assert.True(checkedPhrases > 300, $"only {checkedPhrases} phrases checked");
    }

    [Fact]
    public void InterpreterTriggerCues_ThatAreCampaignTypesOrNoIncentive_AreCarriedByTheTriggersTypes()
    {
        int cues = 0;
        foreach ((string phrase, LexMeaning[] meanings) in LexiconEntries.All(new InterpreterCatalog(Profile)))
        {
            if (meanings.FirstOrDefault(m => m.Sense == Sense.Trigger) is not { Sense: Sense.Trigger } trigger)
            {
                continue;
            }

            cues++;
            foreach (LexMeaning meaning in meanings)
            {
                if (meaning.Sense == Sense.Campaign)
                {
                    // A campaign cue's trigger hint is the profile's first trigger for that campaign type.
                    Assert.Equal(ProfileTriggerWords.ForCampaignType((CampaignType)meaning.Value), trigger.Value);
                }
                else if (meaning.Sense == Sense.NoIncentive)
                {
                    Assert.Equal(ProfileTriggerWords.OfNoIncentive, trigger.Value);
                }
            }
        }

        Assert.True(cues > 20, $"only {cues} trigger cues");
        Assert.Contains(CampaignType.CrossSell, Profile.FindTrigger("product_recommendation")!.CampaignTypes);
        Assert.Contains(IncentiveType.None, Profile.FindTrigger("cart_reminder")!.IncentiveTypes);
    }

    [Theory]
    [InlineData("cross sell", "product_recommendation")] // the first trigger for cross-sell campaigns
    [InlineData("no discount", "cart_reminder")]         // the trigger of the "none" incentive
    [InlineData("nudge", "cart_reminder")]               // a trigger word of the profile
    [InlineData("recommend", "product_recommendation")]
    [InlineData("low stock", "urgency_low_stock")]       // from the profile's words only
    [InlineData("room planner", "content_inspiration")]
    public void InterpreterLexicon_ResolvesTriggerCuesToTheDemoTriggers(string phrase, string trigger)
    {
        InterpreterCatalog catalog = new(Profile);
        char[] buffer = new char[64];
        Token[] tokens = new Token[16];
        int count = Tokenizer.Tokenize(phrase, buffer, tokens);
        int node = 0;
        for (int i = 0; i < count; i++)
        {
            node = catalog.Lexicon.Step(node, catalog.Lexicon.WordId(buffer.AsSpan(tokens[i].Start, tokens[i].Length)));
        }

        LexMeaning[] meanings = catalog.Lexicon.Meanings(node)!;
        LexMeaning hint = Assert.Single(meanings, m => m.Sense == Sense.Trigger);
        Assert.Equal(trigger, Profile.Triggers[hint.Value].Id);
    }

    [Fact]
    public void QuestionAliases_NameTheSameCanonicalValues()
    {
        int checkedPhrases = 0;
        foreach (LexiconEntry entry in new SemanticLayer(Profile).Lexicon.Entries.Where(e => e.Kind == LexiconKind.Filter))
        {
            CatalogList? list = entry.FilterDimension!.Role switch
            {
                DimensionRole.Place => CatalogList.Places,
                DimensionRole.Taxonomy => CatalogList.Taxonomy,
                DimensionRole.AcquisitionSource => CatalogList.AcquisitionSources,
                DimensionRole.EventType => CatalogList.EventTypes,
                DimensionRole.Device => CatalogList.Devices,
                _ => null,
            };
            if (list is { } expectedList)
            {
                IReadOnlyList<CatalogMatch> matches = Profile.FindCatalogValues(entry.Phrase);
                if (matches.Count == 0 && entry.FilterDimension.Role == DimensionRole.EventType)
                {
                    // The question parser also generates a plural of each event type's name ("add to carts"): plurals are Core's language.
                    matches = Profile.FindCatalogValues(entry.Phrase.EndsWith("es", StringComparison.Ordinal) && !entry.Phrase.EndsWith("ves", StringComparison.Ordinal)
                        ? entry.Phrase[..^2] : entry.Phrase[..^1]);
                }

                if (matches.Count == 0 && entry.FilterDimension.Role == DimensionRole.EventType)
                {
                    // Core also says an event label "<noun> <verb>" with the verb first ("used the room planner", "added
                    // items to their wishlist"): its language, not the profile's; each still names one of the catalog's event types.
                    Assert.All(entry.Values, v => Assert.Contains(Profile.Catalog.EventTypes, e => e.Name == v));
                    checkedPhrases++;
                    continue;
                }

                Assert.True(matches.Count > 0, $"'{entry.Phrase}' names nothing in the profile");
                Assert.All(matches, m => Assert.Equal(expectedList, m.List));
                Assert.Equal(entry.Values.Order(StringComparer.Ordinal), matches.Select(m => m.Value).Order(StringComparer.Ordinal));
                checkedPhrases++;
            }
            else if (entry.FilterDimension.Role == DimensionRole.Trigger && !entry.Phrase.EndsWith(" campaign", StringComparison.Ordinal)
                && !entry.Phrase.EndsWith(" campaigns", StringComparison.Ordinal))
            {
                // "X trigger" and "trigger X" are the lexicon's own forms of the profile's word X.
                string word = entry.Phrase.StartsWith("trigger ", StringComparison.Ordinal) ? entry.Phrase["trigger ".Length..]
                    : entry.Phrase.EndsWith(" trigger", StringComparison.Ordinal) ? entry.Phrase[..^" trigger".Length] : entry.Phrase;
                Assert.Equal(entry.Values.Single(), Profile.FindTriggerByWord(word)?.Id);
                checkedPhrases++;
            }
        }

        Assert.True(checkedPhrases > 150, $"only {checkedPhrases} phrases checked");
    }

    [Fact]
    public void ScoreMeasures_CarryTheSemanticLayersSynonyms()
    {
        foreach (ProfileMeasure measure in Profile.Analytics.Measures)
        {
            MeasureDefinition builtIn = new SemanticLayer(Profile).Measures.Single(m => m.Name == measure.Name);
            Assert.All(measure.Words, word => Assert.Contains(word, builtIn.Synonyms));
            Assert.Equal(builtIn.Label, measure.Label);
        }

        Assert.Equal(3, Profile.Analytics.Measures.Count);
    }

    [Fact]
    public void Lookups_FindValuesByNameOrWordWithTheirLevel()
    {
        CatalogMatch couch = Profile.FindCatalogValue("Couch")!;
        Assert.Equal((CatalogList.Taxonomy, "Sofas", "product_type"), (couch.List, couch.Value, couch.Level!.Name));
        Assert.Equal("country", Profile.FindCatalogValue("the states")!.Level!.Name);
        Assert.Equal("city", Profile.FindCatalogValue("NYC")!.Level!.Name);
        Assert.Equal("in_store", Profile.FindCatalogValue("in store")!.Value);
        Assert.Null(Profile.FindCatalogValue("mobile"));
        Assert.Equal(["ios", "android"], Profile.FindCatalogValues("mobile").Select(m => m.Value));
        Assert.Null(Profile.FindCatalogValue("Narnia"));
        Assert.True(Profile.HasEntity(EntityKind.Carts));
        Assert.Null(Profile.MissingEntityMessage(EntityKind.Carts));
    }
}

using AetherSegment.DataModel;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

/// <summary>What a lexicon phrase names.</summary>
internal enum LexiconKind
{
    Measure,
    Dimension,
    Filter,
}

/// <summary>A phrase of the question vocabulary and what it means on the semantic layer.</summary>
internal sealed record LexiconEntry(string Phrase, LexiconKind Kind, MeasureDefinition? Measure, DimensionDefinition? Dimension, DimensionKind FilterDimension, IReadOnlyList<string> Values)
{
    /// <summary>The phrase between spaces, as it is searched for in normalized text.</summary>
    public string Padded { get; } = " " + Phrase + " ";
}

/// <summary>
/// The question vocabulary, built once from the semantic layer and the <see cref="RetailCatalog"/>: measure synonyms,
/// dimension words and filter values (countries, cities, categories, product types, event types, devices, acquisition
/// sources, value tiers, triggers), longest phrase first so "paid search" wins over "search".
/// </summary>
internal static class QuestionLexicon
{
    /// <summary>Other words for catalog values, as questions use them.</summary>
    private static readonly (string Facet, string Phrase, string Value)[] Aliases =
    [
        (CatalogFacets.Country, "usa", "United States"), (CatalogFacets.Country, "america", "United States"),
        (CatalogFacets.Country, "united states of america", "United States"), (CatalogFacets.Country, "uk", "United Kingdom"),
        (CatalogFacets.Country, "britain", "United Kingdom"), (CatalogFacets.Country, "great britain", "United Kingdom"),
        (CatalogFacets.City, "nyc", "New York"),
        (CatalogFacets.Category, "kitchen", "Kitchen & Dining"), (CatalogFacets.Category, "dining", "Kitchen & Dining"),
        (CatalogFacets.Category, "storage", "Storage & Organization"), (CatalogFacets.Category, "decor", "Decoration"),
        (CatalogFacets.Category, "home decor", "Decoration"), (CatalogFacets.Category, "textile", "Textiles"),
        (CatalogFacets.EventType, "pageviews", "page_view"), (CatalogFacets.EventType, "adds to cart", "add_to_cart"),
        (CatalogFacets.EventType, "cart additions", "add_to_cart"), (CatalogFacets.EventType, "cart removals", "remove_from_cart"),
        (CatalogFacets.EventType, "removes from cart", "remove_from_cart"), (CatalogFacets.EventType, "wishlist additions", "wishlist_add"),
        (CatalogFacets.EventType, "checkouts started", "checkout_start"), (CatalogFacets.EventType, "checkout", "checkout_start"),
        (CatalogFacets.EventType, "checkouts", "checkout_start"), (CatalogFacets.EventType, "room planner", "room_planner_use"),
        (CatalogFacets.EventType, "ar", "ar_view"),
        (CatalogFacets.Device, "desktop", "web"), (CatalogFacets.Device, "website", "web"), (CatalogFacets.Device, "iphone", "ios"),
        (CatalogFacets.Device, "ipad", "ios"),
        (CatalogFacets.AcquisitionSource, "organic", "organic_search"), (CatalogFacets.AcquisitionSource, "seo", "organic_search"),
        (CatalogFacets.AcquisitionSource, "ppc", "paid_search"), (CatalogFacets.AcquisitionSource, "social media", "social"),
        (CatalogFacets.AcquisitionSource, "referrals", "referral"), (CatalogFacets.AcquisitionSource, "instore", "in_store"),
        (CatalogFacets.AcquisitionSource, "affiliates", "affiliate"),
        (CatalogFacets.Trigger, "personalised discount offer", "personalized_discount_offer"),
        (CatalogFacets.Trigger, "discount offer", "personalized_discount_offer"), (CatalogFacets.Trigger, "discount offers", "personalized_discount_offer"),
        (CatalogFacets.Trigger, "discounts", "personalized_discount_offer"), (CatalogFacets.Trigger, "free shipping", "free_shipping_offer"),
        (CatalogFacets.Trigger, "free delivery", "free_shipping_offer"), (CatalogFacets.Trigger, "early access", "exclusive_access"),
        (CatalogFacets.Trigger, "loyalty points", "loyalty_points_bonus"), (CatalogFacets.Trigger, "loyalty bonus", "loyalty_points_bonus"),
        (CatalogFacets.Trigger, "product recommendations", "product_recommendation"),
        (CatalogFacets.Trigger, "recommendations", "product_recommendation"), (CatalogFacets.Trigger, "cart reminders", "cart_reminder"),
        (CatalogFacets.Trigger, "low stock", "urgency_low_stock"), (CatalogFacets.Trigger, "scarcity", "urgency_low_stock"),
        (CatalogFacets.Trigger, "inspiration", "content_inspiration"),
    ];

    /// <summary>The trigger ids questions may name (until the question lexicon reads the profile's triggers).</summary>
    private static readonly string[] TriggerIds =
    [
        "personalized_discount_offer", "free_shipping_offer", "exclusive_access", "loyalty_points_bonus",
        "product_recommendation", "cart_reminder", "urgency_low_stock", "content_inspiration",
    ];

    private static readonly (string Facet, DimensionKind Kind, CatalogPhraseForms Forms)[] Facets =
    [
        (CatalogFacets.Country, DimensionKind.Country, CatalogPhraseForms.None),
        (CatalogFacets.City, DimensionKind.City, CatalogPhraseForms.None),
        (CatalogFacets.Category, DimensionKind.Category, CatalogPhraseForms.None),
        (CatalogFacets.ProductType, DimensionKind.ProductType, CatalogPhraseForms.Singular),
        (CatalogFacets.EventType, DimensionKind.EventType, CatalogPhraseForms.UnderscoresAsSpaces | CatalogPhraseForms.Plural),
        (CatalogFacets.Device, DimensionKind.Device, CatalogPhraseForms.None),
        (CatalogFacets.AcquisitionSource, DimensionKind.AcquisitionSource, CatalogPhraseForms.UnderscoresAsSpaces),
    ];

    /// <summary>The vocabulary of the semantic layer and the built-in catalog, longest phrase first.</summary>
    public static IReadOnlyList<LexiconEntry> Entries { get; } = Build(CatalogWords());

    /// <summary>
    /// The catalog words questions may use: the values of <see cref="RetailCatalog"/> and the trigger ids
    /// with this file's aliases as synonyms.
    /// </summary>
    internal static CatalogVocabulary CatalogWords()
    {
        List<CatalogTerm> terms = [];
        terms.AddRange(RetailCatalog.Countries.Select(c => Term(CatalogFacets.Country, c.Name)));
        terms.AddRange(RetailCatalog.Cities.Select(c => Term(CatalogFacets.City, c.Name)));
        terms.AddRange(RetailCatalog.Categories.Select(c => Term(CatalogFacets.Category, c.Name)));
        terms.AddRange(RetailCatalog.ProductTypes.Select(p => Term(CatalogFacets.ProductType, p.Name)));
        terms.AddRange(RetailCatalog.EventTypes.Select(e => Term(CatalogFacets.EventType, e)));
        terms.AddRange(RetailCatalog.Devices.Select(d => Term(CatalogFacets.Device, d)));
        terms.AddRange(RetailCatalog.AcquisitionSources.Select(s => Term(CatalogFacets.AcquisitionSource, s)));
        terms.AddRange(TriggerIds.Select(t => Term(CatalogFacets.Trigger, t)));
        foreach ((string facet, _, string value) in Aliases)
        {
            if (!terms.Exists(t => t.Facet == facet && t.Value == value))
            {
                throw new InvalidOperationException($"A question alias names the {facet} {value}, which is not in the catalog.");
            }
        }

        return new CatalogVocabulary(terms);
    }

    private static CatalogTerm Term(string facet, string value) =>
        new(facet, value, [.. Aliases.Where(a => a.Facet == facet && a.Value == value).Select(a => a.Phrase)]);

    /// <summary>Builds the vocabulary of the semantic layer and <paramref name="catalog"/>, longest phrase first.</summary>
    internal static List<LexiconEntry> Build(CatalogVocabulary catalog)
    {
        Dictionary<string, LexiconEntry> entries = new(StringComparer.Ordinal);
        void Add(string phrase, LexiconKind kind, MeasureDefinition? measure = null, DimensionDefinition? dimension = null, DimensionKind filter = default, IReadOnlyList<string>? values = null)
        {
            string key = QuestionText.Normalize(phrase).Trim();
            if (key.Length > 0)
            {
                entries.TryAdd(key, new LexiconEntry(key, kind, measure, dimension, filter, values ?? []));
            }
        }

        void Filter(DimensionKind kind, string phrase, params string[] values)
        {
            Add(phrase, LexiconKind.Filter, filter: kind, values: values);
            if (kind == DimensionKind.Trigger)
            {
                Add(phrase + " campaign", LexiconKind.Filter, filter: kind, values: values);
                Add(phrase + " campaigns", LexiconKind.Filter, filter: kind, values: values);
            }
        }

        foreach (MeasureDefinition measure in SemanticLayer.Measures)
        {
            foreach (string synonym in measure.Synonyms)
            {
                Add(synonym, LexiconKind.Measure, measure);
                if (measure.Additive)
                {
                    Add("number of " + synonym, LexiconKind.Measure, measure);
                    Add("total " + synonym, LexiconKind.Measure, measure);
                    Add("count of " + synonym, LexiconKind.Measure, measure);
                }
                else if (!synonym.StartsWith("average", StringComparison.Ordinal))
                {
                    Add("average " + synonym, LexiconKind.Measure, measure);
                    Add("avg " + synonym, LexiconKind.Measure, measure);
                    Add("mean " + synonym, LexiconKind.Measure, measure);
                }
            }
        }

        foreach (DimensionDefinition dimension in SemanticLayer.Dimensions)
        {
            foreach (string synonym in dimension.Synonyms)
            {
                Add(synonym, LexiconKind.Dimension, dimension: dimension);
            }
        }

        // Catalog values with their generated forms, then their synonyms, from the vocabulary.
        foreach ((string facet, DimensionKind kind, CatalogPhraseForms forms) in Facets)
        {
            foreach (CatalogPhrase phrase in catalog.Phrases(facet, forms))
            {
                // "email" alone is the channel or personal data more often than the source; "from email" is read by the parser.
                if (!(kind == DimensionKind.AcquisitionSource && phrase.Phrase == "email"))
                {
                    Filter(kind, phrase.Phrase, phrase.Value);
                }
            }

            if (kind == DimensionKind.Device)
            {
                Filter(DimensionKind.Device, "mobile", "ios", "android");
                Filter(DimensionKind.Device, "mobile app", "ios", "android");
            }
        }

        Filter(DimensionKind.ValueTier, "high value", "high");
        Filter(DimensionKind.ValueTier, "high clv", "high");
        Filter(DimensionKind.ValueTier, "vip", "high");
        Filter(DimensionKind.ValueTier, "vips", "high");
        Filter(DimensionKind.ValueTier, "medium value", "medium");
        Filter(DimensionKind.ValueTier, "mid value", "medium");
        Filter(DimensionKind.ValueTier, "low value", "low");
        Filter(DimensionKind.ValueTier, "low clv", "low");
        foreach (CatalogPhrase phrase in catalog.Phrases(CatalogFacets.Trigger, CatalogPhraseForms.UnderscoresAsSpaces))
        {
            Filter(DimensionKind.Trigger, phrase.Phrase, phrase.Value);
        }

        List<LexiconEntry> list = [.. entries.Values];
        list.Sort((a, b) => b.Phrase.Length != a.Phrase.Length ? b.Phrase.Length - a.Phrase.Length : string.CompareOrdinal(a.Phrase, b.Phrase));
        return list;
    }
}

using AetherSegment.DataModel;

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
    public static IReadOnlyList<LexiconEntry> Entries { get; } = Build();

    private static List<LexiconEntry> Build()
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

        foreach (CountryInfo country in RetailCatalog.Countries)
        {
            Filter(DimensionKind.Country, country.Name, country.Name);
        }

        Filter(DimensionKind.Country, "usa", "United States");
        Filter(DimensionKind.Country, "america", "United States");
        Filter(DimensionKind.Country, "united states of america", "United States");
        Filter(DimensionKind.Country, "uk", "United Kingdom");
        Filter(DimensionKind.Country, "britain", "United Kingdom");
        Filter(DimensionKind.Country, "great britain", "United Kingdom");
        foreach (CityInfo city in RetailCatalog.Cities)
        {
            Filter(DimensionKind.City, city.Name, city.Name);
        }

        Filter(DimensionKind.City, "nyc", "New York");
        foreach (CategoryInfo category in RetailCatalog.Categories)
        {
            Filter(DimensionKind.Category, category.Name, category.Name);
            foreach (ProductTypeInfo product in category.ProductTypes)
            {
                Filter(DimensionKind.ProductType, product.Name, product.Name);
                Filter(DimensionKind.ProductType, Singular(product.Name), product.Name);
            }
        }

        Filter(DimensionKind.Category, "kitchen", "Kitchen & Dining");
        Filter(DimensionKind.Category, "dining", "Kitchen & Dining");
        Filter(DimensionKind.Category, "storage", "Storage & Organization");
        Filter(DimensionKind.Category, "decor", "Decoration");
        Filter(DimensionKind.Category, "home decor", "Decoration");
        Filter(DimensionKind.Category, "textile", "Textiles");
        foreach (string eventType in RetailCatalog.EventTypes)
        {
            string phrase = eventType.Replace('_', ' ');
            Filter(DimensionKind.EventType, phrase, eventType);
            Filter(DimensionKind.EventType, phrase.EndsWith('h') ? phrase + "es" : phrase + "s", eventType);
        }

        Filter(DimensionKind.EventType, "pageviews", "page_view");
        Filter(DimensionKind.EventType, "adds to cart", "add_to_cart");
        Filter(DimensionKind.EventType, "cart additions", "add_to_cart");
        Filter(DimensionKind.EventType, "cart removals", "remove_from_cart");
        Filter(DimensionKind.EventType, "removes from cart", "remove_from_cart");
        Filter(DimensionKind.EventType, "wishlist additions", "wishlist_add");
        Filter(DimensionKind.EventType, "checkouts started", "checkout_start");
        Filter(DimensionKind.EventType, "checkout", "checkout_start");
        Filter(DimensionKind.EventType, "checkouts", "checkout_start");
        Filter(DimensionKind.EventType, "room planner", "room_planner_use");
        Filter(DimensionKind.EventType, "ar", "ar_view");
        foreach (string device in RetailCatalog.Devices)
        {
            Filter(DimensionKind.Device, device, device);
        }

        Filter(DimensionKind.Device, "desktop", "web");
        Filter(DimensionKind.Device, "website", "web");
        Filter(DimensionKind.Device, "iphone", "ios");
        Filter(DimensionKind.Device, "ipad", "ios");
        Filter(DimensionKind.Device, "mobile", "ios", "android");
        Filter(DimensionKind.Device, "mobile app", "ios", "android");
        foreach (string source in RetailCatalog.AcquisitionSources)
        {
            if (source != "email")
            {
                Filter(DimensionKind.AcquisitionSource, source.Replace('_', ' '), source);
            }
        }

        Filter(DimensionKind.AcquisitionSource, "organic", "organic_search");
        Filter(DimensionKind.AcquisitionSource, "seo", "organic_search");
        Filter(DimensionKind.AcquisitionSource, "ppc", "paid_search");
        Filter(DimensionKind.AcquisitionSource, "social media", "social");
        Filter(DimensionKind.AcquisitionSource, "referrals", "referral");
        Filter(DimensionKind.AcquisitionSource, "instore", "in_store");
        Filter(DimensionKind.AcquisitionSource, "affiliates", "affiliate");
        Filter(DimensionKind.ValueTier, "high value", "high");
        Filter(DimensionKind.ValueTier, "high clv", "high");
        Filter(DimensionKind.ValueTier, "vip", "high");
        Filter(DimensionKind.ValueTier, "vips", "high");
        Filter(DimensionKind.ValueTier, "medium value", "medium");
        Filter(DimensionKind.ValueTier, "mid value", "medium");
        Filter(DimensionKind.ValueTier, "low value", "low");
        Filter(DimensionKind.ValueTier, "low clv", "low");
        foreach (TriggerInfo trigger in TriggerCatalog.All)
        {
            Filter(DimensionKind.Trigger, trigger.Name.Replace('_', ' '), trigger.Name);
        }

        Filter(DimensionKind.Trigger, "personalised discount offer", "personalized_discount_offer");
        Filter(DimensionKind.Trigger, "discount offer", "personalized_discount_offer");
        Filter(DimensionKind.Trigger, "discount offers", "personalized_discount_offer");
        Filter(DimensionKind.Trigger, "discounts", "personalized_discount_offer");
        Filter(DimensionKind.Trigger, "free shipping", "free_shipping_offer");
        Filter(DimensionKind.Trigger, "free delivery", "free_shipping_offer");
        Filter(DimensionKind.Trigger, "early access", "exclusive_access");
        Filter(DimensionKind.Trigger, "loyalty points", "loyalty_points_bonus");
        Filter(DimensionKind.Trigger, "loyalty bonus", "loyalty_points_bonus");
        Filter(DimensionKind.Trigger, "product recommendations", "product_recommendation");
        Filter(DimensionKind.Trigger, "recommendations", "product_recommendation");
        Filter(DimensionKind.Trigger, "cart reminders", "cart_reminder");
        Filter(DimensionKind.Trigger, "low stock", "urgency_low_stock");
        Filter(DimensionKind.Trigger, "scarcity", "urgency_low_stock");
        Filter(DimensionKind.Trigger, "inspiration", "content_inspiration");

        List<LexiconEntry> list = [.. entries.Values];
        list.Sort((a, b) => b.Phrase.Length != a.Phrase.Length ? b.Phrase.Length - a.Phrase.Length : string.CompareOrdinal(a.Phrase, b.Phrase));
        return list;
    }

    private static string Singular(string plural)
    {
        if (plural.EndsWith("ves", StringComparison.Ordinal))
        {
            return plural[..^3] + "f";
        }

        if (plural.EndsWith("sses", StringComparison.Ordinal) || plural.EndsWith("xes", StringComparison.Ordinal) || plural.EndsWith("ches", StringComparison.Ordinal))
        {
            return plural[..^2];
        }

        return plural.EndsWith('s') ? plural[..^1] : plural;
    }
}

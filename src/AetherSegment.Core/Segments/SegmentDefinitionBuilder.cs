using System.Globalization;
using System.Text.Json;
using AetherSegment.DataModel;
using AetherSegment.DependencyInjection;
using AetherSegment.Interpretation;

namespace AetherSegment.Segments;

/// <summary>
/// Builds segment definitions: the filters a Campaign Objective Object implies (provenance ai), the chosen trigger's
/// filter, and refinement filters from key/value pairs (provenance user), validating every value.
/// </summary>
internal sealed class SegmentDefinitionBuilder(AetherSegmentOptions options)
{
    /// <summary>The refinement keys accepted in new_filters / additional_filters / --filter, in documentation order.</summary>
    internal static readonly string[] RefinementKeys =
    [
        "location_country", "location_city", "exclude_country", "exclude_city", "value_tier", "clv_min", "clv_max",
        "cart_value_min", "category", "product_type", "acquisition_source", "churn_min", "churn_max",
        "discount_sensitivity_min", "free_shipping_sensitivity_min", "content_engagement_min", "exclusivity_seeker",
        "abandoned_cart_within_days", "purchased_within_days", "no_purchase_for_days", "viewed_within_days", "acquired_within_days",
    ];

    private const double MaxDays = 3650;

    /// <summary>The filters the objective implies, in a stable order.</summary>
    public IReadOnlyList<SegmentFilter> FromObjective(CampaignObjective objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        Audience audience = objective.Audience ?? new Audience();
        Behavior behavior = audience.Behavior ?? new Behavior();
        List<SegmentFilter> filters = [];
        const FilterProvenance ai = FilterProvenance.Ai;

        if (audience.Countries.Count > 0)
        {
            filters.Add(Countries("countries", audience.Countries, ai, "objective.audience.countries"));
        }

        if (audience.Cities.Count > 0)
        {
            filters.Add(Cities("cities", audience.Cities, ai, "objective.audience.cities"));
        }

        if (audience.ValueTier is { } tier)
        {
            filters.Add(Tier(tier, ai));
        }

        if (audience.ClvMin is { } clvMin)
        {
            filters.Add(Score("clv_min", CustomerAttribute.ClvScore, atLeast: true, CheckUnit("objective.audience.clv_min", clvMin), ai));
        }

        if (audience.ChurnRisk is ChurnRisk.High)
        {
            filters.Add(new SegmentFilter("churn_risk", $"high churn risk (churn probability of at least {Num(options.ChurnRiskThreshold)})", ai,
                AttributeCondition.AtLeast(CustomerAttribute.ChurnProbability, options.ChurnRiskThreshold)));
        }

        if (audience.AcquisitionSources.Count > 0)
        {
            string[] sources = [.. audience.AcquisitionSources.Select(s => JsonSerializer.Serialize(s, AetherSegmentJson.Options).Trim('"'))];
            filters.Add(new SegmentFilter("acquisition_sources", "acquired through " + Join(sources), ai,
                AttributeCondition.In(CustomerAttribute.AcquisitionSource, sources)));
        }

        string[] categories = [.. audience.Categories.Select(c => CheckCategory("objective.audience.categories", c))];
        string[] productTypes = [.. audience.ProductTypes.Select(p => CheckProductType("objective.audience.product_types", p))];
        bool productsPlaced = false;

        if (behavior.AbandonedCartWithinDays is { } cartDays)
        {
            double? min = behavior.MinCartValue is { } m ? CheckNonNegative("objective.audience.behavior.min_cart_value", m) : null;
            filters.Add(Cart("abandoned_cart_within_days", CheckDays("objective.audience.behavior.abandoned_cart_within_days", cartDays), min, ai));
        }
        else if (behavior.MinCartValue is { } minOnly)
        {
            filters.Add(Cart("min_cart_value", null, CheckNonNegative("objective.audience.behavior.min_cart_value", minOnly), ai));
        }

        if (behavior.PurchasedWithinDays is { } purchasedDays)
        {
            filters.Add(Purchased("purchased_within_days", CheckDays("objective.audience.behavior.purchased_within_days", purchasedDays), categories, productTypes, ai));
            productsPlaced = true;
        }

        if (behavior.ViewedWithinDays is { } viewedDays)
        {
            double days = CheckDays("objective.audience.behavior.viewed_within_days", viewedDays);
            filters.Add(Viewed("viewed_within_days", days, productsPlaced ? [] : categories, productsPlaced ? [] : productTypes, ai));
            productsPlaced = true;
        }

        if (!productsPlaced && (categories.Length > 0 || productTypes.Length > 0))
        {
            filters.Add(Purchased("purchased_products", null, categories, productTypes, ai));
        }

        if (behavior.NoPurchaseForDays is { } noPurchaseDays)
        {
            double days = CheckDays("objective.audience.behavior.no_purchase_for_days", noPurchaseDays);
            filters.Add(new SegmentFilter("no_purchase_for_days", $"no purchase in the last {Days(days)}", ai, new BehaviorCondition(BehaviorKind.NoPurchase, days)));
        }

        if (behavior.AcquiredWithinDays is { } acquiredDays)
        {
            double days = CheckDays("objective.audience.behavior.acquired_within_days", acquiredDays);
            filters.Add(new SegmentFilter("acquired_within_days", $"became a customer in the last {Days(days)}", ai, new BehaviorCondition(BehaviorKind.Acquired, days)));
        }

        return filters;
    }

    /// <summary>Parses refinement filters (provenance user).</summary>
    /// <param name="refinements">Keys of <see cref="RefinementKeys"/> with typed values (numbers, texts, lists of texts, flags; numbers and flags may be texts).</param>
    /// <param name="field">The request field the refinements came from, for error messages (e.g. <c>new_filters</c>).</param>
    /// <param name="context">The definition's other filters, whose windows refinements reuse (cart and purchase windows).</param>
    /// <exception cref="AetherSegmentInputException">An unknown key, a wrong type, an out-of-range number or an unknown vocabulary value.</exception>
    public IReadOnlyList<SegmentFilter> FromRefinements(IEnumerable<SegmentRefinement>? refinements, string field, IReadOnlyList<SegmentFilter> context)
    {
        List<SegmentFilter> filters = [];
        if (refinements is null)
        {
            return filters;
        }

        const FilterProvenance user = FilterProvenance.User;
        foreach (SegmentRefinement value in refinements)
        {
            ArgumentNullException.ThrowIfNull(value, field);
            string rawKey = value.Key;
            string key = rawKey.Trim().ToLowerInvariant();
            string name = $"{field}.{key}";

            SegmentFilter filter = key switch
            {
                "location_country" => Countries(key, Strings(name, value), user, name),
                "location_city" => Cities(key, Strings(name, value), user, name),
                "exclude_country" => Exclude(Countries(key, Strings(name, value), user, name)),
                "exclude_city" => Exclude(Cities(key, Strings(name, value), user, name)),
                "value_tier" => Tier(ParseTier(name, value), user),
                "clv_min" => Score(key, CustomerAttribute.ClvScore, atLeast: true, Unit(name, value), user),
                "clv_max" => Score(key, CustomerAttribute.ClvScore, atLeast: false, Unit(name, value), user),
                "churn_min" => Score(key, CustomerAttribute.ChurnProbability, atLeast: true, Unit(name, value), user),
                "churn_max" => Score(key, CustomerAttribute.ChurnProbability, atLeast: false, Unit(name, value), user),
                "discount_sensitivity_min" => Score(key, CustomerAttribute.DiscountSensitivity, atLeast: true, Unit(name, value), user),
                "free_shipping_sensitivity_min" => Score(key, CustomerAttribute.FreeShippingSensitivity, atLeast: true, Unit(name, value), user),
                "content_engagement_min" => Score(key, CustomerAttribute.ContentEngagement, atLeast: true, Unit(name, value), user),
                "exclusivity_seeker" => Flag(name, value),
                "cart_value_min" => Cart(key, WindowOf(context, BehaviorKind.AbandonedCart), CheckNonNegative(name, Number(name, value)), user),
                "category" => Purchased(key, WindowOf(context, BehaviorKind.Purchased), [.. Strings(name, value).Select(c => CheckCategory(name, c))], [], user),
                "product_type" => Purchased(key, WindowOf(context, BehaviorKind.Purchased), [], [.. Strings(name, value).Select(p => CheckProductType(name, p))], user),
                "acquisition_source" => Sources(name, value),
                "abandoned_cart_within_days" => Cart(key, CheckDays(name, Number(name, value)), null, user),
                "purchased_within_days" => Purchased(key, CheckDays(name, Number(name, value)), [], [], user),
                "no_purchase_for_days" => Window(key, BehaviorKind.NoPurchase, "no purchase in the last {0}", CheckDays(name, Number(name, value))),
                "viewed_within_days" => Viewed(key, CheckDays(name, Number(name, value)), [], [], user),
                "acquired_within_days" => Window(key, BehaviorKind.Acquired, "became a customer in the last {0}", CheckDays(name, Number(name, value))),
                _ => throw new AetherSegmentInputException(name,
                    $"Unknown filter '{rawKey}' in {field}; use one of: {string.Join(", ", RefinementKeys)}."),
            };
            filters.Add(filter);
        }

        return filters;
    }

    /// <summary>Parses a trigger name, naming the field when it is not in the catalog.</summary>
    public static TriggerType ParseTrigger(string field, string? name) =>
        TriggerCatalog.TryParse(name, out TriggerType trigger)
            ? trigger
            : throw new AetherSegmentInputException(field,
                $"Unknown trigger '{name}' in {field}; use one of: {string.Join(", ", TriggerCatalog.All.Select(t => t.Name))}.");

    private SegmentFilter Tier(ValueTier tier, FilterProvenance provenance) => tier switch
    {
        ValueTier.High => new SegmentFilter("value_tier", $"high-value customers (CLV score of at least {Num(options.HighValueThreshold)})", provenance,
            AttributeCondition.AtLeast(CustomerAttribute.ClvScore, options.HighValueThreshold)),
        ValueTier.Low => new SegmentFilter("value_tier", $"low-value customers (CLV score below {Num(options.LowValueThreshold)})", provenance,
            AttributeCondition.Below(CustomerAttribute.ClvScore, options.LowValueThreshold)),
        _ => new SegmentFilter("value_tier", $"medium-value customers (CLV score from {Num(options.LowValueThreshold)} to below {Num(options.HighValueThreshold)})", provenance,
            new AllOfCondition([AttributeCondition.AtLeast(CustomerAttribute.ClvScore, options.LowValueThreshold), AttributeCondition.Below(CustomerAttribute.ClvScore, options.HighValueThreshold)])),
    };

    private static SegmentFilter Countries(string key, IReadOnlyList<string> names, FilterProvenance provenance, string field)
    {
        string[] countries = [.. names.Select(n => RetailCatalog.FindCountry(n)?.Name ?? throw new AetherSegmentInputException(field,
            $"Unknown country '{n}' in {field}; use one of: {string.Join(", ", RetailCatalog.Countries.Select(c => c.Name))}."))];
        return new SegmentFilter(key, "living in " + Join(countries), provenance, AttributeCondition.In(CustomerAttribute.Country, countries));
    }

    private static SegmentFilter Cities(string key, IReadOnlyList<string> names, FilterProvenance provenance, string field)
    {
        string[] cities = [.. names.Select(n => RetailCatalog.FindCity(n)?.Name ?? throw new AetherSegmentInputException(field,
            $"Unknown city '{n}' in {field}; use one of the 21 cities of the data model ({string.Join(", ", RetailCatalog.Cities.Select(c => c.Name))})."))];
        return new SegmentFilter(key, "living in " + Join(cities), provenance, AttributeCondition.In(CustomerAttribute.City, cities));
    }

    private static SegmentFilter Exclude(SegmentFilter filter) =>
        filter with { Description = "not " + filter.Description, Condition = new NotCondition(filter.Condition) };

    private static SegmentFilter Score(string key, CustomerAttribute attribute, bool atLeast, double value, FilterProvenance provenance)
    {
        string label = attribute switch
        {
            CustomerAttribute.ClvScore => "CLV score",
            CustomerAttribute.ChurnProbability => "churn probability",
            CustomerAttribute.DiscountSensitivity => "discount sensitivity",
            CustomerAttribute.FreeShippingSensitivity => "free-shipping sensitivity",
            _ => "content engagement",
        };
        return atLeast
            ? new SegmentFilter(key, $"{label} of at least {Num(value)}", provenance, AttributeCondition.AtLeast(attribute, value))
            : new SegmentFilter(key, $"{label} below {Num(value)}", provenance, AttributeCondition.Below(attribute, value));
    }

    private static SegmentFilter Cart(string key, double? days, double? minValue, FilterProvenance provenance)
    {
        string window = days is { } d ? $" in the last {Days(d)}" : "";
        string worth = minValue is { } v ? $" worth at least ${Num(v)}" : "";
        return new SegmentFilter(key, $"abandoned a cart{worth}{window}", provenance, new BehaviorCondition(BehaviorKind.AbandonedCart, days) { MinValue = minValue });
    }

    private static SegmentFilter Purchased(string key, double? days, IReadOnlyList<string> categories, IReadOnlyList<string> productTypes, FilterProvenance provenance)
    {
        string what = productTypes.Count > 0 ? " " + Join(productTypes) : categories.Count > 0 ? " in " + Join(categories) : "";
        string window = days is { } d ? $" in the last {Days(d)}" : "";
        return new SegmentFilter(key, $"purchased{what}{window}", provenance,
            new BehaviorCondition(BehaviorKind.Purchased, days) { Categories = categories, ProductTypes = productTypes });
    }

    private static SegmentFilter Viewed(string key, double days, IReadOnlyList<string> categories, IReadOnlyList<string> productTypes, FilterProvenance provenance)
    {
        string what = productTypes.Count > 0 ? " " + Join(productTypes) : categories.Count > 0 ? " " + Join(categories) + " products" : " products";
        return new SegmentFilter(key, $"viewed{what} in the last {Days(days)}", provenance,
            new BehaviorCondition(BehaviorKind.Engaged, days) { EventTypes = ["product_view"], Categories = categories, ProductTypes = productTypes });
    }

    private static SegmentFilter Window(string key, BehaviorKind kind, string format, double days) =>
        new(key, string.Format(CultureInfo.InvariantCulture, format, Days(days)), FilterProvenance.User, new BehaviorCondition(kind, days));

    private static SegmentFilter Flag(string name, SegmentRefinement value)
    {
        bool flag = value switch
        {
            { Flag: { } set } => set,
            { Text: { } text } when bool.TryParse(text, out bool parsed) => parsed,
            _ => throw new AetherSegmentInputException(name, $"{name} must be true or false."),
        };
        SegmentCondition condition = AttributeCondition.IsTrue(CustomerAttribute.ExclusivitySeeker);
        return flag
            ? new SegmentFilter("exclusivity_seeker", "seeks exclusive access", FilterProvenance.User, condition)
            : new SegmentFilter("exclusivity_seeker", "does not seek exclusive access", FilterProvenance.User, new NotCondition(condition));
    }

    private static SegmentFilter Sources(string name, SegmentRefinement value)
    {
        string[] sources = [.. Strings(name, value).Select(s => RetailCatalog.AcquisitionSources.FirstOrDefault(a => string.Equals(a, s.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new AetherSegmentInputException(name, $"Unknown acquisition source '{s}' in {name}; use one of: {string.Join(", ", RetailCatalog.AcquisitionSources)}."))];
        return new SegmentFilter("acquisition_source", "acquired through " + Join(sources), FilterProvenance.User, AttributeCondition.In(CustomerAttribute.AcquisitionSource, sources));
    }

    private static ValueTier ParseTier(string name, SegmentRefinement value) =>
        value.Text?.Trim().ToLowerInvariant() switch
        {
            "high" => ValueTier.High,
            "medium" => ValueTier.Medium,
            "low" => ValueTier.Low,
            _ => throw new AetherSegmentInputException(name, $"{name} must be high, medium or low."),
        };

    private static double? WindowOf(IReadOnlyList<SegmentFilter> context, BehaviorKind kind)
    {
        foreach (SegmentFilter filter in context)
        {
            if (filter.Condition is BehaviorCondition behavior && behavior.Kind == kind && behavior.WithinDays is { } days)
            {
                return days;
            }
        }

        return null;
    }

    private static IReadOnlyList<string> Strings(string name, SegmentRefinement value)
    {
        List<string> values = [];
        if (value.Text is { } text)
        {
            values.AddRange(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        else if (value.Texts is { } texts)
        {
            foreach (string item in texts)
            {
                values.Add(item is null
                    ? throw new AetherSegmentInputException(name, $"{name} must be a string or a list of strings.")
                    : item.Trim());
            }
        }
        else
        {
            throw new AetherSegmentInputException(name, $"{name} must be a string or a list of strings.");
        }

        return values.Count > 0 && values.Count <= 100 && values.TrueForAll(v => v.Length is > 0 and <= 100)
            ? values
            : throw new AetherSegmentInputException(name, $"{name} must name between 1 and 100 values.");
    }

    private static double Number(string name, SegmentRefinement value)
    {
        if (value.Number is { } number && double.IsFinite(number))
        {
            return number;
        }

        if (value.Text is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) && double.IsFinite(parsed))
        {
            return parsed;
        }

        throw new AetherSegmentInputException(name, $"{name} must be a number.");
    }

    private static double Unit(string name, SegmentRefinement value) => CheckUnit(name, Number(name, value));

    private static double CheckUnit(string name, double value) => value is >= 0 and <= 1
        ? value
        : throw new AetherSegmentInputException(name, $"{name} must be between 0 and 1 (was {Num(value)}).");

    private static double CheckNonNegative(string name, double value) => value is >= 0 and <= 1_000_000
        ? value
        : throw new AetherSegmentInputException(name, $"{name} must be between 0 and 1000000 (was {Num(value)}).");

    private static double CheckDays(string name, double value) => value is > 0 and <= MaxDays
        ? value
        : throw new AetherSegmentInputException(name, $"{name} must be a number of days above 0 and at most {MaxDays} (was {Num(value)}).");

    private static string CheckCategory(string name, string value) => RetailCatalog.FindCategory(value)?.Name
        ?? throw new AetherSegmentInputException(name, $"Unknown category '{value}' in {name}; use one of: {string.Join(", ", RetailCatalog.Categories.Select(c => c.Name))}.");

    private static string CheckProductType(string name, string value) => RetailCatalog.FindProductType(value)?.Name
        ?? throw new AetherSegmentInputException(name, $"Unknown product type '{value}' in {name}; use a plural product type of the data model such as Sofas or Office Chairs.");

    internal static string Num(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    internal static string Days(double days) => days switch
    {
        1 => "day",
        < 1 => $"{Num(days * 24)} hours",
        _ when days % 1 != 0 && days * 24 % 1 == 0 && days < 7 => $"{Num(days * 24)} hours",
        _ => $"{Num(days)} days",
    };

    private static string Join(IReadOnlyList<string> values) => values.Count switch
    {
        0 => "",
        1 => values[0],
        2 => $"{values[0]} or {values[1]}",
        _ => string.Join(", ", values.Take(values.Count - 1)) + " or " + values[^1],
    };
}

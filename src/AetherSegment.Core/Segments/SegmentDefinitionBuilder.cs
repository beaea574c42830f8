using System.Globalization;
using System.Text.Json;
using AetherSegment.DataModel;
using AetherSegment.DependencyInjection;
using AetherSegment.Interpretation;
using AetherSegment.Profiles;

namespace AetherSegment.Segments;

/// <summary>
/// Builds segment definitions: the filters a Campaign Objective Object implies (provenance ai), the chosen trigger's
/// filter, and refinement filters from key/value pairs (provenance user), validating every value against the profile:
/// places through each place level's objective field and attribute, categories and product types through the taxonomy
/// levels, value tiers and the churn threshold from the profile's catalog (the options override them when set), and
/// acquisition sources through the attribute with the acquisition_source role.
/// </summary>
internal sealed class SegmentDefinitionBuilder
{
    private const double MaxDays = 3650;
    private readonly BusinessProfile _profile;
    private readonly AetherSegmentOptions _options;
    private readonly SegmentMapping _map;

    public SegmentDefinitionBuilder(BusinessProfile profile, AetherSegmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        _profile = profile;
        _options = options;
        _map = SegmentMapping.For(profile);
    }

    /// <summary>The high value tier threshold: the option when set, else the profile's catalog.</summary>
    public double HighValueThreshold => _options.HighValueThreshold ?? _profile.Catalog.ValueTiers?.High ?? 0;

    /// <summary>The low value tier threshold: the option when set, else the profile's catalog.</summary>
    public double LowValueThreshold => _options.LowValueThreshold ?? _profile.Catalog.ValueTiers?.Low ?? 0;

    private double ChurnThreshold => _options.ChurnRiskThreshold ?? _profile.Catalog.ChurnRisk?.High ?? 0;

    /// <summary>The refinement keys accepted in new_filters / additional_filters / --filter for this profile, in documentation order.</summary>
    public IReadOnlyList<string> RefinementKeys()
    {
        List<string> keys = [];
        foreach ((HierarchyLevel level, ProfileAttribute _) in _map.Places)
        {
            keys.Add("location_" + level.Name);
        }

        foreach ((HierarchyLevel level, ProfileAttribute _) in _map.Places)
        {
            keys.Add("exclude_" + level.Name);
        }

        if (_map.ValueScore is not null)
        {
            keys.AddRange(["value_tier", "clv_min", "clv_max"]);
        }

        keys.Add("cart_value_min");
        if (_map.CategoryLevel is not null)
        {
            keys.Add("category");
        }

        if (_map.ProductTypeLevel is not null)
        {
            keys.Add("product_type");
        }

        if (_map.ChurnScore is not null)
        {
            keys.AddRange(["churn_min", "churn_max"]);
        }

        foreach (ProfileAttribute attribute in _profile.Attributes)
        {
            switch (attribute.Type)
            {
                case ProfileAttributeType.Number:
                    keys.Add(attribute.Name + "_min");
                    keys.Add(attribute.Name + "_max");
                    break;
                case ProfileAttributeType.Text when !_map.Places.Any(p => ReferenceEquals(p.Attribute, attribute)):
                case ProfileAttributeType.Boolean:
                    keys.Add(attribute.Name);
                    break;
            }
        }

        keys.AddRange(["abandoned_cart_within_days", "purchased_within_days", "no_purchase_for_days", "viewed_within_days", "acquired_within_days"]);
        return [.. keys.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The filters the objective implies, in a stable order.</summary>
    public IReadOnlyList<SegmentFilter> FromObjective(CampaignObjective objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        Audience audience = objective.Audience ?? new Audience();
        Behavior behavior = audience.Behavior ?? new Behavior();
        List<SegmentFilter> filters = [];
        const FilterProvenance ai = FilterProvenance.Ai;

        foreach ((HierarchyLevel level, ProfileAttribute attribute) in _map.Places)
        {
            if (level.ObjectiveField is { } field && audience.ValuesOf(field) is { Count: > 0 } values)
            {
                filters.Add(Places(field, level, attribute, values, ai, "objective.audience." + field));
            }
        }

        if (audience.ValueTier is { } tier)
        {
            filters.Add(Tier(tier, ai));
        }

        if (audience.ClvMin is { } clvMin)
        {
            ProfileAttribute value = Role(_map.ValueScore, ProfileAttributeRole.ValueScore, "objective.audience.clv_min");
            filters.Add(Score("clv_min", value, atLeast: true, CheckScore("objective.audience.clv_min", value, clvMin), ai));
        }

        if (audience.ChurnRisk is ChurnRisk.High)
        {
            ProfileAttribute churn = Role(_map.ChurnScore, ProfileAttributeRole.ChurnScore, "objective.audience.churn_risk");
            filters.Add(new SegmentFilter("churn_risk", $"high churn risk ({Label(churn)} of at least {Num(ChurnThreshold)})", ai,
                AttributeCondition.AtLeast(churn.Name, ChurnThreshold)));
        }

        if (AcquisitionSourceNames(audience) is { Count: > 0 } sources)
        {
            ProfileAttribute source = Role(_map.AcquisitionSource, ProfileAttributeRole.AcquisitionSource, "objective.audience.acquisition_sources");
            filters.Add(new SegmentFilter("acquisition_sources", "acquired through " + Join(sources), ai, AttributeCondition.In(source.Name, sources)));
        }

        string[] categories = [.. ValuesOf(audience, _map.CategoryLevel, "categories").Select(c => CheckTaxonomy("objective.audience.categories", _map.CategoryLevel, c))];
        string[] productTypes = [.. ValuesOf(audience, _map.ProductTypeLevel, "product_types").Select(p => CheckTaxonomy("objective.audience.product_types", _map.ProductTypeLevel, p))];
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

    /// <summary>
    /// The acquisition sources an audience names, as the profile's canonical strings. The one place that reads
    /// <see cref="Audience.AcquisitionSources"/> (its element type moves from an enum to strings).
    /// </summary>
    private static IReadOnlyList<string> AcquisitionSourceNames(Audience audience) => audience.AcquisitionSources;

    private static IReadOnlyList<string> ValuesOf(Audience audience, HierarchyLevel? level, string fallbackField) =>
        audience.ValuesOf(level?.ObjectiveField ?? fallbackField);

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

        foreach (SegmentRefinement value in refinements)
        {
            ArgumentNullException.ThrowIfNull(value, field);
            string rawKey = value.Key;
            string key = rawKey.Trim().ToLowerInvariant();
            string name = $"{field}.{key}";

            SegmentFilter filter = Refinement(key, rawKey, name, field, value, context);
            filters.Add(filter);
        }

        return filters;
    }

    private SegmentFilter Refinement(string key, string rawKey, string name, string field, SegmentRefinement value, IReadOnlyList<SegmentFilter> context)
    {
        const FilterProvenance user = FilterProvenance.User;
        foreach ((HierarchyLevel level, ProfileAttribute attribute) in _map.Places)
        {
            if (key == "location_" + level.Name)
            {
                return Places(key, level, attribute, Strings(name, value), user, name);
            }

            if (key == "exclude_" + level.Name)
            {
                return Exclude(Places(key, level, attribute, Strings(name, value), user, name));
            }
        }

        switch (key)
        {
            case "value_tier" when _map.ValueScore is not null:
                return Tier(ParseTier(name, value), user);
            case "clv_min" or "clv_max" when _map.ValueScore is { } score:
                return Score(key, score, atLeast: key.EndsWith("_min", StringComparison.Ordinal), CheckScore(name, score, Number(name, value)), user);
            case "churn_min" or "churn_max" when _map.ChurnScore is { } churn:
                return Score(key, churn, atLeast: key.EndsWith("_min", StringComparison.Ordinal), CheckScore(name, churn, Number(name, value)), user);
            case "cart_value_min":
                return Cart(key, WindowOf(context, BehaviorKind.AbandonedCart), CheckNonNegative(name, Number(name, value)), user);
            case "category" when _map.CategoryLevel is { } categoryLevel:
                return Purchased(key, WindowOf(context, BehaviorKind.Purchased), [.. Strings(name, value).Select(c => CheckTaxonomy(name, categoryLevel, c))], [], user);
            case "product_type" when _map.ProductTypeLevel is { } typeLevel:
                return Purchased(key, WindowOf(context, BehaviorKind.Purchased), [], [.. Strings(name, value).Select(p => CheckTaxonomy(name, typeLevel, p))], user);
            case "abandoned_cart_within_days":
                return Cart(key, CheckDays(name, Number(name, value)), null, user);
            case "purchased_within_days":
                return Purchased(key, CheckDays(name, Number(name, value)), [], [], user);
            case "no_purchase_for_days":
                return Window(key, BehaviorKind.NoPurchase, "no purchase in the last {0}", CheckDays(name, Number(name, value)));
            case "viewed_within_days":
                return Viewed(key, CheckDays(name, Number(name, value)), [], [], user);
            case "acquired_within_days":
                return Window(key, BehaviorKind.Acquired, "became a customer in the last {0}", CheckDays(name, Number(name, value)));
        }

        foreach (ProfileAttribute attribute in _profile.Attributes)
        {
            if (attribute.Type == ProfileAttributeType.Number && (key == attribute.Name + "_min" || key == attribute.Name + "_max"))
            {
                return Score(key, attribute, atLeast: key.EndsWith("_min", StringComparison.Ordinal), CheckScore(name, attribute, Number(name, value)), user);
            }

            if (key == attribute.Name && attribute.Type == ProfileAttributeType.Boolean)
            {
                return Flag(name, attribute, value);
            }

            if (key == attribute.Name && attribute.Type == ProfileAttributeType.Text)
            {
                return Texts(name, attribute, value);
            }
        }

        throw new AetherSegmentInputException(name, $"Unknown filter '{rawKey}' in {field}; use one of: {string.Join(", ", RefinementKeys())}.");
    }

    private SegmentFilter Tier(ValueTier tier, FilterProvenance provenance)
    {
        ProfileAttribute value = Role(_map.ValueScore, ProfileAttributeRole.ValueScore, "value_tier");
        string label = Label(value);
        double high = HighValueThreshold, low = LowValueThreshold;
        return tier switch
        {
            ValueTier.High => new SegmentFilter("value_tier", $"high-value customers ({label} of at least {Num(high)})", provenance,
                AttributeCondition.AtLeast(value.Name, high)),
            ValueTier.Low => new SegmentFilter("value_tier", $"low-value customers ({label} below {Num(low)})", provenance,
                AttributeCondition.Below(value.Name, low)),
            _ => new SegmentFilter("value_tier", $"medium-value customers ({label} from {Num(low)} to below {Num(high)})", provenance,
                new AllOfCondition([AttributeCondition.AtLeast(value.Name, low), AttributeCondition.Below(value.Name, high)])),
        };
    }

    private SegmentFilter Places(string key, HierarchyLevel level, ProfileAttribute attribute, IReadOnlyList<string> names, FilterProvenance provenance, string field)
    {
        IReadOnlyList<CatalogNode> known = _profile.Catalog.Places.ValuesAt(level);
        string[] places = [.. names.Select(n => CatalogName(known, n) ?? throw new AetherSegmentInputException(field,
            $"Unknown {level.Name.Replace('_', ' ')} '{n}' in {field}; use one of the {known.Count} {level.Plural} of the profile ({string.Join(", ", known.Select(c => c.Name))})."))];
        return new SegmentFilter(key, "living in " + Join(places), provenance, AttributeCondition.In(attribute.Name, places));
    }

    private static string? CatalogName(IReadOnlyList<CatalogNode> known, string? text)
    {
        if (text is null)
        {
            return null;
        }

        string trimmed = text.Trim();
        return known.FirstOrDefault(n => string.Equals(n.Name, trimmed, StringComparison.OrdinalIgnoreCase))?.Name;
    }

    private static SegmentFilter Exclude(SegmentFilter filter) =>
        filter with { Description = "not " + filter.Description, Condition = new NotCondition(filter.Condition) };

    private static SegmentFilter Score(string key, ProfileAttribute attribute, bool atLeast, double value, FilterProvenance provenance)
    {
        string label = Label(attribute);
        return atLeast
            ? new SegmentFilter(key, $"{label} of at least {Num(value)}", provenance, AttributeCondition.AtLeast(attribute.Name, value))
            : new SegmentFilter(key, $"{label} below {Num(value)}", provenance, AttributeCondition.Below(attribute.Name, value));
    }

    private static string Label(ProfileAttribute attribute) => string.IsNullOrEmpty(attribute.Label) ? attribute.Name.Replace('_', ' ') : attribute.Label;

    private ProfileAttribute Role(ProfileAttribute? attribute, ProfileAttributeRole role, string field) => attribute
        ?? throw new AetherSegmentInputException(field, $"{field} needs an attribute with the role {ProfileWire<ProfileAttributeRole>.Name(role)} in the profile '{_profile.Name}'.");

    private SegmentFilter Cart(string key, double? days, double? minValue, FilterProvenance provenance)
    {
        string window = days is { } d ? $" in the last {Days(d)}" : "";
        string worth = minValue is { } v ? $" worth at least {Money(v)}" : "";
        return new SegmentFilter(key, $"abandoned a cart{worth}{window}", provenance, new BehaviorCondition(BehaviorKind.AbandonedCart, days) { MinValue = minValue });
    }

    private string Money(double value) => _profile.Currency == "USD" ? "$" + Num(value) : Num(value) + " " + _profile.Currency;

    private static SegmentFilter Purchased(string key, double? days, IReadOnlyList<string> categories, IReadOnlyList<string> productTypes, FilterProvenance provenance)
    {
        string what = productTypes.Count > 0 ? " " + Join(productTypes) : categories.Count > 0 ? " in " + Join(categories) : "";
        string window = days is { } d ? $" in the last {Days(d)}" : "";
        return new SegmentFilter(key, $"purchased{what}{window}", provenance,
            new BehaviorCondition(BehaviorKind.Purchased, days) { Categories = categories, ProductTypes = productTypes });
    }

    private SegmentFilter Viewed(string key, double days, IReadOnlyList<string> categories, IReadOnlyList<string> productTypes, FilterProvenance provenance)
    {
        string what = productTypes.Count > 0 ? " " + Join(productTypes) : categories.Count > 0 ? " " + Join(categories) + " products" : " products";
        string[] views = [.. _profile.Catalog.EventTypes.Where(e => e.Kind == EventTypeKind.View).Select(e => e.Name)];
        return new SegmentFilter(key, $"viewed{what} in the last {Days(days)}", provenance,
            new BehaviorCondition(BehaviorKind.Engaged, days) { EventTypes = views, Categories = categories, ProductTypes = productTypes });
    }

    private static SegmentFilter Window(string key, BehaviorKind kind, string format, double days) =>
        new(key, string.Format(CultureInfo.InvariantCulture, format, Days(days)), FilterProvenance.User, new BehaviorCondition(kind, days));

    private static SegmentFilter Flag(string name, ProfileAttribute attribute, SegmentRefinement value)
    {
        bool flag = value switch
        {
            { Flag: { } set } => set,
            { Text: { } text } when bool.TryParse(text, out bool parsed) => parsed,
            _ => throw new AetherSegmentInputException(name, $"{name} must be true or false."),
        };
        SegmentCondition condition = AttributeCondition.IsTrue(attribute.Name);
        string label = Label(attribute);
        return flag
            ? new SegmentFilter(attribute.Name, FlagDescription(attribute, true, label), FilterProvenance.User, condition)
            : new SegmentFilter(attribute.Name, FlagDescription(attribute, false, label), FilterProvenance.User, new NotCondition(condition));
    }

    private static string FlagDescription(ProfileAttribute attribute, bool set, string label) => attribute.Name switch
    {
        "exclusivity_seeker" => set ? "seeks exclusive access" : "does not seek exclusive access",
        _ => set ? label : "not " + label,
    };

    private SegmentFilter Texts(string name, ProfileAttribute attribute, SegmentRefinement value)
    {
        IReadOnlyList<string> allowed = CatalogValues(attribute);
        string[] values = [.. Strings(name, value).Select(s => allowed.Count == 0 ? s.Trim() : allowed.FirstOrDefault(a => string.Equals(a, s.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new AetherSegmentInputException(name, $"Unknown {Label(attribute)} '{s}' in {name}; use one of: {string.Join(", ", allowed)}."))];
        string description = attribute.Role == ProfileAttributeRole.AcquisitionSource ? "acquired through " + Join(values) : Label(attribute) + " " + Join(values);
        return new SegmentFilter(attribute.Name, description, FilterProvenance.User, AttributeCondition.In(attribute.Name, values));
    }

    private IReadOnlyList<string> CatalogValues(ProfileAttribute attribute) => attribute.Catalog switch
    {
        null => [],
        "acquisition_sources" => _profile.Catalog.Values(CatalogList.AcquisitionSources),
        "channels" => _profile.Catalog.Values(CatalogList.Channels),
        "devices" => _profile.Catalog.Values(CatalogList.Devices),
        "event_types" => _profile.Catalog.Values(CatalogList.EventTypes),
        { } list when list.StartsWith("places.", StringComparison.Ordinal) => [.. _profile.Catalog.Places.ValuesAt(list["places.".Length..]).Select(n => n.Name)],
        { } list when list.StartsWith("taxonomy.", StringComparison.Ordinal) => [.. _profile.Catalog.Taxonomy.ValuesAt(list["taxonomy.".Length..]).Select(n => n.Name)],
        _ => [],
    };

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

    /// <summary>
    /// A threshold on a number attribute: between 0 and 1 for a score (an attribute of the scores entity, the churn
    /// score, or a value score whose tiers lie between 0 and 1), else any number from 0 to 1,000,000.
    /// </summary>
    private double CheckScore(string name, ProfileAttribute attribute, double value)
    {
        bool unit = attribute.Entity == EntityKind.Scores || attribute.Role == ProfileAttributeRole.ChurnScore
            || (attribute.Role == ProfileAttributeRole.ValueScore && HighValueThreshold <= 1);
        return unit ? CheckUnit(name, value) : CheckNonNegative(name, value);
    }

    private static double CheckUnit(string name, double value) => value is >= 0 and <= 1
        ? value
        : throw new AetherSegmentInputException(name, $"{name} must be between 0 and 1 (was {Num(value)}).");

    private static double CheckNonNegative(string name, double value) => value is >= 0 and <= 1_000_000
        ? value
        : throw new AetherSegmentInputException(name, $"{name} must be between 0 and 1000000 (was {Num(value)}).");

    private static double CheckDays(string name, double value) => value is > 0 and <= MaxDays
        ? value
        : throw new AetherSegmentInputException(name, $"{name} must be a number of days above 0 and at most {MaxDays} (was {Num(value)}).");

    private string CheckTaxonomy(string name, HierarchyLevel? level, string value)
    {
        if (level is null)
        {
            throw new AetherSegmentInputException(name, $"{name}: the profile '{_profile.Name}' has no such taxonomy level.");
        }

        IReadOnlyList<CatalogNode> known = _profile.Catalog.Taxonomy.ValuesAt(level);
        string trimmed = value.Trim();
        string levelName = level.Name.Replace('_', ' ');
        return known.FirstOrDefault(n => string.Equals(n.Name, trimmed, StringComparison.OrdinalIgnoreCase))?.Name
            ?? throw new AetherSegmentInputException(name, known.Count <= 20
                ? $"Unknown {levelName} '{value}' in {name}; use one of: {string.Join(", ", known.Select(c => c.Name))}."
                : $"Unknown {levelName} '{value}' in {name}; use a {levelName} of the profile such as {string.Join(" or ", known.Take(2).Select(c => c.Name))}.");
    }

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

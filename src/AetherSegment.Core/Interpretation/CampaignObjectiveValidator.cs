using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using AetherSegment.Profiles;

namespace AetherSegment.Interpretation;

/// <summary>
/// Checks objectives and Campaign Objective Objects against the contract: the objective text (not empty, at most
/// 2,000 characters), a parsed object (closed vocabularies of the <see cref="BusinessProfile"/>: places and taxonomy
/// values per level, acquisition sources, trigger ids; ranges, non-negative windows) and a raw JSON answer (the
/// profile's <see cref="CampaignObjectiveSchema"/>, then the object rules). Every problem is reported, each naming its
/// field. Thread-safe.
/// </summary>
public static class CampaignObjectiveValidator
{
    /// <summary>The longest objective accepted, in characters: 2,000.</summary>
    public const int MaxObjectiveLength = 2000;

    private static readonly string[] ContractLevelFields = ["countries", "cities", "categories", "product_types"];
    private static readonly ConditionalWeakTable<BusinessProfile, ClosedSets> Sets = [];

    /// <summary>Checks an objective's text and returns it trimmed.</summary>
    /// <param name="objective">The objective as the user wrote it.</param>
    /// <returns>The objective without leading and trailing white space.</returns>
    /// <exception cref="AetherSegmentInputException">The objective is null, empty, whitespace-only or over 2,000 characters (field <c>objective</c>).</exception>
    public static string ValidateObjectiveText(string? objective)
    {
        if (string.IsNullOrWhiteSpace(objective))
        {
            throw new AetherSegmentInputException("objective", "objective must not be empty: describe the campaign in a sentence.");
        }

        string trimmed = objective.Trim();
        if (trimmed.Length > MaxObjectiveLength)
        {
            throw new AetherSegmentInputException("objective", string.Create(CultureInfo.InvariantCulture,
                $"objective is {trimmed.Length:N0} characters long; the limit is {MaxObjectiveLength:N0}."));
        }

        return trimmed;
    }

    /// <summary>Checks a parsed object against the contract's ranges and the profile's closed vocabularies.</summary>
    /// <param name="objective">The object to check.</param>
    /// <param name="profile">The business whose catalog values and trigger ids are the closed sets.</param>
    /// <returns>Every problem found, each naming its field; empty when the object is valid.</returns>
    public static IReadOnlyList<string> Validate(CampaignObjective objective, BusinessProfile profile)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(profile);
        ClosedSets sets = Sets.GetValue(profile, static p => new ClosedSets(p));
        List<string> errors = [];
        if (string.IsNullOrWhiteSpace(objective.Objective))
        {
            errors.Add("objective: must not be empty.");
        }

        CheckEnum(errors, "campaign_type", objective.CampaignType);
        Audience audience = objective.Audience ?? new Audience();
        if (objective.Audience is null)
        {
            errors.Add("audience: required field is missing.");
        }

        if (audience.ValueTier is { } tier)
        {
            CheckEnum(errors, "audience.value_tier", tier);
        }

        if (audience.ChurnRisk is { } churn)
        {
            CheckEnum(errors, "audience.churn_risk", churn);
        }

        CheckRange(errors, "audience.clv_min", audience.ClvMin, 0, 1);
        foreach (string field in ContractLevelFields)
        {
            CheckVocabulary(errors, "audience." + field, audience.ValuesOf(field), sets.Levels.GetValueOrDefault(field) ?? FrozenSet<string>.Empty);
        }

        foreach ((string field, IReadOnlyList<string> values) in audience.OtherLevels)
        {
            if (sets.Levels.TryGetValue(field, out FrozenSet<string>? known))
            {
                CheckVocabulary(errors, "audience." + field, values, known);
            }
        }

        CheckVocabulary(errors, "audience.acquisition_sources", audience.AcquisitionSources, sets.Sources);

        Behavior behavior = audience.Behavior ?? new Behavior();
        CheckRange(errors, "audience.behavior.abandoned_cart_within_days", behavior.AbandonedCartWithinDays, 0, double.MaxValue);
        CheckRange(errors, "audience.behavior.purchased_within_days", behavior.PurchasedWithinDays, 0, double.MaxValue);
        CheckRange(errors, "audience.behavior.no_purchase_for_days", behavior.NoPurchaseForDays, 0, double.MaxValue);
        CheckRange(errors, "audience.behavior.acquired_within_days", behavior.AcquiredWithinDays, 0, double.MaxValue);
        CheckRange(errors, "audience.behavior.viewed_within_days", behavior.ViewedWithinDays, 0, double.MaxValue);
        CheckRange(errors, "audience.behavior.min_cart_value", behavior.MinCartValue, 0, double.MaxValue);

        Incentive incentive = objective.Incentive ?? new Incentive();
        if (incentive.Type is { } incentiveType)
        {
            CheckEnum(errors, "incentive.type", incentiveType);
        }

        switch (incentive.Type)
        {
            case IncentiveType.PercentDiscount:
                CheckRange(errors, "incentive.value", incentive.Value, 0, 100);
                break;
            case IncentiveType.FixedDiscount or IncentiveType.LoyaltyPoints:
                CheckRange(errors, "incentive.value", incentive.Value, 0, double.MaxValue);
                break;
            default:
                if (incentive.Value is not null)
                {
                    errors.Add($"incentive.value: must be null when incentive.type is {Name(incentive.Type)}.");
                }

                break;
        }

        Kpi kpi = objective.Kpi ?? new Kpi();
        if (kpi.Metric is { } metric)
        {
            CheckEnum(errors, "kpi.metric", metric);
        }

        if (kpi.TargetChangePct is { } target && !double.IsFinite(target))
        {
            errors.Add("kpi.target_change_pct: must be a finite number.");
        }

        if (objective.SuggestedTrigger is { } trigger && profile.FindTrigger(trigger) is null)
        {
            errors.Add($"suggested_trigger: \"{trigger}\" is not a trigger of the profile '{profile.Name}'.");
        }

        if (string.IsNullOrWhiteSpace(objective.Interpreter))
        {
            errors.Add("interpreter: must name the interpreter.");
        }

        if (!(objective.Confidence is >= 0 and <= 1))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"confidence: {objective.Confidence} is outside 0..1."));
        }

        if (objective.Warnings is null)
        {
            errors.Add("warnings: required field is missing.");
        }

        return errors;
    }

    /// <summary>
    /// Checks a raw JSON answer (from a language model, a file or another service) against the profile's
    /// <see cref="CampaignObjectiveSchema"/> and then the object rules, and parses it when valid.
    /// </summary>
    /// <param name="json">The JSON text of one Campaign Objective Object.</param>
    /// <param name="profile">The business whose catalog values and trigger ids are the closed sets.</param>
    /// <param name="objective">The parsed object when there are no problems, else <see langword="null"/>.</param>
    /// <returns>Every problem found, each naming its field; empty when the answer is valid.</returns>
    public static IReadOnlyList<string> ValidateJson(string json, BusinessProfile profile, out CampaignObjective? objective)
    {
        ArgumentNullException.ThrowIfNull(profile);
        objective = null;
        List<string> errors = [];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            errors.Add($"(root): not valid JSON ({ex.Message.Split(" Path:", 2)[0]}).");
            return errors;
        }

        using (document)
        {
            JsonSchemaChecker.Check(document.RootElement, Sets.GetValue(profile, static p => new ClosedSets(p)).Schema, "", errors);
            if (errors.Count > 0)
            {
                return errors;
            }

            CampaignObjective? parsed;
            try
            {
                parsed = document.RootElement.Deserialize<CampaignObjective>(AetherSegmentJson.Options);
            }
            catch (JsonException ex)
            {
                errors.Add($"{ex.Path ?? "(root)"}: {ex.Message.Split(" Path:", 2)[0]}");
                return errors;
            }

            if (parsed is null)
            {
                errors.Add("(root): expected an object, found null.");
                return errors;
            }

            errors.AddRange(Validate(parsed, profile));
            if (errors.Count == 0)
            {
                objective = parsed;
            }
        }

        return errors;
    }

    private static readonly System.Buffers.SearchValues<char> TriggerIdChars = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789_");

    private static bool IsTriggerId(string id) =>
        id.Length > 0 && char.IsAsciiLetterLower(id[0]) && id.AsSpan().IndexOfAnyExcept(TriggerIdChars) < 0;

    private static void CheckEnum<T>(List<string> errors, string field, T value)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add($"{field}: {value} is not in the vocabulary.");
        }
    }

    private static void CheckRange(List<string> errors, string field, double? value, double min, double max)
    {
        if (value is not { } number)
        {
            return;
        }

        if (!double.IsFinite(number) || number < min || number > max)
        {
            errors.Add(max == double.MaxValue
                ? string.Create(CultureInfo.InvariantCulture, $"{field}: {number} must be a number at or above {min}.")
                : string.Create(CultureInfo.InvariantCulture, $"{field}: {number} must be between {min} and {max}."));
        }
    }

    private static void CheckVocabulary(List<string> errors, string field, IReadOnlyList<string>? values, FrozenSet<string> known)
    {
        if (values is null)
        {
            errors.Add($"{field}: required field is missing.");
            return;
        }

        for (int i = 0; i < values.Count; i++)
        {
            string value = values[i];
            if (value is null)
            {
                errors.Add($"{field}[{i}]: expected a string, found null.");
                continue;
            }

            if (!known.Contains(value))
            {
                errors.Add($"{field}: \"{value}\" is not in the profile's vocabulary.");
                continue;
            }

            for (int j = 0; j < i; j++)
            {
                if (string.Equals(values[j], value, StringComparison.Ordinal))
                {
                    errors.Add($"{field}: \"{value}\" is listed twice.");
                    break;
                }
            }
        }
    }

    private static string Name(IncentiveType? type) =>
        type is null ? "null" : JsonSerializer.Serialize(type.Value, AetherSegmentJson.Options).Trim('"');

    // The closed sets of one profile, built once: catalog values per objective field, sources, the schema.
    private sealed class ClosedSets
    {
        public ClosedSets(BusinessProfile profile)
        {
            Dictionary<string, FrozenSet<string>> levels = new(StringComparer.Ordinal);
            foreach (CatalogHierarchy hierarchy in (CatalogHierarchy[])[profile.Catalog.Places, profile.Catalog.Taxonomy])
            {
                foreach (HierarchyLevel level in hierarchy.Levels)
                {
                    if (!string.IsNullOrEmpty(level.ObjectiveField))
                    {
                        levels[level.ObjectiveField] = hierarchy.ValuesAt(level).Select(n => n.Name).ToFrozenSet(StringComparer.Ordinal);
                    }
                }
            }

            Levels = levels;
            Sources = profile.Catalog.AcquisitionSources.Select(s => s.Name).ToFrozenSet(StringComparer.Ordinal);
            Schema = CampaignObjectiveSchema.CreateNode(profile);
        }

        public Dictionary<string, FrozenSet<string>> Levels { get; }

        public FrozenSet<string> Sources { get; }

        public JsonObject Schema { get; }
    }
}

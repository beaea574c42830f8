using System.Globalization;
using System.Text;
using System.Text.Json;
using AetherSegment.Interpretation;
using AetherSegment.Profiles;

namespace AetherSegment.Segments;

/// <summary>Writes a segment's explanation in plain words; triggers are described by the profile's definitions.</summary>
internal static class SegmentExplainer
{
    public static SegmentExplanation Explain(BusinessProfile profile, CampaignObjective objective, SegmentDefinition definition)
    {
        TriggerDefinition? chosen = definition.Trigger is { } id ? profile.FindTrigger(id) : null;
        List<FilterExplanation> filters = new(definition.Filters.Count);
        foreach (SegmentFilter filter in definition.Filters)
        {
            string reason = filter.Provenance switch
            {
                FilterProvenance.Ai => $"The objective asks for it: the {objective.Interpreter} interpreter read \"{filter.Description}\" from \"{Shorten(objective.Objective)}\".",
                FilterProvenance.Trigger when chosen is { } t =>
                    $"The {t.Id} trigger ({t.Description}) answers to {t.AnswersTo}, so the segment keeps customers with {filter.Description}.",
                FilterProvenance.Trigger => "Kept for the chosen trigger.",
                _ => "Added as a refinement by the user.",
            };
            filters.Add(new FilterExplanation(filter.Key, filter.Provenance, filter.Description, reason));
        }

        string summary = definition.Filters.Count == 0
            ? "Every customer: the objective names no audience filter."
            : "Customers who match all of: " + string.Join("; ", definition.Filters.Select(f => f.Description)) + ".";

        return new SegmentExplanation
        {
            Summary = summary,
            Filters = filters,
            TriggerRationale = chosen is { } trigger ? Rationale(trigger) : null,
            Interpretation = Interpretation(objective),
        };
    }

    public static string Rationale(TriggerDefinition trigger) =>
        $"{trigger.Id} offers {trigger.Description}; it works best on customers who respond to {trigger.AnswersTo}, which the trigger filter checks.";

    private static List<string> Interpretation(CampaignObjective objective)
    {
        List<string> read = [$"campaign type: {Wire(objective.CampaignType)}"];
        Audience audience = objective.Audience ?? new Audience();
        Behavior behavior = audience.Behavior ?? new Behavior();
        AddIf(read, "value tier", audience.ValueTier is { } tier ? Wire(tier) : null);
        AddIf(read, "minimum CLV score", audience.ClvMin?.ToString(CultureInfo.InvariantCulture));
        AddIf(read, "countries", audience.Countries.Count > 0 ? string.Join(", ", audience.Countries) : null);
        AddIf(read, "cities", audience.Cities.Count > 0 ? string.Join(", ", audience.Cities) : null);
        AddIf(read, "categories", audience.Categories.Count > 0 ? string.Join(", ", audience.Categories) : null);
        AddIf(read, "product types", audience.ProductTypes.Count > 0 ? string.Join(", ", audience.ProductTypes) : null);
        AddIf(read, "churn risk", audience.ChurnRisk is { } churn ? Wire(churn) : null);
        AddIf(read, "acquisition sources", audience.AcquisitionSources.Count > 0 ? string.Join(", ", audience.AcquisitionSources.Select(s => Wire(s))) : null);
        AddIf(read, "abandoned a cart within days", behavior.AbandonedCartWithinDays?.ToString(CultureInfo.InvariantCulture));
        AddIf(read, "purchased within days", behavior.PurchasedWithinDays?.ToString(CultureInfo.InvariantCulture));
        AddIf(read, "no purchase for days", behavior.NoPurchaseForDays?.ToString(CultureInfo.InvariantCulture));
        AddIf(read, "acquired within days", behavior.AcquiredWithinDays?.ToString(CultureInfo.InvariantCulture));
        AddIf(read, "viewed within days", behavior.ViewedWithinDays?.ToString(CultureInfo.InvariantCulture));
        AddIf(read, "minimum cart value", behavior.MinCartValue?.ToString(CultureInfo.InvariantCulture));
        Incentive incentive = objective.Incentive ?? new Incentive();
        AddIf(read, "incentive", incentive.Type is { } type
            ? Wire(type) + (incentive.Value is { } v ? " " + v.ToString(CultureInfo.InvariantCulture) : "")
            : null);
        Kpi kpi = objective.Kpi ?? new Kpi();
        AddIf(read, "KPI", kpi.Metric is { } metric
            ? Wire(metric) + (kpi.TargetChangePct is { } pct ? $" +{pct.ToString(CultureInfo.InvariantCulture)}%" : "")
            : null);
        AddIf(read, "suggested trigger", objective.SuggestedTrigger);
        read.Add($"interpreter: {objective.Interpreter} (confidence {objective.Confidence.ToString("0.##", CultureInfo.InvariantCulture)})");
        foreach (string warning in objective.Warnings)
        {
            read.Add("warning: " + warning);
        }

        return read;
    }

    private static void AddIf(List<string> read, string label, string? value)
    {
        if (value is not null)
        {
            read.Add($"{label}: {value}");
        }
    }

    private static string Wire<T>(T value) => JsonSerializer.Serialize(value, AetherSegmentJson.Options).Trim('"');

    private static string Shorten(string text)
    {
        if (text.Length <= 160)
        {
            return text;
        }

        return new StringBuilder(text, 0, 157, 160).Append("...").ToString();
    }
}

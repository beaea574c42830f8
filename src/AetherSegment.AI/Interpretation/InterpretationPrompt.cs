using System.Runtime.CompilerServices;
using System.Text;
using AetherSegment.Profiles;

namespace AetherSegment.AI.Interpretation;

/// <summary>
/// The system instruction sent to language models: the Campaign Objective contract in short, describing the
/// profile's business (its description) with the closed vocabularies read from its catalog (every place and taxonomy
/// level by objective field, acquisition sources, trigger ids), so the prompt never drifts from the profile.
/// </summary>
internal static class InterpretationPrompt
{
    private static readonly ConditionalWeakTable<BusinessProfile, string> Texts = [];

    /// <summary>The system instruction for a profile (built once per profile).</summary>
    public static string SystemInstruction(BusinessProfile profile) => Texts.GetValue(profile, static p => Build(p));

    private static string Build(BusinessProfile profile)
    {
        List<HierarchyLevel> places = [.. profile.Catalog.Places.Levels.Where(l => !string.IsNullOrEmpty(l.ObjectiveField))];
        List<HierarchyLevel> taxonomy = [.. profile.Catalog.Taxonomy.Levels.Where(l => !string.IsNullOrEmpty(l.ObjectiveField))];
        string placeNames = places.Count == 0 ? "places" : string.Join(" or ", places.Select(l => l.Plural).Reverse());
        string[] examplePlaces = [.. (places.Count == 0 ? [] : profile.Catalog.Places.ValuesAt(places[^1])).Take(2).Select(n => n.Name)];
        string[] exampleItems = [.. (taxonomy.Count == 0 ? [] : profile.Catalog.Taxonomy.ValuesAt(taxonomy[^1])).Take(2).Select(n => n.Name.ToLowerInvariant())];
        StringBuilder prompt = new();
        prompt.Append("You turn one marketing campaign objective of ").Append(profile.Description).AppendLine(" into a Campaign Objective Object.");
        prompt.AppendLine("Answer with JSON only, matching the response schema exactly. Use only the listed vocabulary values; use null or [] when the objective does not say. Never invent a filter.");
        prompt.AppendLine();
        prompt.AppendLine("campaign_type: the first rule that matches wins:");
        prompt.AppendLine("1. an abandoned cart or basket: abandoned_cart_recovery");
        prompt.AppendLine("2. browsed or viewed without buying: browse_abandonment");
        prompt.AppendLine("3. lapsed, inactive, haven't purchased in N days, win back, re-engage, churn risk: win_back");
        prompt.AppendLine("4. new customers, welcome, onboarding, first purchase: new_customer_onboarding");
        prompt.AppendLine("5. recent buyers with complementary items, cross-sell, accessories to go with: cross_sell");
        prompt.AppendLine("6. loyalty, reward, thank, VIP members: loyalty_reward");
        prompt.AppendLine("7. a new collection or range to launch or announce, with no place as the focus: product_launch");
        prompt.Append("8. named ").Append(placeNames).Append(" as the focus (\"regional\"")
            .Append(examplePlaces.Length == 2 ? $", \"in {examplePlaces[0]} and {examplePlaces[1]}\"" : "").AppendLine("): geographic_targeting");
        prompt.AppendLine("9. otherwise: general_promotion");
        prompt.AppendLine();
        prompt.AppendLine("audience lists only what defines who is in the audience (what they bought, viewed, carted; where they live; their value).");
        if (taxonomy.Count > 1)
        {
            prompt.Append("A named ").Append(Singular(taxonomy[^1])).Append(" does not add its ").Append(Singular(taxonomy[0])).Append("; ");
        }

        if (places.Count > 1)
        {
            prompt.Append("a named ").Append(Singular(places[^1])).Append(" does not add its ").Append(Singular(places[0])).Append("; ");
        }

        prompt.Append("items being promoted");
        if (exampleItems.Length == 2)
        {
            prompt.Append(" (\"recommend matching ").Append(exampleItems[0]).Append("\", \"free shipping on ").Append(exampleItems[1]).Append("\")");
        }

        prompt.AppendLine(" are not audience filters.");
        prompt.AppendLine("value_tier: high, medium or low customer value (\"high-value\", \"VIP\", \"top-tier\" are high). clv_min only when a CLV number is given (0..1). churn_risk: high or null.");
        foreach (CatalogHierarchy hierarchy in (CatalogHierarchy[])[profile.Catalog.Places, profile.Catalog.Taxonomy])
        {
            foreach (HierarchyLevel level in hierarchy.Levels.Where(l => !string.IsNullOrEmpty(l.ObjectiveField)))
            {
                prompt.Append(level.ObjectiveField).Append(" (").Append(level.Plural).Append(", canonical names as listed; other words for them map to them): ")
                    .AppendJoin(", ", hierarchy.ValuesAt(level).Select(n => n.Name)).AppendLine();
            }
        }

        prompt.Append("acquisition_sources: ").AppendJoin(", ", profile.Catalog.AcquisitionSources.Select(s => s.Name)).AppendLine();
        prompt.AppendLine("behavior windows are in days, decimals allowed: 48 hours is 2, 36 hours is 1.5, two weeks is 14, a month is 30, a quarter is 90. min_cart_value only when an amount is given.");
        prompt.AppendLine();
        prompt.AppendLine("incentive.type: percent_discount, fixed_discount, free_shipping, exclusive_access, loyalty_points, gift; none when the objective rules an incentive out (\"no discount\", \"just a reminder\"); null when it names none.");
        prompt.AppendLine("incentive.value: the percentage for percent_discount, the amount for fixed_discount, the points for loyalty_points, else null.");
        prompt.AppendLine("kpi.metric: conversion_rate, revenue, cross_sell_revenue, reactivation_rate, repeat_purchase_rate, regional_sales, average_order_value, engagement_rate or null. kpi.target_change_pct: the number stated (\"by 25%\" is 25), else null.");
        prompt.Append("suggested_trigger: the trigger the objective implies, one of: ")
            .AppendJoin("; ", profile.Triggers.Select(t => $"{t.Id} ({t.Description})"))
            .AppendLine("; else your best guess for the campaign type.");
        return prompt.ToString();
    }

    private static string Singular(HierarchyLevel level) => level.Name.Replace('_', ' ');
}

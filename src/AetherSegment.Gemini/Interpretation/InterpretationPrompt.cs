using System.Text;
using AetherSegment.DataModel;

namespace AetherSegment.Gemini.Interpretation;

/// <summary>
/// The system instruction sent to language models: the Campaign Objective contract in short, with the closed
/// vocabularies read from <see cref="RetailCatalog"/> so the prompt never drifts from the data model.
/// </summary>
internal static class InterpretationPrompt
{
    private static readonly Lazy<string> Text = new(Build);

    /// <summary>The system instruction.</summary>
    public static string SystemInstruction => Text.Value;

    private static string Build()
    {
        StringBuilder prompt = new();
        prompt.AppendLine("You turn one marketing campaign objective of a home-furnishing retailer into a Campaign Objective Object.");
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
        prompt.AppendLine("8. named cities or countries as the focus (\"regional\", \"in London and Manchester\"): geographic_targeting");
        prompt.AppendLine("9. otherwise: general_promotion");
        prompt.AppendLine();
        prompt.AppendLine("audience lists only what defines who is in the audience (what they bought, viewed, carted; where they live; their value).");
        prompt.AppendLine("A named product type does not add its category; a named city does not add its country; items being promoted (\"recommend matching chairs\", \"free shipping on desks\") are not audience filters.");
        prompt.AppendLine("value_tier: high, medium or low customer value (\"high-value\", \"VIP\", \"top-tier\" are high). clv_min only when a CLV number is given (0..1). churn_risk: high or null.");
        prompt.Append("countries (canonical names; \"UK\", \"Britain\", \"the States\", \"US\", demonyms map to them): ").AppendJoin(", ", RetailCatalog.Countries.Select(c => c.Name)).AppendLine();
        prompt.Append("cities: ").AppendJoin(", ", RetailCatalog.Cities.Select(c => c.Name)).AppendLine();
        prompt.Append("categories: ").AppendJoin(", ", RetailCatalog.Categories.Select(c => c.Name)).AppendLine();
        prompt.Append("product_types (plural as listed): ").AppendJoin(", ", RetailCatalog.ProductTypes.Select(p => p.Name)).AppendLine();
        prompt.Append("acquisition_sources: ").AppendJoin(", ", RetailCatalog.AcquisitionSources).AppendLine();
        prompt.AppendLine("behavior windows are in days, decimals allowed: 48 hours is 2, 36 hours is 1.5, two weeks is 14, a month is 30, a quarter is 90. min_cart_value only when an amount is given.");
        prompt.AppendLine();
        prompt.AppendLine("incentive.type: percent_discount, fixed_discount, free_shipping, exclusive_access, loyalty_points, gift; none when the objective rules an incentive out (\"no discount\", \"just a reminder\"); null when it names none.");
        prompt.AppendLine("incentive.value: the percentage for percent_discount, the amount for fixed_discount, the points for loyalty_points, else null.");
        prompt.AppendLine("kpi.metric: conversion_rate, revenue, cross_sell_revenue, reactivation_rate, repeat_purchase_rate, regional_sales, average_order_value, engagement_rate or null. kpi.target_change_pct: the number stated (\"by 25%\" is 25), else null.");
        prompt.AppendLine("suggested_trigger: the trigger the objective implies (a discount: personalized_discount_offer; free shipping: free_shipping_offer; early or members-only access: exclusive_access; points: loyalty_points_bonus; complementary items: product_recommendation; a plain reminder: cart_reminder; scarcity: urgency_low_stock; room ideas or planner: content_inspiration), else your best guess for the campaign type.");
        prompt.AppendLine("objective: the objective verbatim. confidence: 0..1. warnings: what you could not place.");
        return prompt.ToString();
    }
}

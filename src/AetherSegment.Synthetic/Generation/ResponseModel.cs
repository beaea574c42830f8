using AetherSegment.DataModel;

namespace AetherSegment.Synthetic.Generation;

/// <summary>
/// The causal response model of the synthetic campaign history (documented in docs/data.md): a baseline conversion
/// probability from the customer's state, plus, under treatment, each trigger's true uplift from the customer's
/// latent sensitivities and observable behaviour. The same numbers are written to <c>ground_truth_uplift</c>.
/// </summary>
internal static class ResponseModel
{
    private const long Day = 86_400;

    /// <summary>The probability of converting within the attribution window without any campaign.</summary>
    public static double Baseline(CustomerState c, long asOf)
    {
        bool recentPurchase = c.Purchases > 0 && asOf - c.LastPurchaseAt <= 90 * Day;
        double p = 0.015 + (0.07 * c.Clv) + (recentPurchase ? 0.025 : 0.0) - (0.03 * c.Churn);
        return Math.Clamp(p, 0.003, 0.3);
    }

    /// <summary>The true increase in conversion probability that a trigger causes for this customer.</summary>
    public static double TrueUplift(TriggerType trigger, CustomerState c, long asOf)
    {
        bool cart7 = c.HasCart && asOf - c.CartAt <= 7 * Day;
        bool cart30 = c.HasCart && asOf - c.CartAt <= 30 * Day;
        bool recentPurchase = c.Purchases > 0 && asOf - c.LastPurchaseAt <= 60 * Day;
        double engagement = 1.0 - (0.5 * c.Churn);
        double uplift = trigger switch
        {
            TriggerType.PersonalizedDiscountOffer => 0.005 + (0.12 * c.Discount * c.Discount),
            TriggerType.FreeShippingOffer => 0.004 + (0.05 * c.FreeShipping) + (cart30 ? 0.06 * c.FreeShipping : 0.0),
            TriggerType.ExclusiveAccess => -0.01 + (0.11 * c.Exclusivity * c.Exclusivity),
            TriggerType.LoyaltyPointsBonus => 0.004 + (0.07 * c.Clv * (c.Purchases >= 3 ? 1.0 : 0.35)),
            TriggerType.ProductRecommendation => 0.003 + (0.045 * c.Content) + (recentPurchase ? 0.04 : 0.0),
            TriggerType.CartReminder => cart7 ? 0.09 : cart30 ? 0.04 : 0.002,
            TriggerType.UrgencyLowStock => 0.004 + (0.012 * Math.Min(c.StockChecksAndWishlist30Days, 5) * (0.4 + c.Exclusivity)),
            TriggerType.ContentInspiration => 0.003 + (0.06 * c.Content * (c.PlannerAndArUses > 0 ? 1.0 : 0.4)),
            _ => 0.0,
        };
        return Math.Round(uplift * engagement, 5);
    }
}

namespace AetherSegment.Synthetic.Generation;

/// <summary>
/// The causal response model of the synthetic campaign history (documented in docs/data.md): a baseline conversion
/// probability from the customer's state at the send, plus, under treatment, each trigger's true uplift from the
/// customer's latent sensitivities and their observable state at the send. <c>ground_truth_uplift</c> holds the same
/// function evaluated at the data set's as-of time: what each trigger would do if sent now. The history draws from
/// <see cref="ConversionProbability"/> and the truth is <see cref="Effect"/>, the difference of the same probabilities,
/// so the two cannot part (a probability cannot fall below 0: a negative uplift is cut at the customer's baseline).
/// </summary>
internal static class ResponseModel
{
    /// <summary>The probability of converting within the attribution window without any campaign.</summary>
    public static double Baseline(CustomerState c, in ResponseState s)
    {
        double p = 0.015 + (0.07 * c.Clv) + (s.Purchase90 ? 0.025 : 0.0) + (s.Browsed14 ? 0.01 : 0.0) - (0.03 * c.Churn);
        return Math.Clamp(p, 0.003, 0.3);
    }

    /// <summary>The highest conversion probability under treatment.</summary>
    public const double MaxProbability = 0.95;

    /// <summary>
    /// The probability of converting within the attribution window: the baseline without a trigger, under a trigger
    /// clamp(baseline + <see cref="TrueUplift"/>, 0, <see cref="MaxProbability"/>). The campaign history draws from this.
    /// </summary>
    public static double ConversionProbability(SyntheticTrigger? trigger, CustomerState c, in ResponseState s) =>
        trigger is { } t ? Math.Clamp(Baseline(c, s) + TrueUplift(t, c, s), 0.0, MaxProbability) : Baseline(c, s);

    /// <summary>
    /// The causal effect of the trigger: <see cref="ConversionProbability"/> treated minus untreated, rounded to 5
    /// decimals. <c>ground_truth_uplift</c> writes this, so it is what the history's draws measure (it differs from
    /// <see cref="TrueUplift"/> only where the clamp binds: a negative uplift larger than the baseline).
    /// </summary>
    public static double Effect(SyntheticTrigger trigger, CustomerState c, in ResponseState s) =>
        Math.Round(ConversionProbability(trigger, c, s) - ConversionProbability(null, c, s), 5);

    /// <summary>The trigger's uplift before the probability is clamped (it can exceed what the customer's baseline allows when negative).</summary>
    public static double TrueUplift(SyntheticTrigger trigger, CustomerState c, in ResponseState s)
    {
        double engagement = 1.0 - (0.5 * c.Churn);
        double uplift = trigger switch
        {
            SyntheticTrigger.PersonalizedDiscountOffer => 0.005 + (0.12 * c.Discount * c.Discount),
            SyntheticTrigger.FreeShippingOffer => 0.004 + (0.05 * c.FreeShipping) + (s.Cart30 ? 0.06 * c.FreeShipping : 0.0),
            SyntheticTrigger.ExclusiveAccess => -0.008 + (0.15 * c.Exclusivity * c.Exclusivity),
            SyntheticTrigger.LoyaltyPointsBonus => 0.004 + (0.07 * c.Clv * (s.Purchases >= 3 ? 1.0 : 0.35)),
            SyntheticTrigger.ProductRecommendation => 0.003 + (0.045 * c.Content) + (s.Purchase60 ? 0.04 : 0.0),
            SyntheticTrigger.CartReminder => s.Cart7 ? 0.10 : s.Cart30 ? 0.05 : s.Browsed14 ? 0.015 : 0.003,
            SyntheticTrigger.UrgencyLowStock => 0.008 + (0.05 * Math.Min(s.StockChecksAndWishlist90, 3) * (0.4 + (0.6 * c.Discount))),
            SyntheticTrigger.ContentInspiration => 0.003 + (0.06 * c.Content * (s.PlannerAndAr > 0 ? 1.0 : 0.4)),
            _ => 0.0,
        };
        return Math.Round(uplift * engagement, 5);
    }
}

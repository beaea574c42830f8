using AetherSegment.DataModel;

namespace AetherSegment.Segments;

/// <summary>
/// The filter each catalog trigger adds to a segment (provenance <see cref="FilterProvenance.Trigger"/>): it keeps the
/// members the trigger can plausibly move, measured by the score or behavior the trigger answers to.
/// </summary>
/// <remarks>
/// personalized_discount_offer: discount_sensitivity at least 0.5; free_shipping_offer: free_shipping_sensitivity at
/// least 0.5; exclusive_access: exclusivity_seeker; loyalty_points_bonus: a purchase in the last 365 days;
/// product_recommendation: a purchase in the last 90 days; cart_reminder: a cart abandoned in the last 7 days;
/// urgency_low_stock: a stock check or wishlist add in the last 30 days; content_inspiration: content_engagement at
/// least 0.5 or a room planner or AR use in the last 90 days. Immutable and thread-safe.
/// </remarks>
public static class TriggerFilters
{
    /// <summary>The sensitivity score at or above which a customer is counted as answering to a score-based trigger.</summary>
    public const double SensitivityThreshold = 0.5;

    /// <summary>The filter the trigger adds.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>The filter with provenance <see cref="FilterProvenance.Trigger"/> and key <c>trigger_&lt;name&gt;</c>.</returns>
    public static SegmentFilter For(TriggerType trigger)
    {
        (string description, SegmentCondition condition) = trigger switch
        {
            TriggerType.PersonalizedDiscountOffer => ("discount sensitivity of at least 0.5",
                AttributeCondition.AtLeast("discount_sensitivity", SensitivityThreshold)),
            TriggerType.FreeShippingOffer => ("free-shipping sensitivity of at least 0.5",
                (SegmentCondition)AttributeCondition.AtLeast("free_shipping_sensitivity", SensitivityThreshold)),
            TriggerType.ExclusiveAccess => ("seeks exclusive, early or members-only access",
                AttributeCondition.IsTrue("exclusivity_seeker")),
            TriggerType.LoyaltyPointsBonus => ("purchased in the last 365 days (a repeat buyer can earn points)",
                new BehaviorCondition(BehaviorKind.Purchased, 365)),
            TriggerType.ProductRecommendation => ("purchased in the last 90 days (something to complement)",
                new BehaviorCondition(BehaviorKind.Purchased, 90)),
            TriggerType.CartReminder => ("abandoned a cart in the last 7 days (something to remind of)",
                new BehaviorCondition(BehaviorKind.AbandonedCart, 7)),
            TriggerType.UrgencyLowStock => ("checked stock or added to a wishlist in the last 30 days",
                new BehaviorCondition(BehaviorKind.Engaged, 30) { EventTypes = ["stock_check", "wishlist_add"] }),
            TriggerType.ContentInspiration => ("content engagement of at least 0.5, or used the room planner or AR view in the last 90 days",
                new AnyOfCondition(
                [
                    AttributeCondition.AtLeast("content_engagement", SensitivityThreshold),
                    new BehaviorCondition(BehaviorKind.Engaged, 90) { EventTypes = ["room_planner_use", "ar_view"] },
                ])),
            _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Unknown trigger."),
        };
        string name = TriggerCatalog.Get(trigger).Name;
        return new SegmentFilter("trigger_" + name, description, FilterProvenance.Trigger, condition);
    }
}

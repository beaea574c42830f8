namespace AetherSegment.DataModel;

/// <summary>The trigger catalog of the Campaign Objective contract.</summary>
public static class TriggerCatalog
{
    /// <summary>All eight triggers, in catalog order.</summary>
    public static IReadOnlyList<TriggerInfo> All { get; } =
    [
        new(TriggerType.PersonalizedDiscountOffer, "personalized_discount_offer", "a percentage or fixed discount", "discount sensitivity"),
        new(TriggerType.FreeShippingOffer, "free_shipping_offer", "free delivery", "free-shipping sensitivity"),
        new(TriggerType.ExclusiveAccess, "exclusive_access", "early or members-only access to new launches", "exclusivity seeking"),
        new(TriggerType.LoyaltyPointsBonus, "loyalty_points_bonus", "extra loyalty points", "customer value and repeat purchase"),
        new(TriggerType.ProductRecommendation, "product_recommendation", "complementary items and bundles", "content engagement and a recent purchase"),
        new(TriggerType.CartReminder, "cart_reminder", "a plain reminder, no incentive", "a recent cart"),
        new(TriggerType.UrgencyLowStock, "urgency_low_stock", "a scarcity or price-ends-soon message", "stock checks and wishlist activity"),
        new(TriggerType.ContentInspiration, "content_inspiration", "room ideas, planner and AR content", "content engagement, room planner and AR use"),
    ];

    /// <summary>The catalog entry of a trigger.</summary>
    public static TriggerInfo Get(TriggerType type) => All[(int)type];

    /// <summary>Parses a snake_case trigger name.</summary>
    /// <returns><see langword="true"/> when <paramref name="name"/> is a catalog trigger (case-insensitive).</returns>
    public static bool TryParse(string? name, out TriggerType type)
    {
        foreach (TriggerInfo info in All)
        {
            if (string.Equals(info.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                type = info.Type;
                return true;
            }
        }

        type = default;
        return false;
    }
}

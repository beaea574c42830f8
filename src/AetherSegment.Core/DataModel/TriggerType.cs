using System.Text.Json.Serialization;

namespace AetherSegment.DataModel;

/// <summary>The standardized marketing triggers of the trigger catalog.</summary>
/// <remarks>Serialized in snake_case (<c>personalized_discount_offer</c>); see <see cref="TriggerCatalog"/>.</remarks>
[JsonConverter(typeof(JsonStringEnumConverter<TriggerType>))]
public enum TriggerType
{
    /// <summary>A percentage or fixed discount; answers to discount sensitivity.</summary>
    [JsonStringEnumMemberName("personalized_discount_offer")] PersonalizedDiscountOffer,

    /// <summary>Free delivery; answers to free-shipping sensitivity.</summary>
    [JsonStringEnumMemberName("free_shipping_offer")] FreeShippingOffer,

    /// <summary>Early or members-only access; answers to exclusivity seeking.</summary>
    [JsonStringEnumMemberName("exclusive_access")] ExclusiveAccess,

    /// <summary>Extra loyalty points; answers to customer value and repeat purchase.</summary>
    [JsonStringEnumMemberName("loyalty_points_bonus")] LoyaltyPointsBonus,

    /// <summary>Complementary items and bundles; answers to content engagement and recent purchase.</summary>
    [JsonStringEnumMemberName("product_recommendation")] ProductRecommendation,

    /// <summary>A plain reminder with no incentive; answers to cart recency.</summary>
    [JsonStringEnumMemberName("cart_reminder")] CartReminder,

    /// <summary>A scarcity or price-ends-soon message; answers to stock checks and wishlist activity.</summary>
    [JsonStringEnumMemberName("urgency_low_stock")] UrgencyLowStock,

    /// <summary>Room ideas, planner and AR content; answers to content engagement.</summary>
    [JsonStringEnumMemberName("content_inspiration")] ContentInspiration,
}

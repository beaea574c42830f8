namespace AetherSegment.Synthetic.Generation;

/// <summary>
/// The demo retailer's triggers as the campaign simulation knows them, in the order of the home-furnishing profile's
/// <c>triggers</c> (<see cref="SyntheticTriggers.Ids"/> maps each to its profile id).
/// </summary>
internal enum SyntheticTrigger
{
    /// <summary><c>personalized_discount_offer</c>.</summary>
    PersonalizedDiscountOffer,

    /// <summary><c>free_shipping_offer</c>.</summary>
    FreeShippingOffer,

    /// <summary><c>exclusive_access</c>.</summary>
    ExclusiveAccess,

    /// <summary><c>loyalty_points_bonus</c>.</summary>
    LoyaltyPointsBonus,

    /// <summary><c>product_recommendation</c>.</summary>
    ProductRecommendation,

    /// <summary><c>cart_reminder</c>.</summary>
    CartReminder,

    /// <summary><c>urgency_low_stock</c>.</summary>
    UrgencyLowStock,

    /// <summary><c>content_inspiration</c>.</summary>
    ContentInspiration,
}

using System.Text.Json.Serialization;

namespace AetherSegment.Interpretation;

/// <summary>The campaign types of the Campaign Objective contract (closed set).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CampaignType>))]
public enum CampaignType
{
    /// <summary>Recover abandoned carts or baskets.</summary>
    [JsonStringEnumMemberName("abandoned_cart_recovery")] AbandonedCartRecovery,

    /// <summary>Customers who browsed or viewed without buying.</summary>
    [JsonStringEnumMemberName("browse_abandonment")] BrowseAbandonment,

    /// <summary>Complementary items for recent buyers.</summary>
    [JsonStringEnumMemberName("cross_sell")] CrossSell,

    /// <summary>Lapsed, inactive or at-risk customers.</summary>
    [JsonStringEnumMemberName("win_back")] WinBack,

    /// <summary>New customers: welcome, onboarding, first purchase.</summary>
    [JsonStringEnumMemberName("new_customer_onboarding")] NewCustomerOnboarding,

    /// <summary>Loyalty, rewards and thanks.</summary>
    [JsonStringEnumMemberName("loyalty_reward")] LoyaltyReward,

    /// <summary>Launch or announce a new collection or range.</summary>
    [JsonStringEnumMemberName("product_launch")] ProductLaunch,

    /// <summary>Named cities or countries as the focus.</summary>
    [JsonStringEnumMemberName("geographic_targeting")] GeographicTargeting,

    /// <summary>Anything else.</summary>
    [JsonStringEnumMemberName("general_promotion")] GeneralPromotion,
}

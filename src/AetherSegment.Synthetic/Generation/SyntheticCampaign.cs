using AetherSegment.DataModel;
using AetherSegment.Synthetic.DataModel;

namespace AetherSegment.Synthetic.Generation;

/// <summary>Who a past campaign was eligible for (before the random sampling and the 50/50 split).</summary>
internal enum CampaignAudience
{
    /// <summary>Every customer acquired before the send.</summary>
    Everyone,

    /// <summary>Customers with at least one purchase.</summary>
    Purchasers,

    /// <summary>Customers who browsed in the last 90 days or hold a cart.</summary>
    RecentBrowsers,

    /// <summary>Customers with an abandoned cart or an add to cart in the 30 days before the send.</summary>
    CartActivity,

    /// <summary>Customers of one country.</summary>
    Country,

    /// <summary>Customers with clv_score at or above 0.3.</summary>
    ValueCustomers,
}

/// <summary>One past randomized campaign of the synthetic history.</summary>
internal sealed record SyntheticCampaign(
    string Id,
    string Name,
    string CampaignType,
    SyntheticTrigger Trigger,
    string TriggerName,
    CampaignAudience Audience,
    int CountryIndex,
    double SamplingRate,
    DateTime SentAt)
{
    /// <summary>How many past campaigns the plan holds (three per trigger).</summary>
    public const int Count = 24;

    /// <summary>The attribution window: a conversion counts when the purchase falls within it.</summary>
    public static readonly TimeSpan AttributionWindow = TimeSpan.FromDays(14);

    /// <summary>The campaign plan for a seed and as-of time: 24 campaigns, three per trigger, the newest 10 days before as-of.</summary>
    public static SyntheticCampaign[] Plan(int seed, DateTime asOf)
    {
        SyntheticRandom random = new(seed, -1);
        string[] seasons = ["Winter", "Spring", "Summer", "Autumn"];
        SyntheticCampaign[] campaigns = new SyntheticCampaign[Count];
        for (int i = 0; i < Count; i++)
        {
            SyntheticTrigger trigger = (SyntheticTrigger)(i % SyntheticTriggers.Ids.Length);
            int round = i / SyntheticTriggers.Ids.Length;
            (string type, CampaignAudience audience, string theme) = (trigger, round) switch
            {
                (SyntheticTrigger.PersonalizedDiscountOffer, 0) => ("general_promotion", CampaignAudience.Everyone, "Sale"),
                (SyntheticTrigger.PersonalizedDiscountOffer, 1) => ("win_back", CampaignAudience.Purchasers, "Win-Back Discount"),
                (SyntheticTrigger.PersonalizedDiscountOffer, _) => ("geographic_targeting", CampaignAudience.Country, "Local Discount"),
                (SyntheticTrigger.FreeShippingOffer, 0) => ("abandoned_cart_recovery", CampaignAudience.CartActivity, "Free Delivery Cart Rescue"),
                (SyntheticTrigger.FreeShippingOffer, _) => ("general_promotion", CampaignAudience.Everyone, "Free Delivery Weekend"),
                (SyntheticTrigger.ExclusiveAccess, _) => ("product_launch", round == 1 ? CampaignAudience.ValueCustomers : CampaignAudience.Everyone, "Collection Preview"),
                (SyntheticTrigger.LoyaltyPointsBonus, _) => ("loyalty_reward", round == 2 ? CampaignAudience.Everyone : CampaignAudience.Purchasers, "Double Points"),
                (SyntheticTrigger.ProductRecommendation, _) => ("cross_sell", round == 0 ? CampaignAudience.Purchasers : CampaignAudience.Everyone, "Complete the Room"),
                (SyntheticTrigger.CartReminder, _) => ("abandoned_cart_recovery", CampaignAudience.RecentBrowsers, "Still Thinking It Over"),
                (SyntheticTrigger.UrgencyLowStock, _) => ("browse_abandonment", round == 1 ? CampaignAudience.Everyone : CampaignAudience.RecentBrowsers, "Almost Gone"),
                (SyntheticTrigger.ContentInspiration, 0) => ("new_customer_onboarding", CampaignAudience.Everyone, "Room Ideas Welcome"),
                _ => ("browse_abandonment", CampaignAudience.Everyone, "Style Your Space"),
            };

            // Newest first in time order: campaign 24 is 10 days before as-of, campaign 1 about 14 months before.
            int daysBefore = 10 + ((Count - 1 - i) * 18) + random.Next(0, 5);
            int country = random.Next(RetailCatalog.Countries.Count);
            string countrySuffix = audience == CampaignAudience.Country ? $" ({RetailCatalog.Countries[country].Name})" : "";
            DateTime sentAt = asOf.AddDays(-daysBefore).Date.AddHours(9);
            string name = $"{seasons[sentAt.Month % 12 / 3]} {sentAt.Year} {theme}{countrySuffix}";
            double rate = audience switch
            {
                CampaignAudience.RecentBrowsers => 0.5,
                CampaignAudience.CartActivity => 0.9,
                CampaignAudience.Country => 0.6,
                CampaignAudience.Purchasers => 0.35,
                _ => 0.25 + (0.1 * random.NextDouble()),
            };
            campaigns[i] = new SyntheticCampaign($"CMP{i + 1:D3}", name, type, trigger, SyntheticTriggers.Id(trigger), audience, country, rate, sentAt);
        }

        return campaigns;
    }
}

namespace AetherSegment.TestRetailers.SummitOutfitters;

/// <summary>What the generator knows about one member: the facts the known promo effects depend on.</summary>
/// <param name="MemberNo">The member's id (<c>members.member_no</c>).</param>
/// <param name="Region">The member's region.</param>
/// <param name="Engagement">The <c>member_scores.engagement</c> score, 0..1.</param>
/// <param name="PriceSensitivity">The <c>member_scores.price_sensitivity</c> score, 0..1.</param>
/// <param name="Orders">How many distinct orders (<c>orders.order_no</c>) the member has.</param>
/// <param name="BoughtFootwear">Whether any of the member's order lines is in the Footwear dept.</param>
/// <param name="RecentWishlist">Whether the member has a <c>wishlist_add</c> hit in the 90 days before the as-of time.</param>
public sealed record SummitMember(string MemberNo, string Region, double Engagement, double PriceSensitivity, int Orders, bool BoughtFootwear, bool RecentWishlist)
{
    /// <summary>The conversion probability without any promo (the control arm): 0.02 + 0.06 x engagement.</summary>
    public double BaseConversion => 0.02 + (0.06 * Engagement);
}

namespace AetherSegment.TestRetailers.SummitOutfitters;

/// <summary>
/// The known effect of each Summit Outfitters trigger. A member in a promo converts with probability
/// <see cref="SummitMember.BaseConversion"/> in the control arm and that plus the trigger's uplift in the treatment arm.
/// </summary>
public static class SummitEffects
{
    /// <summary>Repair voucher: +0.12 for members with at least 4 orders, else 0.</summary>
    public static SummitTrigger RepairVoucher { get; } = new(
        "repair_voucher", ["Gear Repair Week", "Patch It Up", "Fix Your Kit"],
        "+0.12 for members with at least 4 distinct orders; 0 otherwise",
        m => m.Orders >= 4 ? 0.12 : 0.0);

    /// <summary>Trail event invite: +0.15 for members in a mountain region with engagement of at least 0.6, else +0.01.</summary>
    public static SummitTrigger TrailEventInvite { get; } = new(
        "trail_event_invite", ["Spring Trail Day", "Summer Summit Hike", "Fall Foliage Trek"],
        "+0.15 for members in Pacific Northwest or Rockies with engagement >= 0.6; +0.01 otherwise",
        m => SummitCatalog.MountainRegions.Contains(m.Region) && m.Engagement >= 0.6 ? 0.15 : 0.01);

    /// <summary>Bundle deal: +0.10 for members who bought footwear, else +0.01.</summary>
    public static SummitTrigger BundleDeal { get; } = new(
        "bundle_deal", ["Boot + Sock Bundle", "Layer Up Bundle", "Camp Kitchen Bundle"],
        "+0.10 for members with a Footwear order line; +0.01 otherwise",
        m => m.BoughtFootwear ? 0.10 : 0.01);

    /// <summary>Back-in-stock alert: +0.14 for members with a wishlist add in the last 90 days, else 0.</summary>
    public static SummitTrigger BackInStockAlert { get; } = new(
        "back_in_stock_alert", ["Restock: Rain Shells", "Restock: Trail Runners", "Restock: Tents"],
        "+0.14 for members with a wishlist_add hit in the 90 days before the as-of time; 0 otherwise",
        m => m.RecentWishlist ? 0.14 : 0.0);

    /// <summary>Member discount: +0.02 + 0.10 x price sensitivity.</summary>
    public static SummitTrigger MemberDiscount { get; } = new(
        "member_discount", ["Members 15% Off", "Members 20% Off", "Members $25 Off"],
        "+0.02 + 0.10 x price_sensitivity (0.02 to 0.12)",
        m => 0.02 + (0.10 * m.PriceSensitivity));

    /// <summary>Every trigger, in the order the profile lists them.</summary>
    public static IReadOnlyList<SummitTrigger> Triggers { get; } = [RepairVoucher, TrailEventInvite, BundleDeal, BackInStockAlert, MemberDiscount];

    /// <summary>The trigger with an id, or null.</summary>
    public static SummitTrigger? Find(string id) => Triggers.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.Ordinal));
}

namespace AetherSegment.TestRetailers.SummitOutfitters;

/// <summary>
/// The values Summit Outfitters' data is drawn from: regions and their cities, the outdoor-apparel taxonomy, sign-up
/// channels, loyalty tiers, clickstream actions, platforms and promo channels. The profile
/// (<c>summit-outfitters.profile.json</c>) lists the same values; a test checks they agree.
/// </summary>
public static class SummitCatalog
{
    /// <summary>Regions with their share of members and their cities.</summary>
    public static IReadOnlyList<(string Region, double Share, string[] Cities)> Regions { get; } =
    [
        ("Pacific Northwest", 0.22, ["Seattle", "Portland", "Spokane", "Bend"]),
        ("Rockies", 0.20, ["Denver", "Boulder", "Salt Lake City", "Bozeman"]),
        ("New England", 0.16, ["Boston", "Burlington", "North Conway", "Providence"]),
        ("Southwest", 0.14, ["Phoenix", "Flagstaff", "Santa Fe", "Tucson"]),
        ("Great Lakes", 0.14, ["Chicago", "Minneapolis", "Madison", "Ann Arbor"]),
        ("Southeast", 0.14, ["Atlanta", "Asheville", "Chattanooga", "Charlotte"]),
    ];

    /// <summary>The mountain regions, where trail events are held.</summary>
    public static IReadOnlyList<string> MountainRegions { get; } = ["Pacific Northwest", "Rockies"];

    /// <summary>Departments (dept) with their share of order lines and their subcategories with a unit price range in USD.</summary>
    public static IReadOnlyList<(string Dept, double Share, (string Subcategory, double Min, double Max)[] Subcategories)> Departments { get; } =
    [
        ("Jackets", 0.26, [("Rain Shells", 120, 350), ("Down Jackets", 180, 450), ("Fleece", 50, 150), ("Softshells", 90, 250)]),
        ("Footwear", 0.24, [("Hiking Boots", 120, 280), ("Trail Runners", 100, 180), ("Sandals", 40, 110), ("Hiking Socks", 15, 30)]),
        ("Packs", 0.16, [("Daypacks", 50, 150), ("Backpacking Packs", 180, 380), ("Hydration Packs", 40, 120)]),
        ("Camping", 0.18, [("Tents", 150, 700), ("Sleeping Bags", 90, 450), ("Stoves", 40, 160), ("Headlamps", 20, 80)]),
        ("Base Layers", 0.16, [("Merino Tops", 60, 120), ("Leggings", 45, 100)]),
    ];

    /// <summary>Sign-up channels (acquisition sources) with their share of members.</summary>
    public static IReadOnlyList<(string Channel, double Share)> SignupChannels { get; } =
    [
        ("trailhead_event", 0.10), ("in_store", 0.28), ("app_store", 0.18), ("podcast_ad", 0.08),
        ("search_ad", 0.20), ("friend_referral", 0.11), ("guide_partner", 0.05),
    ];

    /// <summary>Loyalty tiers with their share of members.</summary>
    public static IReadOnlyList<(string Tier, double Share)> LoyaltyTiers { get; } = [("Basecamp", 0.55), ("Ridge", 0.30), ("Peak", 0.15)];

    /// <summary>Clickstream actions with their share of hits and whether they carry a dept/subcategory.</summary>
    public static IReadOnlyList<(string Action, double Share, bool HasProduct)> Actions { get; } =
    [
        ("view_item", 0.38, true), ("search", 0.14, false), ("trail_guide_read", 0.09, false), ("fit_finder", 0.06, true),
        ("store_locator", 0.04, false), ("add_to_bag", 0.10, true), ("wishlist_add", 0.07, true), ("size_chart", 0.06, true),
        ("review_read", 0.06, true),
    ];

    /// <summary>Platforms of the clickstream.</summary>
    public static IReadOnlyList<(string Platform, double Share)> Platforms { get; } = [("web", 0.50), ("ios_app", 0.32), ("android_app", 0.18)];

    /// <summary>Channels promos are sent through.</summary>
    public static IReadOnlyList<string> PromoChannels { get; } = ["email", "sms", "app_push"];

    /// <summary>Brand words used in item descriptions.</summary>
    internal static IReadOnlyList<string> Brands { get; } = ["Alpenglow", "Switchback", "Cairn", "Ridgeline", "Talus"];

    internal static IReadOnlyList<string> FirstNames { get; } =
    [
        "Avery", "Jordan", "Riley", "Casey", "Morgan", "Quinn", "Rowan", "Sage", "Skyler", "Emerson", "Harper", "Reese",
        "Parker", "Dakota", "Finley", "Hayden", "Jesse", "Kendall", "Logan", "Marley",
    ];

    internal static IReadOnlyList<string> LastNames { get; } =
    [
        "Alder", "Birch", "Cedar", "Dunmore", "Ellison", "Fairweather", "Granger", "Holloway", "Ingram", "Juniper", "Kettle",
        "Larch", "Marsh", "Northcott", "Oakley", "Pike", "Quarry", "Ridley", "Stone", "Thorne",
    ];
}

namespace AetherSegment.Synthetic.Generation;

/// <summary>The profile trigger ids of <see cref="SyntheticTrigger"/> (the home-furnishing profile's <c>triggers[].id</c>).</summary>
internal static class SyntheticTriggers
{
    /// <summary>The id of each simulated trigger, indexed by its <see cref="SyntheticTrigger"/> value.</summary>
    public static readonly string[] Ids =
    [
        "personalized_discount_offer", "free_shipping_offer", "exclusive_access", "loyalty_points_bonus",
        "product_recommendation", "cart_reminder", "urgency_low_stock", "content_inspiration",
    ];

    /// <summary>The profile id of a simulated trigger.</summary>
    public static string Id(SyntheticTrigger trigger) => Ids[(int)trigger];

    /// <summary>Whether <paramref name="id"/> is a simulated trigger's id.</summary>
    public static bool IsKnown(string? id) => id is not null && Array.IndexOf(Ids, id) >= 0;
}

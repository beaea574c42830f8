using AetherSegment.DataModel;
using AetherSegment.Segments;

namespace AetherSegment.Tests;

/// <summary>
/// One filter of every kind the segment engine compiles: each customer attribute with each operator it takes, each
/// behavior with its options (windows, minimum value, categories, product types, event types), the composites, and the
/// eight trigger filters. The SQL property tests combine them in pairs (both orders, since the preview applies filters
/// as a chain of steps) and with every trigger. Shared by Core.Tests (GoogleSQL) and DuckDB.Tests (runs them).
/// </summary>
internal static class FilterKinds
{
    /// <summary>Every non-trigger filter kind, keyed by a readable name.</summary>
    public static IReadOnlyList<(string Name, SegmentFilter Filter)> All { get; } =
    [
        Kind("country", AttributeCondition.In("country", ["United States", "Canada"])),
        Kind("city", AttributeCondition.In("city", ["London", "Toronto", "Seattle"])),
        Kind("acquisition_source", AttributeCondition.In("acquisition_source", ["paid_search", "referral"])),
        Kind("clv_min", AttributeCondition.AtLeast("clv_score", 0.4)),
        Kind("clv_below", AttributeCondition.Below("clv_score", 0.8)),
        Kind("churn_min", AttributeCondition.AtLeast("churn_probability", 0.3)),
        Kind("discount_min", AttributeCondition.AtLeast("discount_sensitivity", 0.3)),
        Kind("free_shipping_min", AttributeCondition.AtLeast("free_shipping_sensitivity", 0.3)),
        Kind("engagement_min", AttributeCondition.AtLeast("content_engagement", 0.3)),
        Kind("exclusive", AttributeCondition.IsTrue("exclusivity_seeker")),
        Kind("acquired_365d", new BehaviorCondition(BehaviorKind.Acquired, 365)),
        Kind("abandoned_cart_30d_min", new BehaviorCondition(BehaviorKind.AbandonedCart, 30) { MinValue = 50 }),
        Kind("abandoned_cart_any", new BehaviorCondition(BehaviorKind.AbandonedCart, null)),
        Kind("purchased_category", new BehaviorCondition(BehaviorKind.Purchased, 365) { Categories = ["Living Room", "Bedroom"] }),
        Kind("purchased_product_type", new BehaviorCondition(BehaviorKind.Purchased, null) { ProductTypes = ["Sofas", "Chairs"] }),
        Kind("no_purchase_90d", new BehaviorCondition(BehaviorKind.NoPurchase, 90)),
        Kind("engaged_events", new BehaviorCondition(BehaviorKind.Engaged, 60) { EventTypes = ["product_view", "wishlist_add"], Categories = ["Lighting", "Office"] }),
        Kind("any_of", new AnyOfCondition([AttributeCondition.In("acquisition_source", ["social"]), new BehaviorCondition(BehaviorKind.Acquired, 180)])),
        Kind("all_of", new AllOfCondition([AttributeCondition.AtLeast("clv_score", 0.2), AttributeCondition.In("city", ["London", "New York"])])),
        Kind("not", new NotCondition(AttributeCondition.In("acquisition_source", ["email"]))),
    ];

    /// <summary>The filter each trigger adds.</summary>
    public static IReadOnlyList<(string Name, SegmentFilter Filter)> Triggers { get; } = TriggerFiltersOf(AetherSegment.Synthetic.Profiles.HomeFurnishingProfile.Load());

    private static (string Name, SegmentFilter Filter)[] TriggerFiltersOf(AetherSegment.Profiles.BusinessProfile profile) =>
        [.. profile.Triggers.Select(t => ("trigger:" + t.Id, TriggerEligibilityFilter.For(profile, t)!))];

    /// <summary>Every ordered pair of filter kinds, and every filter kind before and after every trigger filter.</summary>
    public static IEnumerable<(string Name, IReadOnlyList<SegmentFilter> Filters)> Pairs()
    {
        foreach ((string a, SegmentFilter first) in All)
        {
            foreach ((string b, SegmentFilter second) in All)
            {
                yield return ($"{a} + {b}", [first, second]);
            }

            foreach ((string t, SegmentFilter trigger) in Triggers)
            {
                yield return ($"{a} + {t}", [first, trigger]);
                yield return ($"{t} + {a}", [trigger, first]);
            }
        }
    }

    private static (string, SegmentFilter) Kind(string name, SegmentCondition condition) =>
        (name, new SegmentFilter(name, name, FilterProvenance.User, condition));
}

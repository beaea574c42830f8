using AetherSegment.Segments;

namespace AetherSegment.Profiles;

/// <summary>A behavior in a time window that ends at the segment's as-of time (<c>"kind": "behavior"</c>).</summary>
/// <param name="Behavior">The behavior; each needs a mapping: purchased and no_purchase the orders, abandoned_cart the carts,
/// engaged the events, acquired <c>customers.columns.created_at</c>.</param>
/// <param name="WithinDays">The window in days (more than 0); <see langword="null"/> means any time (only for purchased and engaged).</param>
public sealed record ProfileBehaviorCondition(BehaviorKind Behavior, double? WithinDays) : ProfileCondition
{
    /// <summary>For abandoned carts: the minimum cart value, else <see langword="null"/>.</summary>
    public double? MinValue { get; init; }

    /// <summary>For purchases and events: the taxonomy values (on any level) that count; empty means any.</summary>
    public IReadOnlyList<string> Taxonomy { get; init; } = [];

    /// <summary>For engaged: the event types that count; empty means the event types of kind <see cref="EventTypeKind.View"/>.</summary>
    public IReadOnlyList<string> EventTypes { get; init; } = [];
}

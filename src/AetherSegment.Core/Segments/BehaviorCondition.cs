using System.Text.Json.Serialization;

namespace AetherSegment.Segments;

/// <summary>A behavior in a time window that ends at the segment's as-of time.</summary>
/// <param name="Kind">The behavior.</param>
/// <param name="WithinDays">The window in days before the as-of time (decimals allowed); <see langword="null"/> means any time
/// (only for <see cref="BehaviorKind.Purchased"/> and <see cref="BehaviorKind.Engaged"/>).</param>
public sealed record BehaviorCondition(
    [property: JsonPropertyName("behavior")] BehaviorKind Kind,
    [property: JsonPropertyName("within_days")] double? WithinDays) : SegmentCondition
{
    /// <summary>For <see cref="BehaviorKind.AbandonedCart"/>: the minimum cart value in the profile's currency, else <see langword="null"/>.</summary>
    [JsonPropertyName("min_value")]
    public double? MinValue { get; init; }

    /// <summary>For purchases and events: the categories that count (empty: any).</summary>
    [JsonPropertyName("categories")]
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>For purchases and events: the product types that count (empty: any).</summary>
    [JsonPropertyName("product_types")]
    public IReadOnlyList<string> ProductTypes { get; init; } = [];

    /// <summary>For <see cref="BehaviorKind.Engaged"/>: the event types that count (empty: the profile's event types of kind view).</summary>
    [JsonPropertyName("event_types")]
    public IReadOnlyList<string> EventTypes { get; init; } = [];
}

using System.Text.Json.Serialization;

namespace AetherSegment.Segments;

/// <summary>One filter of a segment: a condition, its plain-words description and where it came from.</summary>
/// <param name="Key">A short stable key (e.g. <c>value_tier</c>, <c>abandoned_cart_within_days</c>, <c>trigger_free_shipping_offer</c>).</param>
/// <param name="Description">The filter in plain words (e.g. "abandoned a cart in the last 2 days").</param>
/// <param name="Provenance">Where it came from.</param>
/// <param name="Condition">The condition members satisfy.</param>
public sealed record SegmentFilter(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("provenance")] FilterProvenance Provenance,
    [property: JsonPropertyName("condition")] SegmentCondition Condition);

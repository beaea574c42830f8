using System.Text.Json.Serialization;

namespace AetherSegment.Segments;

/// <summary>True when the child condition is false. A customer for whom the child is unknown (no score row) is not kept.</summary>
/// <param name="Condition">The negated condition.</param>
public sealed record NotCondition([property: JsonPropertyName("condition")] SegmentCondition Condition) : SegmentCondition;

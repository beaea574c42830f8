using System.Text.Json.Serialization;

namespace AetherSegment.Segments;

/// <summary>True when at least one child condition is true (an empty list is false).</summary>
/// <param name="Conditions">The children.</param>
public sealed record AnyOfCondition([property: JsonPropertyName("conditions")] IReadOnlyList<SegmentCondition> Conditions) : SegmentCondition;

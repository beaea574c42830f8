using System.Text.Json.Serialization;

namespace AetherSegment.Segments;

/// <summary>True when every child condition is true (an empty list is true).</summary>
/// <param name="Conditions">The children.</param>
public sealed record AllOfCondition([property: JsonPropertyName("conditions")] IReadOnlyList<SegmentCondition> Conditions) : SegmentCondition;

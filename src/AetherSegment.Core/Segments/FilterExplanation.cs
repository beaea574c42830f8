using System.Text.Json.Serialization;

namespace AetherSegment.Segments;

/// <summary>Why one filter is part of a segment, in plain words.</summary>
/// <param name="Key">The filter's key.</param>
/// <param name="Provenance">Where it came from.</param>
/// <param name="Description">The filter in plain words.</param>
/// <param name="Reason">Why it applies (what the objective said, which trigger needs it, or that the user added it).</param>
public sealed record FilterExplanation(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("provenance")] FilterProvenance Provenance,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("reason")] string Reason);

using System.Text.Json.Serialization;

namespace AetherSegment.Profiles;

/// <summary>An entity (or optional column) the profile leaves out, and the features that are switched off for it.</summary>
/// <param name="Mapping">What is not mapped: an entity (<c>carts</c>) or an entity's column (<c>customers.created_at</c>).</param>
/// <param name="Path">The JSON path that would map it (e.g. <c>$.entities.carts</c>).</param>
/// <param name="Features">The features switched off while it is missing.</param>
public sealed record ProfileMissingMapping(
    [property: JsonPropertyName("mapping")] string Mapping,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("features")] IReadOnlyList<string> Features);

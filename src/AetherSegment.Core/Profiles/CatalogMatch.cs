namespace AetherSegment.Profiles;

/// <summary>A catalog value that a name or word resolved to.</summary>
/// <param name="List">The catalog list the value belongs to.</param>
/// <param name="Value">The canonical value, as stored in the user's data.</param>
/// <param name="Level">For places and the taxonomy: the level the value is on, else <see langword="null"/>.</param>
public sealed record CatalogMatch(CatalogList List, string Value, HierarchyLevel? Level);

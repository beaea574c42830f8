namespace AetherSegment.Profiles;

/// <summary>Words that name several values of one catalog list at once ("mobile" for the ios and android devices).</summary>
/// <param name="List">The catalog list.</param>
/// <param name="Values">The canonical values the words name (at least two).</param>
/// <param name="Words">The words.</param>
public sealed record VocabularyGroup(CatalogList List, IReadOnlyList<string> Values, IReadOnlyList<string> Words);

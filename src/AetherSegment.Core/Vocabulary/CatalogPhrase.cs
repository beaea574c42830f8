namespace AetherSegment.Vocabulary;

/// <summary>A phrase that names a catalog value.</summary>
/// <param name="Phrase">The words as written (callers normalize case and punctuation their own way).</param>
/// <param name="Index">The value's position among its facet's terms, in the order they were given.</param>
/// <param name="Value">The canonical value.</param>
internal readonly record struct CatalogPhrase(string Phrase, int Index, string Value);

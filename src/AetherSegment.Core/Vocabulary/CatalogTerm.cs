namespace AetherSegment.Vocabulary;

/// <summary>One catalog value as the vocabulary takes it: the facet it belongs to, its canonical value, the words that name it.</summary>
/// <param name="Facet">The catalog facet ("places.region", "taxonomy.subcategory", "acquisition_source", ...).</param>
/// <param name="Value">The canonical value as stored ("Tents", "Pacific Northwest", "search_ad").</param>
/// <param name="Synonyms">Other words for it ("shelter", "backpacking tent"), written naturally; may be empty.</param>
internal sealed record CatalogTerm(string Facet, string Value, IReadOnlyList<string> Synonyms);

namespace AetherSegment.Vocabulary;

/// <summary>
/// The words that name a business's catalog values. It takes the catalog as input (canonical values with their
/// synonyms, per facet) and never reads a catalog itself, so the same code serves the built-in retailer and a profile's
/// catalog. It generates the forms a caller asks for (singular, plural, "and" for "&amp;") with
/// <see cref="LanguageWords"/>, the one place that knows English plurals. Immutable after construction; thread-safe.
/// </summary>
internal sealed class CatalogVocabulary
{
    private readonly Dictionary<string, List<CatalogTerm>> _facets = new(StringComparer.Ordinal);

    /// <summary>Creates the vocabulary of <paramref name="terms"/>; terms keep their order within their facet.</summary>
    /// <exception cref="ArgumentException">A facet names the same value twice.</exception>
    public CatalogVocabulary(IEnumerable<CatalogTerm> terms)
    {
        foreach (CatalogTerm term in terms)
        {
            if (!_facets.TryGetValue(term.Facet, out List<CatalogTerm>? list))
            {
                _facets[term.Facet] = list = [];
            }

            if (list.Exists(t => string.Equals(t.Value, term.Value, StringComparison.Ordinal)))
            {
                throw new ArgumentException($"The catalog facet '{term.Facet}' names the value '{term.Value}' twice.", nameof(terms));
            }

            list.Add(term);
        }
    }

    /// <summary>The terms of a facet in the order given; empty for an unknown facet.</summary>
    public IReadOnlyList<CatalogTerm> Terms(string facet) => _facets.TryGetValue(facet, out List<CatalogTerm>? list) ? list : [];

    /// <summary>
    /// Every phrase of a facet: first the canonical values with their generated forms, term by term, then every
    /// synonym, term by term. A phrase may repeat (the caller merges or keeps the first).
    /// </summary>
    public IEnumerable<CatalogPhrase> Phrases(string facet, CatalogPhraseForms forms)
    {
        IReadOnlyList<CatalogTerm> terms = Terms(facet);
        for (int i = 0; i < terms.Count; i++)
        {
            string value = terms[i].Value;
            string name = (forms & CatalogPhraseForms.UnderscoresAsSpaces) != 0 ? value.Replace('_', ' ') : value;
            yield return new CatalogPhrase(name, i, value);
            if ((forms & CatalogPhraseForms.AmpersandAsAnd) != 0)
            {
                yield return new CatalogPhrase(name.Replace("&", "and", StringComparison.Ordinal), i, value);
            }

            if ((forms & CatalogPhraseForms.Singular) != 0)
            {
                yield return new CatalogPhrase(LanguageWords.Singular(name), i, value);
            }

            if ((forms & CatalogPhraseForms.Plural) != 0)
            {
                yield return new CatalogPhrase(LanguageWords.Plural(name), i, value);
            }
        }

        for (int i = 0; i < terms.Count; i++)
        {
            foreach (string synonym in terms[i].Synonyms)
            {
                yield return new CatalogPhrase(synonym, i, terms[i].Value);
            }
        }
    }
}

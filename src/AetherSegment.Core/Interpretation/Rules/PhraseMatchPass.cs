using AetherSegment.Vocabulary;

namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// Lexing pass 1: tokenizes the objective, looks every word up in the lexicon and takes the longest lexicon phrase at
/// each token; numbers and unknown words become items of their own. Input: the text; output: the items of
/// <see cref="RuleItems"/>. Stateless apart from its lexicon; thread-safe.
/// </summary>
internal sealed class PhraseMatchPass(Lexicon lexicon, CatalogVocabulary catalog)
{
    private readonly LexMeaning[]? _usMeaning = Meaning(catalog, CatalogFacets.Country, Sense.Country, "United States");
    private readonly LexMeaning[]? _laMeaning = Meaning(catalog, CatalogFacets.City, Sense.City, "Los Angeles");

    /// <summary>Fills <paramref name="items"/> with the phrases, numbers and unknown words of <paramref name="objective"/>.</summary>
    public void Run(string objective, RuleItems items)
    {
        items.Reset(objective);
        Token[] tokens = items.Tokens;
        int tokenCount = Tokenizer.Tokenize(objective, items.Normalized, tokens);
        items.TokenCount = tokenCount;
        for (int t = 0; t < tokenCount; t++)
        {
            ref Token token = ref tokens[t];
            if (!token.IsNumber)
            {
                token.WordId = lexicon.WordId(items.Word(token));
            }
        }

        int count = 0;
        int at = 0;
        while (at < tokenCount)
        {
            ref Token token = ref tokens[at];
            ref RuleItem item = ref items.Items[count++];
            item = new RuleItem { Token = at, TokenEnd = at + 1 };
            if (token.IsNumber)
            {
                item.Kind = ItemKind.Number;
                item.Value = token.Number;
                at++;
                continue;
            }

            if (token.IsUpper && token.Length == 2 && UpperCaseAlias(items.Word(token)) is { } alias)
            {
                // "US" and "LA" in capitals are places; "us" is a pronoun and "la" a French article.
                item.Kind = ItemKind.Phrase;
                item.Meanings = alias;
                at++;
                continue;
            }

            int node = 0;
            int bestEnd = -1;
            LexMeaning[]? best = null;
            for (int k = at; k < tokenCount; k++)
            {
                node = lexicon.Step(node, tokens[k].WordId);
                if (node < 0)
                {
                    break;
                }

                if (lexicon.Meanings(node) is { } meanings)
                {
                    best = meanings;
                    bestEnd = k + 1;
                }
            }

            if (best is null)
            {
                item.Kind = ItemKind.Unknown;
                at++;
            }
            else
            {
                item.Kind = ItemKind.Phrase;
                item.Meanings = best;
                item.TokenEnd = bestEnd;
                at = bestEnd;
            }
        }

        items.Count = count;
    }

    private LexMeaning[]? UpperCaseAlias(ReadOnlySpan<char> word) =>
        word.SequenceEqual("us") ? _usMeaning : word.SequenceEqual("la") ? _laMeaning : null;

    // The capitalised two-letter aliases apply only when the catalog has the place.
    private static LexMeaning[]? Meaning(CatalogVocabulary catalog, string facet, Sense sense, string value)
    {
        IReadOnlyList<CatalogTerm> terms = catalog.Terms(facet);
        for (int i = 0; i < terms.Count; i++)
        {
            if (terms[i].Value == value)
            {
                return [new LexMeaning(sense, i)];
            }
        }

        return null;
    }
}

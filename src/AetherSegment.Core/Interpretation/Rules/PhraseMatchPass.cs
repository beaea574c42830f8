using AetherSegment.DataModel;

namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// Lexing pass 1: tokenizes the objective, looks every word up in the lexicon and takes the longest lexicon phrase at
/// each token; numbers and unknown words become items of their own. Input: the text; output: the items of
/// <see cref="RuleItems"/>. Stateless apart from its lexicon; thread-safe.
/// </summary>
internal sealed class PhraseMatchPass(Lexicon lexicon)
{
    private static readonly LexMeaning[] UsMeaning = [new(Sense.Country, IndexOfCountry("United States"))];
    private static readonly LexMeaning[] LaMeaning = [new(Sense.City, IndexOfCity("Los Angeles"))];

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

    private static LexMeaning[]? UpperCaseAlias(ReadOnlySpan<char> word) =>
        word.SequenceEqual("us") ? UsMeaning : word.SequenceEqual("la") ? LaMeaning : null;

    private static int IndexOfCountry(string name)
    {
        for (int i = 0; i < RetailCatalog.Countries.Count; i++)
        {
            if (RetailCatalog.Countries[i].Name == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"{name} is not a country of RetailCatalog.");
    }

    private static int IndexOfCity(string name)
    {
        for (int i = 0; i < RetailCatalog.Cities.Count; i++)
        {
            if (RetailCatalog.Cities[i].Name == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"{name} is not a city of RetailCatalog.");
    }
}

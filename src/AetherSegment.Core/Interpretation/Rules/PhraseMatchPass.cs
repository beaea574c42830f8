namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// Lexing pass 1: tokenizes the objective, looks every word up in the lexicon and takes the longest lexicon phrase at
/// each token; numbers and unknown words become items of their own. Input: the text; output: the items of
/// <see cref="RuleItems"/>. Stateless apart from its lexicon; thread-safe.
/// </summary>
internal sealed class PhraseMatchPass(InterpreterCatalog catalog)
{
    private readonly Lexicon _lexicon = catalog.Lexicon;
    private readonly Dictionary<string, LexMeaning[]>.AlternateLookup<ReadOnlySpan<char>> _capitals =
        catalog.CapitalWords.GetAlternateLookup<ReadOnlySpan<char>>();

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
                token.WordId = _lexicon.WordId(items.Word(token));
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

            if (token.IsUpper && token.Length is 2 or 3 && _capitals.TryGetValue(items.Word(token), out LexMeaning[]? alias))
            {
                // A place word the profile writes in capitals ("US") matches only in capitals; "us" is a pronoun.
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
                node = _lexicon.Step(node, tokens[k].WordId);
                if (node < 0)
                {
                    break;
                }

                if (_lexicon.Meanings(node) is { } meanings)
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
}

namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// The item stream of one objective: its text, the normalized characters, the tokens and the items the lexing passes
/// produce. The lexing passes (<see cref="PhraseMatchPass"/>, <see cref="NumberPass"/>, <see cref="QuantityPass"/>)
/// write it; the later passes read it and only mark items <see cref="RuleItem.Used"/>. One instance per thread is
/// reused; not thread-safe itself.
/// </summary>
internal sealed class RuleItems
{
    private const int MaxChars = CampaignObjectiveValidator.MaxObjectiveLength + 16;

    /// <summary>The objective as written.</summary>
    public string Text { get; private set; } = "";

    /// <summary>The lower-case characters the tokens point into.</summary>
    public char[] Normalized { get; } = new char[MaxChars];

    /// <summary>The tokens; the first <see cref="TokenCount"/> are valid.</summary>
    public Token[] Tokens { get; } = new Token[MaxChars];

    /// <summary>The number of tokens.</summary>
    public int TokenCount { get; set; }

    /// <summary>The items; the first <see cref="Count"/> are valid.</summary>
    public RuleItem[] Items { get; } = new RuleItem[MaxChars];

    /// <summary>The number of items.</summary>
    public int Count { get; set; }

    /// <summary>The item at <paramref name="index"/>, by reference (a pass marks it used).</summary>
    public ref RuleItem this[int index] => ref Items[index];

    /// <summary>Starts a new objective.</summary>
    public void Reset(string text)
    {
        Text = text;
        TokenCount = 0;
        Count = 0;
    }

    /// <summary>The normalized word of a token.</summary>
    public ReadOnlySpan<char> Word(in Token token) => Normalized.AsSpan(token.Start, token.Length);

    /// <summary>Whether the item is exactly one token reading <paramref name="word"/> (lower case).</summary>
    public bool IsWord(int item, string word)
    {
        ref RuleItem it = ref Items[item];
        if (it.TokenEnd - it.Token != 1)
        {
            return false;
        }

        ref Token token = ref Tokens[it.Token];
        return !token.IsNumber && Normalized.AsSpan(token.Start, token.Length).SequenceEqual(word);
    }

    /// <summary>The item as it was written in the objective.</summary>
    public string SourceText(int item)
    {
        ref RuleItem it = ref Items[item];
        ref Token first = ref Tokens[it.Token];
        ref Token last = ref Tokens[it.TokenEnd - 1];
        return Text.Substring(first.SourceStart, last.SourceStart + last.SourceLength - first.SourceStart);
    }
}

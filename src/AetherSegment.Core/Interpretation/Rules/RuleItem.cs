namespace AetherSegment.Interpretation.Rules;

/// <summary>The kinds of item the phrase matcher produces.</summary>
internal enum ItemKind : byte
{
    /// <summary>A lexicon phrase with meanings.</summary>
    Phrase,

    /// <summary>A word the lexicon does not know.</summary>
    Unknown,

    /// <summary>A plain number.</summary>
    Number,

    /// <summary>A time window in days.</summary>
    Duration,

    /// <summary>A percentage.</summary>
    Percent,

    /// <summary>An amount of money.</summary>
    Money,
}

/// <summary>One matched phrase, number or value in an objective.</summary>
internal struct RuleItem
{
    /// <summary>What the item is.</summary>
    public ItemKind Kind;

    /// <summary>The meanings of a phrase.</summary>
    public LexMeaning[]? Meanings;

    /// <summary>The number, days, percentage or amount.</summary>
    public double Value;

    /// <summary>The first token of the item.</summary>
    public int Token;

    /// <summary>The token after the item.</summary>
    public int TokenEnd;

    /// <summary>Whether a rule has placed this item's value.</summary>
    public bool Used;

    /// <summary>Whether the item has a meaning of the given sense.</summary>
    public readonly bool Has(Sense sense)
    {
        if (Meanings is null)
        {
            return false;
        }

        foreach (LexMeaning meaning in Meanings)
        {
            if (meaning.Sense == sense)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first meaning of the given sense, if any.</summary>
    public readonly bool TryGet(Sense sense, out LexMeaning found)
    {
        if (Meanings is not null)
        {
            foreach (LexMeaning meaning in Meanings)
            {
                if (meaning.Sense == sense)
                {
                    found = meaning;
                    return true;
                }
            }
        }

        found = default;
        return false;
    }
}

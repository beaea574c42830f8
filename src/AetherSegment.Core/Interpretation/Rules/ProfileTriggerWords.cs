using AetherSegment.Profiles;

namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// The rule-based lexicon of one profile's triggers. <see cref="LexiconEntries"/> names no trigger: its trigger hints
/// say which of the profile's triggers they mean (<see cref="NamedByWord"/>: the trigger that lists the phrase among its
/// words; <see cref="OfNoIncentive"/>: the first trigger of the "none" incentive; <see cref="ForCampaignType"/>: the first
/// trigger for a campaign type), and are resolved here to trigger positions (a phrase whose only meaning was a hint the
/// profile cannot resolve is dropped). Then each trigger word of the profile (<see cref="TriggerDefinition.Words"/>)
/// becomes a hint for its trigger unless the lexicon already reads it, or a part of it, as that trigger (the trigger
/// itself, one of its incentive types, a campaign type whose first trigger it is, or "no incentive" for a trigger of the
/// "none" incentive): a known phrase gains the hint beside its meanings, a new phrase is added and, being longer, wins
/// over the words inside it ("repair voucher" is the repair trigger, not a voucher). Built once per profile; immutable
/// afterwards.
/// </summary>
internal static class ProfileTriggerWords
{
    /// <summary>A hint's value for "the trigger whose words list this phrase".</summary>
    public const int NamedByWord = -2;

    /// <summary>A hint's value for "the first trigger whose incentive types contain none".</summary>
    public const int OfNoIncentive = -3;

    /// <summary>
    /// A trigger hint's <see cref="LexMeaning.Number"/> when it comes from a role cue (<see cref="OfNoIncentive"/>,
    /// <see cref="ForCampaignType"/>) rather than a word the profile lists: on a tie of weights a word wins over a cue.
    /// </summary>
    public const double Cue = 1;

    private const int CampaignTypeBase = -1000;

    /// <summary>A hint's value for "the first trigger whose campaign types contain <paramref name="type"/>".</summary>
    public static int ForCampaignType(CampaignType type) => CampaignTypeBase - (int)type;

    /// <summary>The lexicon of <paramref name="profile"/>: <paramref name="coreEntries"/> with their trigger hints resolved, plus its trigger words.</summary>
    public static Lexicon Build(BusinessProfile profile, IEnumerable<(string Phrase, LexMeaning[] Meanings)> coreEntries)
    {
        List<(string Phrase, LexMeaning[] Meanings)> entries = [];
        foreach ((string phrase, LexMeaning[] meanings) in coreEntries)
        {
            if (!Array.Exists(meanings, m => m.Sense == Sense.Trigger))
            {
                entries.Add((phrase, meanings));
                continue;
            }

            LexMeaning[] mapped = [.. meanings
                .Select(m => m.Sense == Sense.Trigger ? m with { Value = Resolve(profile, phrase, m.Value) } : m)
                .Where(m => m.Sense != Sense.Trigger || m.Value >= 0)];
            if (mapped.Length > 0)
            {
                entries.Add((phrase, mapped));
            }
        }

        Lexicon known = Lexicon.Build(entries);
        int before = entries.Count;
        for (int t = 0; t < profile.Triggers.Count; t++)
        {
            foreach (string word in profile.Triggers[t].Words)
            {
                if (Reads(profile, known, word, t) is false)
                {
                    entries.Add((word, [new LexMeaning(Sense.Trigger, t)]));
                }
            }
        }

        return entries.Count == before ? known : Lexicon.Build(entries);
    }

    /// <summary>Whether the lexicon reads <paramref name="word"/> or a part of it as trigger <paramref name="t"/>; null when the word has no letters to read.</summary>
    private static bool? Reads(BusinessProfile profile, Lexicon lexicon, string word, int t)
    {
        // A word with a symbol ("% off") is read by the number and incentive passes, never as a phrase: a phrase would
        // take its tokens from them ("15% off" would lose its discount).
        if (word.Any(c => !char.IsLetterOrDigit(c) && c is not (' ' or '-' or '\'')))
        {
            return null;
        }

        char[] buffer = new char[Math.Max(16, word.Length * 2)];
        Token[] tokens = new Token[64];
        int count = Tokenizer.Tokenize(word, buffer, tokens);
        if (count == 0 || tokens.AsSpan(0, count).ToArray().Any(k => k.IsNumber))
        {
            return null;
        }

        int[] ids = new int[count];
        for (int i = 0; i < count; i++)
        {
            ids[i] = lexicon.WordId(buffer.AsSpan(tokens[i].Start, tokens[i].Length));
        }

        for (int start = 0; start < count; start++)
        {
            int node = 0;
            for (int end = start; end < count && node >= 0; end++)
            {
                node = lexicon.Step(node, ids[end]);
                if (node >= 0 && lexicon.Meanings(node) is { } meanings && Array.Exists(meanings, m => PointsTo(profile, m, t)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool PointsTo(BusinessProfile profile, LexMeaning meaning, int t)
    {
        TriggerDefinition trigger = profile.Triggers[t];
        return meaning.Sense switch
        {
            Sense.Trigger => meaning.Value == t,
            Sense.Incentive => trigger.IncentiveTypes.Contains((IncentiveType)meaning.Value),
            Sense.NoIncentive => trigger.IncentiveTypes.Contains(IncentiveType.None),
            Sense.Campaign => FirstFor(profile, (CampaignType)meaning.Value) == t,
            _ => false,
        };
    }

    private static int FirstFor(BusinessProfile profile, CampaignType type)
    {
        for (int t = 0; t < profile.Triggers.Count; t++)
        {
            if (profile.Triggers[t].CampaignTypes.Contains(type))
            {
                return t;
            }
        }

        return -1;
    }

    /// <summary>The trigger position a core hint means in <paramref name="profile"/>, or -1 when the profile has none.</summary>
    private static int Resolve(BusinessProfile profile, string phrase, int hint)
    {
        if (hint == NamedByWord)
        {
            for (int t = 0; t < profile.Triggers.Count; t++)
            {
                if (profile.Triggers[t].Words.Contains(phrase, StringComparer.OrdinalIgnoreCase))
                {
                    return t;
                }
            }

            return -1;
        }

        if (hint == OfNoIncentive)
        {
            for (int t = 0; t < profile.Triggers.Count; t++)
            {
                if (profile.Triggers[t].IncentiveTypes.Contains(IncentiveType.None))
                {
                    return t;
                }
            }

            return -1;
        }

        return hint <= CampaignTypeBase ? FirstFor(profile, (CampaignType)(CampaignTypeBase - hint)) : hint;
    }
}

using AetherSegment.Profiles;

namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// The rule-based lexicon of one profile's triggers. Trigger hints of <see cref="LexiconEntries"/> are mapped to the
/// profile's trigger positions (a phrase whose only meaning was a trigger the profile lacks is dropped); then each
/// trigger word of the profile (<see cref="TriggerDefinition.Words"/>) becomes a hint for its trigger unless the
/// lexicon already reads it, or a part of it, as that trigger (the trigger itself, one of its incentive types, a
/// campaign type whose first trigger it is, or "no incentive" for a trigger of the "none" incentive): a known phrase
/// gains the hint beside its meanings, a new phrase is added and, being longer, wins over the words inside it
/// ("repair voucher" is the repair trigger, not a voucher). Built once per profile; immutable afterwards.
/// </summary>
internal static class ProfileTriggerWords
{
    /// <summary>The lexicon of <paramref name="profile"/>: <paramref name="coreEntries"/> with their trigger hints mapped, plus its trigger words.</summary>
    public static Lexicon Build(BusinessProfile profile, IEnumerable<(string Phrase, LexMeaning[] Meanings)> coreEntries)
    {
        int[] positions = new int[LexiconEntries.TriggerIds.Length];
        for (int i = 0; i < positions.Length; i++)
        {
            positions[i] = IndexOf(profile, LexiconEntries.TriggerIds[i]);
        }

        List<(string Phrase, LexMeaning[] Meanings)> entries = [];
        foreach ((string phrase, LexMeaning[] meanings) in coreEntries)
        {
            if (!Array.Exists(meanings, m => m.Sense == Sense.Trigger))
            {
                entries.Add((phrase, meanings));
                continue;
            }

            LexMeaning[] mapped = [.. meanings
                .Where(m => m.Sense != Sense.Trigger || (m.Value >= 0 && positions[m.Value] >= 0))
                .Select(m => m.Sense == Sense.Trigger ? m with { Value = positions[m.Value] } : m)];
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

    private static int IndexOf(BusinessProfile profile, string id)
    {
        for (int t = 0; t < profile.Triggers.Count; t++)
        {
            if (string.Equals(profile.Triggers[t].Id, id, StringComparison.Ordinal))
            {
                return t;
            }
        }

        return -1;
    }
}

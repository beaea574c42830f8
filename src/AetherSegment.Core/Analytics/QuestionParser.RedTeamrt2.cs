using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// Red team rt2 (stop 43): what is counted, and of what. "How many customers bought more than 3 units of (a product)"
/// and "bought (a product) more than 3 times" were read as the buyers of that product whose units or orders over
/// everything they bought are over 3; the count said of the product is declined with what was read. "Units of the
/// category" said on its own (no "customers ... whose") and "buyers of (a product) ... in total" keep their answers.
/// </content>
internal static partial class QuestionParser
{
    private static readonly string[] RedTeamRt2Cues = [" of ", "times", "twice", "once", "thrice"];

    private static string? RedTeamRt2(string lower, string question, AnalyticsQuery query)
    {
        if (query.Measure.Name != "buyers" || query.Filters.Count == 0 || !Array.Exists(RedTeamRt2Cues, cue => lower.Contains(cue, StringComparison.Ordinal)))
        {
            return null;
        }

        if (query.Conditions.FirstOrDefault(c => c is { Negated: false, Comparison: not null, Filters.Count: 0 } && c.Measure.Fact == query.Measure.Fact) is not { } overall)
        {
            return null;
        }

        string normalized = QuestionText.Normalize(question);
        foreach (QueryFilter filter in query.Filters)
        {
            foreach (string value in filter.Values.Select(v => v.ToLowerInvariant()).Append(filter.Phrase.ToLowerInvariant()))
            {
                int at = value.Length == 0 ? -1 : normalized.IndexOf(value, StringComparison.Ordinal);
                if (at < 0)
                {
                    continue;
                }

                string before = normalized[..at];
                string after = normalized[(at + value.Length)..];
                if (CountOfBeforeRegex().IsMatch(before) || TimesAfterRegex().IsMatch(after))
                {
                    return $"the count is said of {filter.Phrase}, but I read the buyers of {filter.Phrase} whose {overall.Measure.Label} over everything they bought is compared; ask \"how many customers have over N units for {filter.Phrase}\" or \"placed more than N orders of {filter.Phrase}\"";
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?:units?|items?|pieces?|orders?|purchases?|times?) (?:of |from |in )(?:the )?$", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CountOfBeforeRegex();

    [GeneratedRegex(@"^(?: products| items)? (?:(?:more than|over|at least|fewer than|less than|under|exactly|above|below) )?(?:\d+ (?:or (?:more|fewer|less) )?times|twice|once|thrice)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex TimesAfterRegex();
}

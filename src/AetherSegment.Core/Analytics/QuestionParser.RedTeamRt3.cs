using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// Red team rt3 (stop 43, time words): "customers who made their last purchase more than 6 months ago" was read as the
/// customers with no purchase in the last 6 months, which counts the customers who never bought too; a last purchase
/// said presupposes one. The same wording with "whose last order was ..." is read right (bought, and not in the range);
/// a reading that keeps only the "not in the range" part is declined with what was read.
/// </content>
internal static partial class QuestionParser
{
    private static readonly string[] LastPurchaseCues = ["last ", "latest ", "most recent ", "final "];

    private static string? RedTeamRt3(string lower, string question, AnalyticsQuery query, SemanticLayer layer)
    {
        if (query.Conditions.Count == 0 || !query.Conditions.Any(c => c.Negated) || query.Conditions.Any(c => !c.Negated)
            || !Array.Exists(LastPurchaseCues, cue => lower.Contains(cue, StringComparison.Ordinal)))
        {
            return null;
        }

        string normalized = QuestionText.Normalize(question);
        return LastPurchaseRegex().Match(normalized) is { Success: true } last
            ? $"\"{last.Value}\" speaks of a purchase that was made, but I read the {People(layer)} with none in the time range, who include those who never bought; ask \"how many {People(layer)} bought, but not in the last 6 months\""
            : null;
    }

    [GeneratedRegex(@"(?<= )(?:last|latest|most recent|final) (?:purchase|purchases|order|orders|transaction|transactions|buy|bought|ordered|purchased|shopped)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex LastPurchaseRegex();
}

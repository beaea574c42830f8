using System.Text.RegularExpressions;
using AetherSegment.Data;

namespace AetherSegment.Analytics;

/// <content>Words that name nothing of their own where they stand: a goods word after a product value.</content>
internal static partial class QuestionParser
{
    // "bought something from the <category> range", "bought <category> items": a goods word right after a product value names
    // that value's goods, not anything else.
    private static string BlankGoodsAfterValues(string text, string afterTime, List<(QueryFilter Filter, int At)> placed, SemanticLayer layer)
    {
        foreach ((QueryFilter filter, int at) in placed)
        {
            if (filter.Negated || layer.Dimension(filter.Dimension)?.Role != DimensionRole.Taxonomy)
            {
                continue;
            }

            int end = at + filter.Phrase.Length;
            if (end < afterTime.Length && GoodsAfterValueRegex().Match(afterTime, end) is { Success: true } goods && goods.Index == end + 1
                && string.CompareOrdinal(text, goods.Index, goods.Value, 0, goods.Length) == 0)
            {
                text = string.Concat(text.AsSpan(0, goods.Index), new string('#', goods.Length), text.AsSpan(goods.Index + goods.Length));
            }
        }

        // "UK customers who are flagged as exclusivity seekers": "flagged as" before what was placed adds nothing; alone
        // ("how many customers were flagged") it stays a word that could not be placed.
        return FlaggedAsRegex().Replace(text, m => new string('#', m.Length));
    }

    [GeneratedRegex(@"(?<= )(?:flagged|marked|tagged|labelled|labeled) as(?= #)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex FlaggedAsRegex();

    [GeneratedRegex(@"(?<= )(?:range|items|item|goods|collection|line)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex GoodsAfterValueRegex();
}

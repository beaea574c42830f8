namespace AetherSegment.Analytics;

// A share of one value out of a list of values of the same level (stop 42, ask40): "Of all our app events (ios + android),
// what percentage come from iOS?", "what percentage of ios and android events are on ios", "of orders from <a> or <b>,
// what share are from <a>". The list is the whole and the value said again is the part; read before as the whole list
// out of everything (or each value out of everything), a wrong answer.
internal static partial class QuestionParser
{
    /// <summary>
    /// A share read with one filter of several values where a proper part of those values is said twice and the rest once:
    /// the part is the values said twice, out of the whole list (AnalyticsQuery.ShareWhole). Any other share is returned as it is.
    /// </summary>
    private static ParsedQuestion ShareOfListedValues(ParsedQuestion parsed, string question, SemanticLayer layer)
    {
        if (parsed.Query is not { Share: true, ShareWhole: null, Ratio: null, FilterRatio: null, ComparedTime: null, Having: null, Limit: null, ShareOfTime: false } query
            || query.Filters.Count(f => !f.Negated && f.Values.Count >= 2) != 1)
        {
            return parsed;
        }

        QueryFilter listed = query.Filters.First(f => !f.Negated && f.Values.Count >= 2);
        if (query.Dimension is { } by && by.Key != listed.Dimension)
        {
            return parsed;
        }

        string text = QuestionText.Normalize(question);
        Dictionary<string, int> said = new(StringComparer.Ordinal);
        foreach (LexiconEntry entry in layer.Lexicon.Candidates(text))
        {
            if (entry is not { Kind: LexiconKind.Filter, FilterDimension: { } level, Values: [string value] } || level.Key != listed.Dimension || !listed.Values.Contains(value))
            {
                continue;
            }

            int count = 0;
            for (int at = text.IndexOf(entry.Padded, StringComparison.Ordinal); at >= 0; at = text.IndexOf(entry.Padded, at + entry.Padded.Length - 1, StringComparison.Ordinal))
            {
                count++;
            }

            if (count > 0)
            {
                said[value] = said.GetValueOrDefault(value) + count;
                text = text.Replace(entry.Padded, " # ", StringComparison.Ordinal);
            }
        }

        if (!listed.Values.All(v => said.GetValueOrDefault(v) is 1 or 2))
        {
            return parsed;
        }

        List<string> part = [.. listed.Values.Where(v => said[v] == 2)];
        if (part.Count == 0 || part.Count == listed.Values.Count)
        {
            return parsed;
        }

        AnalyticsQuery whole = query with { Share = false, Dimension = null, WithinGroups = false };
        QueryFilter partFilter = listed with { Values = part, Phrase = string.Join(" or ", part), Group = false };
        List<QueryFilter> filters = [.. query.Filters.Select(f => ReferenceEquals(f, listed) ? partFilter : f)];
        return parsed with { Query = query with { Dimension = null, WithinGroups = false, Filters = filters, ShareWhole = whole } };
    }
}

using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>Values listed as one: a group with its members in brackets, and values added with "plus".</content>
internal static partial class QuestionParser
{
    // What lies between two values joined as either one: "or", "or in", "or from", "or the".
    [GeneratedRegex(@"^ *or(?: in| from| on| at| via| through)?(?: the)? *$", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OrJoinRegex();

    // Words that make "<value> or <value>" a choice between them, or ask for each of them; not a threshold said with them
    // ("more than 500", "at least one", "3 or more", red team rt7).
    [GeneratedRegex(@" (?:which|whichever|each|every|respectively|separately|split|compare|compared|comparison|versus|vs|(?<!(?:at|or) )(?:more|fewer|less|higher|lower|bigger|larger|smaller|better|worse)(?! than)|(?<!at )(?:most|least)|fewest|highest|lowest|biggest|largest|smallest|best|worst|top|bottom|rank|ranked|difference|breakdown|broken) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OrChoiceRegex();

    [GeneratedRegex(@" (?:more|most|fewer|less|least|higher|lower|bigger|larger|smaller|greater|over|above|under|below) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ThresholdWordRegex();

    // "events from mobile (<member> + <member>)": a group word with its members said after it is the group, not a comparison of
    // the members; null when neither filter is a group holding the other's values.
    private static QueryFilter? GroupWithMembers(QueryFilter first, QueryFilter second)
    {
        if (first.Group && second.Values.All(first.Values.Contains))
        {
            return first with { NamesMeasure = first.NamesMeasure || second.NamesMeasure };
        }

        return second.Group && first.Values.All(second.Values.Contains) ? second with { Negated = first.Negated, NamesMeasure = first.NamesMeasure || second.NamesMeasure } : null;
    }

    // "share of events from <device> plus <device>" ("+" is written "plus"): the values added together are one filter on all
    // of them, as a group word would say it, not a comparison of each.
    // "how many carts were abandoned by people in <city> or <city>": values joined by "or" are one filter on either, one
    // total, unless the question chooses between them ("which", "more", "each", "vs", "by", ...).
    private static void MarkPlusLists(string text, List<(QueryFilter Filter, int At)> placed)
    {
        // A share keeps a threshold word as a choice (its whole loses the values otherwise, red team rt7).
        bool orIsOne = !OrChoiceRegex().IsMatch(text) && !(ShareWordRegex().IsMatch(text) && ThresholdWordRegex().IsMatch(text));
        for (int i = 0; i < placed.Count; i++)
        {
            (QueryFilter first, int at) = placed[i];
            int end = at + first.Phrase.Length;
            int next = placed.FindIndex(p => p.Filter.Dimension == first.Dimension && !p.Filter.Negated && !first.Negated && p.At > end
                && (text[end..p.At].Trim() is "plus" or "+" || (orIsOne && OrJoinRegex().IsMatch(text[end..p.At]))));
            if (next >= 0)
            {
                placed[i] = (first with { Group = true }, at);
                placed[next] = (placed[next].Filter with { Group = true }, placed[next].At);
            }
        }
    }

    // "<word> vs <word> - how many customers came from each", where both words are one value of the data: the comparison has
    // one side; declined naming them, never answered as the one value.
    private static string? SameValueCompared(List<(QueryFilter Filter, int At)> placed)
    {
        foreach ((QueryFilter first, int at) in placed)
        {
            if (placed.Find(p => p.At != at && p.Filter.Dimension == first.Dimension && p.Filter.Negated == first.Negated && p.Filter.Phrase != first.Phrase
                && p.Filter.Values.Count == first.Values.Count && p.Filter.Values.All(first.Values.Contains)) is { Filter: { } second })
            {
                return $"\"{first.Phrase}\" and \"{second.Phrase}\" are the same value in the data ({string.Join(", ", first.Values)}), so they cannot be compared; ask about {string.Join(", ", first.Values)}";
            }
        }

        return null;
    }

    // "average cart value per customer country", "revenue by customer city": a customer attribute named after "customer" is
    // the breakdown by that attribute ("per country"), not a split per single customer.
    private static string CustomerAttributeSaid(string text, SemanticLayer layer)
    {
        if (!text.Contains(" customer", StringComparison.Ordinal))
        {
            return text;
        }

        return CustomerAttributeRewritten(text, layer);
    }
}

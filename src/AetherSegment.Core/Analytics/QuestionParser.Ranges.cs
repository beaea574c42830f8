namespace AetherSegment.Analytics;

// Two time ranges in one question, each on its own part: "abandoned a cart in the last 7 days and haven't bought
// anything in the last 30 days".
internal static partial class QuestionParser
{
    // A range said right after the one "never" part (masked by then; its pattern ends before a time word) when the question
    // holds two different ranges: that range is the never part's own, masked here so the other stays the question's.
    private static string ReadNeverRange(string text, int neverCount, out RelativeTimeRange? neverTime)
    {
        neverTime = null;
        if (neverCount != 1)
        {
            return text;
        }

        List<RelativeTimeRange> all = [];
        string masked = ReadTimeRanges(text, all, quarters: true);
        if (all.Count != 2 || all[0] == all[1] || masked.Length != text.Length)
        {
            return text;
        }

        List<(int Start, int End)> spans = RangeSpans(text, masked);
        List<(int Start, int End)> afterNever = spans.FindAll(s => text[..s.Start].TrimEnd() is { Length: > 0 } before && before[^1] == '#');
        if (spans.Count != 2 || afterNever.Count != 1)
        {
            return text;
        }

        (int from, int to) = afterNever[0];
        if (RangeSaid(text[from..to]) is not { } own)
        {
            return text;
        }

        neverTime = own;
        return string.Concat(text.AsSpan(0, from), new string('#', to - from), text.AsSpan(to));
    }

    // One range said last, right after the one "never" part ("abandoned a cart and have not purchased anything in the
    // last 30 days"): it is that part's own, the other conditions are over all time. Read on the text with the never part
    // masked: the single range's span follows the mask and only punctuation follows the span.
    private static bool TrailsTheNeverPart(string text, int neverCount)
    {
        if (neverCount != 1)
        {
            return false;
        }

        List<RelativeTimeRange> all = [];
        string masked = ReadTimeRanges(text, all, quarters: true);
        if (all.Count != 1 || masked.Length != text.Length)
        {
            return false;
        }

        return RangeSpans(text, masked) is [(int start, int end)] && text[..start].TrimEnd() is { Length: > 0 } before && before[^1] == '#'
            && text[end..].All(c => !char.IsLetterOrDigit(c));
    }

    // Where the ranges were read: the runs masked in the range reading that were not masked before it.
    private static List<(int Start, int End)> RangeSpans(string text, string masked)
    {
        List<(int Start, int End)> spans = [];
        for (int i = 0; i < text.Length; i++)
        {
            if (masked[i] == '#' && text[i] != '#')
            {
                int start = i;
                while (i < text.Length && masked[i] == '#' && text[i] != '#')
                {
                    i++;
                }

                spans.Add((start, i));
            }
        }

        return spans;
    }

    // The trailing range of TrailsTheNeverPart moved from every condition to the never part: a count of customers with a
    // negated condition and another, not negated, on timed rows.
    private static ParsedQuestion ApplyTrailingNeverRange(SemanticLayer layer, ParsedQuestion parsed, List<MeasureDefinition> never, bool trails)
    {
        if (!trails || parsed.Query is not { Time: { } time, TimeOnConditions: true } query || !ReferenceEquals(query.Measure, layer.CustomerCount)
            || query is not { Share: false, Ratio: null, FilterRatio: null, ComparedTime: null, Dimension: null or { OnCustomers: true } })
        {
            return parsed;
        }

        int index = query.Conditions.ToList().FindIndex(c => c.Negated && never.Contains(c.Measure) && c.Time is null);
        if (index < 0 || query.Conditions.Count(c => c.Negated) != 1
            || !query.Conditions.Where((c, i) => i != index).Any(c => !c.Negated && c.Time is null && layer.Fact(c.Measure.Fact)?.Time is not null))
        {
            return parsed;
        }

        List<CustomerCondition> conditions = [.. query.Conditions];
        conditions[index] = conditions[index] with { Time = time };
        return parsed with { Query = query with { Conditions = conditions, Time = null, TimeOnConditions = false } };
    }

    // The never part takes its own range; the question's range stays on the other conditions. Only on a count of
    // customers with another timed condition (otherwise the other range would have no part of its own).
    private static ParsedQuestion ApplyNeverRange(SemanticLayer layer, ParsedQuestion parsed, List<MeasureDefinition> never, RelativeTimeRange? neverTime)
    {
        if (neverTime is null || parsed.Query is not { } query)
        {
            return parsed;
        }

        int index = query.Conditions.ToList().FindIndex(c => c.Negated && never.Contains(c.Measure) && c.Time is null);
        if (!ReferenceEquals(query.Measure, layer.CustomerCount) || index < 0 || query.Time is null || !query.TimeOnConditions
            || query is not { Share: false, Ratio: null, FilterRatio: null, ComparedTime: null, Dimension: null or { OnCustomers: true } }
            || !query.Conditions.Where((c, i) => i != index && !c.Negated).Any(c => layer.Fact(c.Measure.Fact)?.Time is not null))
        {
            return ParsedQuestion.Unplaced($"two time ranges: I read {neverTime.Phrase} on \"never\" but could not tell which part {query.Time?.Phrase ?? "the other"} belongs to; ask with one range, as in \"how many {People(layer)} abandoned a cart in the last 7 days and haven't ordered in the last 7 days\"");
        }

        List<CustomerCondition> conditions = [.. query.Conditions];
        conditions[index] = conditions[index] with { Time = neverTime };
        return parsed with { Query = query with { Conditions = conditions } };
    }
}

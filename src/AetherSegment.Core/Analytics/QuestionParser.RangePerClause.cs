namespace AetherSegment.Analytics;

// Two ranges, each said at the end of its own clause (stop 58): "how many customers abandoned a cart in the last 7 days and
// bought something in the last 30 days", "bought <A> in 2025 and bought <B> this year". The question is read three times: the
// first clause with its range, "how many <people>" and the second clause with its range, and the whole question with both
// ranges taken out. It is answered only when the whole reading is a plain count of people whose timed conditions are,
// one for one, those of the two clauses: each then keeps its clause's range. Anything else (a condition the clauses do
// not account for, a condition said in both beside others, a figure other than a count of people) stays declined.
internal static partial class QuestionParser
{
    private static readonly string[] s_clauseJoins = [" and also ", " and ", " but also ", " but ", " yet "];

    private static ParsedQuestion? ReadRangePerClause(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds)
    {
        string text = QuestionText.Normalize(question);
        if (!text.Contains(" and ", StringComparison.Ordinal) && !text.Contains(" but ", StringComparison.Ordinal) && !text.Contains(" yet ", StringComparison.Ordinal))
        {
            return null;
        }

        List<RelativeTimeRange> times = [];
        string masked = ReadTimeRanges(text, times, quarters: true);
        if (times is not [{ IsPreceding: false }, { IsPreceding: false }] || times[0] == times[1] || masked.Length != text.Length
            || RangeSpans(text, masked) is not [(int firstStart, int firstEnd), (int secondStart, int secondEnd)]
            || RangeSaid(text[firstStart..firstEnd]) is not { } firstTime || RangeSaid(text[secondStart..secondEnd]) is not { } secondTime || firstTime == secondTime)
        {
            // The ranges are read pattern by pattern, not in the order said: each span is read again on its own.
            return null;
        }

        // The second range ends the question, and the first clause ends at its range: a join right after it.
        if (!IsBlank(text.AsSpan(secondEnd)) || ClauseJoinAfter(text, firstEnd, secondStart) is not { } join)
        {
            return null;
        }

        string first = text[..join.FirstEnd] + " ";
        string second = $" how many {People(layer)} {text[join.SecondStart..].TrimStart()}";
        string whole = $"{text[..firstStart]} {text[firstEnd..secondStart]} {text[secondEnd..]}";
        if (CountOfPeople(first, layer, campaignNames, campaignIds) is not { Time: { } firstRead } firstQuery || firstRead != firstTime
            || CountOfPeople(second, layer, campaignNames, campaignIds) is not { Time: { } secondRead } secondQuery || secondRead != secondTime
            || ReadAnswered(whole, layer, campaignNames, campaignIds) is not { Status: AnalyticsAnswerStatus.Answered, Query: { } wholeRead } parsed
            || AsCustomers(wholeRead, layer) is not { Time: null } wholeQuery || !PlainCount(wholeQuery))
        {
            return null;
        }

        List<CustomerCondition> firstTimed = Timed(firstQuery, layer);
        List<CustomerCondition> secondTimed = Timed(secondQuery, layer);
        if (firstTimed is [{ } once] && secondTimed is [{ } again] && SameCondition(once, again) && Timed(wholeQuery, layer) is [{ } both] && SameCondition(both, once))
        {
            // "bought in 2025 and bought this year": one condition said in each range, kept in both.
            List<CustomerCondition> twice = [.. wholeQuery.Conditions.Where(c => !ReferenceEquals(c, both)), both with { Time = firstTime }, both with { Time = secondTime }];
            return parsed with { Query = wholeQuery with { Conditions = twice, Time = null, TimeOnConditions = false } };
        }

        List<CustomerCondition> conditions = [];
        int placed = 0;
        foreach (CustomerCondition condition in wholeQuery.Conditions)
        {
            if (layer.Fact(condition.Measure.Fact)?.Time is null)
            {
                conditions.Add(condition);
                continue;
            }

            bool inFirst = firstTimed.Exists(c => SameCondition(c, condition));
            bool inSecond = secondTimed.Exists(c => SameCondition(c, condition));
            if (inFirst == inSecond)
            {
                // Placed by neither clause, or said the same in both (which range?): declined as before.
                return null;
            }

            conditions.Add(condition with { Time = inFirst ? firstTime : secondTime });
            placed++;
        }

        if (placed != firstTimed.Count + secondTimed.Count || firstTimed.Count == 0 || secondTimed.Count == 0)
        {
            return null;
        }

        return parsed with { Query = wholeQuery with { Conditions = conditions, Time = null, TimeOnConditions = false } };
    }

    // The one range a span of the question says, read on its own (also the never part's, QuestionParser.Ranges.cs).
    private static RelativeTimeRange? RangeSaid(string span)
    {
        List<RelativeTimeRange> own = [];
        ReadTimeRanges(" " + span + " ", own, quarters: true);
        return own is [{ } time] ? time : null;
    }

    // A text read as a count of people over one range, with every condition on the range: its query, or null.
    private static AnalyticsQuery? CountOfPeople(string text, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds) =>
        ReadAnswered(text, layer, campaignNames, campaignIds) is { Status: AnalyticsAnswerStatus.Answered, Query: { } read }
        && AsCustomers(read, layer) is { TimeOnConditions: true } customers && PlainCount(customers)
            ? customers
            : null;

    private static bool PlainCount(AnalyticsQuery query) =>
        query is { Dimension: null, Limit: null, Share: false, Ratio: null, FilterRatio: null, ComparedTime: null, Having: null, RowComparison: null, Statistic: null, PerPeriod: null }
        && query.Conditions.All(c => c.Time is null && !c.AllTime);

    private static List<CustomerCondition> Timed(AnalyticsQuery query, SemanticLayer layer) =>
        query.Conditions.Where(c => layer.Fact(c.Measure.Fact)?.Time is not null).ToList();

    // The join that opens the second clause: the first of "and", "but", "yet" after the first range, with nothing but
    // spaces before it; where the first clause ends and where the second starts.
    private static (int FirstEnd, int SecondStart)? ClauseJoinAfter(string text, int from, int to)
    {
        ReadOnlySpan<char> between = text.AsSpan(from, to - from);
        int spaces = between.Length - between.TrimStart(' ').Length;
        foreach (string word in s_clauseJoins)
        {
            if (between[spaces..].StartsWith(word.AsSpan(1), StringComparison.Ordinal))
            {
                return (from + spaces, from + spaces + word.Length - 1);
            }
        }

        return null;
    }

    private static bool IsBlank(ReadOnlySpan<char> rest)
    {
        foreach (char c in rest)
        {
            if (char.IsLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}

using System.Text.RegularExpressions;
using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

// Two ranges on two parts (stop 40): "customers who bought <a category> in 2025 and again in 2026", "bought in 2025 but
// not in 2026 (to date)", "in both 2025 and 2026", and the retention share "of the customers who bought something in 2025,
// what percent bought again in 2026". The question is read with its first range; the one purchase condition it holds is
// then kept in each range (negated in the second for "but not"). Anything else said about the parts stays declined.
internal static partial class QuestionParser
{
    private static ParsedQuestion? ReadTwoRanges(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds)
    {
        string text = QuestionText.Normalize(question);
        // A cheap word test first: two ranges are said with "again", "also", "both" or "not".
        if (!text.Contains(" again ", StringComparison.Ordinal) && !text.Contains(" also ", StringComparison.Ordinal)
            && !text.Contains(" both ", StringComparison.Ordinal) && !text.Contains(" not ", StringComparison.Ordinal)
            && !text.Contains(" nothing ", StringComparison.Ordinal))
        {
            return null;
        }

        if (RetentionRegex().Match(text) is { Success: true } retention)
        {
            return ReadRetention(retention, layer, campaignNames, campaignIds);
        }

        Match said = TwoRangesRegex().Match(text);
        if (!said.Success)
        {
            return null;
        }

        bool negated = said.Groups["not"].Success;
        if (!negated && !said.Groups["again"].Success && !(said.Groups["both"].Success && said.Groups["bothword"].Success))
        {
            return null;
        }

        string first = $"{said.Groups["head"].Value} in {said.Groups["r1"].Value}{said.Groups["tail"].Value} ";
        if (ReadAnswered(first, layer, campaignNames, campaignIds) is not { Status: AnalyticsAnswerStatus.Answered, Query: { } read } parsed
            || AsCustomers(read, layer) is not { Time: { } firstTime } customers || SecondRange(said.Groups["r2"].Value) is not { } secondTime
            || firstTime == secondTime || PurchaseInRange(customers, layer) is not { } index)
        {
            return null;
        }

        if (!TwoRangesInOrder(firstTime, secondTime))
        {
            return null;
        }

        CustomerCondition bought = customers.Conditions[index];
        if (negated && bought.Filters.Count > 0 && NothingAtAllRegex().IsMatch(said.Groups["not"].Value))
        {
            // "bought <a category> in 2025 but nothing in 2026": nothing at all, or nothing of it? Left declined.
            return null;
        }

        List<CustomerCondition> conditions = [.. customers.Conditions];
        conditions[index] = bought with { Time = firstTime };
        conditions.Insert(index + 1, bought with { Time = secondTime, Negated = negated });
        return parsed with { Query = customers with { Conditions = conditions, Time = null, TimeOnConditions = false } };
    }

    // "of the customers who bought something in 2025, what percent bought again in 2026": the whole is the buyers of the
    // first range, the part those of them who also bought (the same, for "again") in the second.
    private static ParsedQuestion? ReadRetention(Match retention, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds)
    {
        if (ReadAnswered($" how many {retention.Groups["whole"].Value} ", layer, campaignNames, campaignIds) is not { Status: AnalyticsAnswerStatus.Answered, Query: { } read } parsed
            || AsCustomers(read, layer) is not { Time: { } firstTime } customers || SecondRange(retention.Groups["r2"].Value) is not { } secondTime
            || firstTime == secondTime || PurchaseInRange(customers, layer) is not { } index)
        {
            return null;
        }

        CustomerCondition bought = customers.Conditions[index];
        if (!retention.Groups["again"].Success && bought.Filters.Count > 0)
        {
            // "bought <a category> in 2025, what percent bought in 2026": the same category or anything? Left declined.
            return null;
        }

        List<CustomerCondition> wholeConditions = [.. customers.Conditions];
        wholeConditions[index] = bought with { Time = firstTime };
        AnalyticsQuery whole = customers with { Conditions = wholeConditions, Time = null, TimeOnConditions = false };
        AnalyticsQuery part = whole with { Conditions = [.. wholeConditions, bought with { Time = secondTime }], Share = true, ShareWhole = whole };
        return parsed with { Query = part };
    }

    // The one purchase condition of a plain count of customers, read over the question's range: its index, or null.
    private static int? PurchaseInRange(AnalyticsQuery query, SemanticLayer layer)
    {
        if (!ReferenceEquals(query.Measure, layer.CustomerCount) || !query.TimeOnConditions
            || query is not { Dimension: null, Limit: null, Share: false, Ratio: null, FilterRatio: null, ComparedTime: null, Having: null, RowComparison: null, Statistic: null, PerPeriod: null })
        {
            return null;
        }

        int index = -1;
        for (int i = 0; i < query.Conditions.Count; i++)
        {
            CustomerCondition condition = query.Conditions[i];
            if (condition.Measure.Fact is EntityKind.Customers or EntityKind.Scores)
            {
                continue;
            }

            if (index >= 0 || condition.Negated || condition.Time is not null || condition.AllTime || condition.Measure.Name != "buyers"
                || condition.Comparison is not null || condition.RowComparison is not null)
            {
                return null;
            }

            index = i;
        }

        return index < 0 ? null : index;
    }

    // A named month or quarter (stop 54) only beside one of the same kind, both with their years, or both without and the
    // first earlier in the calendar ("in October but not in November"); "in December but not in January" (which year?) is
    // left declined.
    private static bool TwoRangesInOrder(RelativeTimeRange first, RelativeTimeRange second)
    {
        bool named = first.Kind is TimeRangeKind.NamedMonth or TimeRangeKind.NamedQuarter || second.Kind is TimeRangeKind.NamedMonth or TimeRangeKind.NamedQuarter;
        return !named || (first.Kind == second.Kind && ((first.Year > 0 && second.Year > 0) || (first.Year == 0 && second.Year == 0 && first.Amount < second.Amount)));
    }

    private static RelativeTimeRange? SecondRange(string said)
    {
        List<RelativeTimeRange> times = [];
        string rest = ReadTimeRanges($" in {said} ", times, quarters: true);
        return times is [{ } time] && rest.AsSpan().Trim([' ', '#']).IsEmpty ? time : null;
    }

    // A year, this or last year, or (stop 54) a named month or quarter with or without its year.
    private const string TwoRangesPeriod = @"\d{4}|last year|this year|(?:january|february|march|april|may|june|july|august|september|october|november|december|q[1-4])(?: \d{4})?";

    [GeneratedRegex(@"^(?<head> .+?) (?:(?:in|during) |(?=(?:this|last) year ))(?<bothword>both )?(?<r1>" + TwoRangesPeriod + @") (?:(?<both>and (?:in |during )?)|(?:and|but) (?<again>(?:also |then )?(?:again|also|once more) (?:in|during) )|(?:and|but) (?<not>(?:not|nothing|did not buy anything|didnt buy anything|did not buy|didnt buy|not at all)(?: at all)? (?:in|during) ))(?<r2>" + TwoRangesPeriod + @")(?: to date| so far| until now| year to date)?(?<tail>(?: (?:how many|in total|total|overall))?) ?$", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex TwoRangesRegex();

    [GeneratedRegex(@"^ (?:retention(?: check| question| rate)? )?(?:of|among|amongst|out of) (?:the |all |all the |our |those )?(?<whole>(?:customers|people|shoppers|buyers) (?:who|that) (?:bought|purchased|ordered|made a purchase)(?: something| anything)?(?: .+?)? (?:(?:in|during) \d{4}|(?:(?:in|during) )?(?:last year|this year))) (?:what|which) (?:share|percentage|percent|proportion|fraction|pct)(?: of (?:them|those|these))? (?:(?<again>also) )?(?:bought|purchased|ordered|made a purchase|came back and bought)(?: something| anything)?(?: (?<again>again))? (?:(?:in|during) |(?=(?:this|last) year))(?<r2>\d{4}|last year|this year)(?: to date| so far| until now)? ?$", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex RetentionRegex();

    [GeneratedRegex(@"nothing|anything|at all", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NothingAtAllRegex();
}

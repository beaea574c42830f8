using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

// Stop 39 (exclusions, campaigns and periods): one time range said once beside two different conditions.
internal static partial class QuestionParser
{
    // Words that may come before a range said first for the whole question ("in the last 30 days, how many customers ...",
    // "how many customers in the last 30 days ..."): the range then covers every part.
    private static readonly HashSet<string> RangeLeadWords = new(StringComparer.Ordinal)
    {
        "how", "many", "count", "number", "of", "the", "total", "distinct", "unique", "what", "whats", "is", "was", "were", "are",
        "did", "do", "we", "have", "had", "in", "during", "over", "within", "for", "from", "since", "across", "all", "show", "give",
        "me", "tell", "please",
    };

    // "count customers who used <an event type> and also made a purchase in the last 30 days": the range said once could be
    // on both parts or only on the nearest (the purchase; the other at any time). A count with two positive conditions of
    // different kinds (another table, another event type) on timed rows, one range said once and not before both parts, is
    // asked back with the two readings. Said for each part ("... in the last 30 days and ... in the last 30 days"), or first
    // for the whole question, it covers both.
    private static ParsedQuestion RangeOnSeveralParts(string question, SemanticLayer layer, ParsedQuestion parsed)
    {
        if (parsed.Query is not { Time: { } time, ComparedTime: null } query || query.Conditions.Count < 2)
        {
            return parsed;
        }

        List<CustomerCondition> timed = [.. query.Conditions.Where(c => !c.Negated && c.Time is null && !c.AllTime
            && layer.Fact(c.Measure.Fact) is { Time: not null, IsCustomerGrain: false })];
        // "with any events" beside "had add to cart events": implied by the other, not a part of its own.
        timed.RemoveAll(c => c.Filters.Count == 0 && c.Comparison is null && c.RowComparison is null
            && timed.Exists(o => !ReferenceEquals(o, c) && o.Measure.Fact == c.Measure.Fact && o.Filters.Count > 0));
        List<string> kinds = [.. timed.Select(c => c.Measure.Fact + ":" + string.Join(",", c.Filters.Where(f => f.Dimension == "event_type").SelectMany(f => f.Values).Order(StringComparer.Ordinal))).Distinct(StringComparer.Ordinal)];
        if (kinds.Count < 2)
        {
            return parsed;
        }

        string text = QuestionText.Normalize(question);

        // "... in the last 30 days, what % also added to cart in that window": the second part says the range again (QuestionParser.EventsSessionsFunnels.cs).
        if (SamePeriodSaid(text))
        {
            return parsed;
        }

        List<RelativeTimeRange> all = [];
        string masked = ReadTimeRanges(text, all, quarters: true);
        List<(int Start, int End)> spans = masked.Length == text.Length ? RangeSpans(text, masked) : [];
        if (spans.Count >= 2 || (spans.Count == 1 && text[..spans[0].Start].Split([' ', ',', ':', '-', '?', '.', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
                .All(w => RangeLeadWords.Contains(w) || layer.CustomerCount.Synonyms.Contains(w) || layer.CustomerWords.Contains(w))))
        {
            return parsed;
        }

        // "had <A> and <B> events in the last 30 days": one verb (or none) over both parts, so the range is both's; "of the
        // customers who <A> in the last 7 days, how many <B> in that same 7 days": the range said again for the second part
        // (QuestionParser.PerCustomerWindows.cs).
        if (BaseThenSameWindowRegex().IsMatch(text) || text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => PurchaseVerbs.Contains(w) || EventVerbs.Contains(w)) <= 1)
        {
            return parsed;
        }

        List<string> parts = [.. timed.Select(Part).Distinct(StringComparer.Ordinal)];
        string said = RangeSaid(time);
        return ParsedQuestion.Unplaced(
            $"\"{time.Phrase}\" is said once for two parts ({string.Join("; ", parts)}): it could cover both, or only the part said next to it "
            + $"(the other at any time); say the range for each part, as in \"{People(layer)} who {parts[0]} {said} and {parts[^1]} {said}\"") with { Partial = query };
    }

    // "bought <A> but nothing from <B>", "... and nothing in <B>": never anything from <B>, as "but never anything from <B>"
    // reads (a range said after <B> stays the question's: "this year but nothing from <B> this year" is one range said twice).
    private static string ButNothingFrom(string text) =>
        text.Contains(" nothing ", StringComparison.Ordinal) ? ButNothingFromRegex().Replace(text, " but never anything from ") : text;

    [GeneratedRegex(@" (?:but|and|yet) (?:bought |purchased |ordered )?nothing (?:at all )?(?:from|in|of) (?!(?:the |a |an )?(?:last|this|past|previous|recent|same|that|those|these|\d)\b)(?=[a-z])", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ButNothingFromRegex();

    // "high churn risk customers (churn probability above 0.7)", "at-risk shoppers (churn probability over 0.6)": a label
    // defined by the lower bound said right after it is that bound alone ("low risk ... above" is left as it was).
    internal static string LabelDefinedByThreshold(string text)
    {
        if (!text.Contains("risk", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        return ChurnRiskLabelRegex().Replace(text, "${noun} (with ");
    }

    [GeneratedRegex(@"\b(?:(?:very|highly) )?(?:high|at)[ -]?(?:churn[ -])?risk (?<noun>customers|people|shoppers|clients|users|buyers) \((?:(?:with|whose|with a|who have a|that have a|having a) )?(?=churn probability (?:is )?(?:over|above|greater|more|higher|at least|of over|of at least)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ChurnRiskLabelRegex();

    // A range as said after a verb: "in the last 30 days", "this year", "in 2025".
    private static string RangeSaid(RelativeTimeRange time) =>
        time.Phrase.StartsWith("last ", StringComparison.Ordinal) && time.Phrase.Length > 5 && char.IsDigit(time.Phrase[5]) ? "in the " + time.Phrase
        : time.Phrase.StartsWith("this ", StringComparison.Ordinal) || time.Phrase.StartsWith("last ", StringComparison.Ordinal) || time.Phrase == "yesterday" || time.Phrase == "today" ? time.Phrase
        : "in " + time.Phrase;

    // A condition in words for the readings asked back: "had <event type> events", "bought".
    private static string Part(CustomerCondition condition)
    {
        string filters = string.Join(", ", condition.Filters.Where(f => f.Dimension != "event_type").Select(f => f.Phrase));
        string what = condition.Filters.FirstOrDefault(f => f.Dimension == "event_type") is { } type
            ? $"had {string.Join(" or ", type.Values)} events"
            : condition.Measure.Fact == AetherSegment.Profiles.EntityKind.Orders ? "bought" : $"had {condition.Measure.Label}";
        return filters.Length == 0 ? what : $"{what} ({filters})";
    }
}

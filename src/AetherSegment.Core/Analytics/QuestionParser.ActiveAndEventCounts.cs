using System.Text;
using System.Text.RegularExpressions;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

// Customers' events said otherwise, read only where the rest of the parser declined: "customers who were active (any
// behavioral event) in the last 30 days", "active customers in the last 7 days" (customers with any event in the range),
// "customers with more than 10 <event type value>s" (that many events of the type each), "customers who have logged more
// than 20 behavioural events" (logging them adds nothing to the count).
internal static partial class QuestionParser
{
    private static ParsedQuestion? ReadActiveAndEventCounts(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds)
    {
        if (layer.Measure("events") is not { Missing: null })
        {
            return null;
        }

        string text = OnThatDeviceSaid(QuestionText.Normalize(question));
        bool active = false;
        bool explained = false;
        if (text.Contains(" active ", StringComparison.Ordinal))
        {
            text = ActiveRegex().Replace(text, m =>
            {
                active = true;
                explained |= m.Groups["any"].Success;
                // "customers active (any behavioural event)": the customers who had one, not the events ("customers had any
                // events" reads the events' count).
                return m.Groups["who"].Success ? $" {m.Groups["who"].Value} who had any events "
                    : m.Groups["any"].Success && PersonBeforeRegex().IsMatch(text.AsSpan(0, m.Index + 1)) ? " who had any events " : " had any events ";
            });
        }

        bool logged = false;
        if (text.Contains(" logged ", StringComparison.Ordinal) || text.Contains(" generated ", StringComparison.Ordinal) || text.Contains(" triggered ", StringComparison.Ordinal))
        {
            text = LoggedCountRegex().Replace(text, m =>
            {
                logged = true;
                return m.Groups["have"].Success ? " have " : " had ";
            });
        }

        bool counted = false;
        if (ComparedNumberRegex().IsMatch(text))
        {
            text = EventsAfterCount(text, layer, ref counted);
        }

        if (!active && !logged && !counted)
        {
            return null;
        }

        ParsedQuestion parsed = ParseUnframed(text, layer, campaignNames, campaignIds, reasonNeeded: false);
        if (parsed.Query is not { } query)
        {
            return null;
        }

        // "Active" with neither a range nor what it means said ("how many active customers") could be any event ever or a
        // recent one: not read.
        // "active on both <device> and <device>" says what it means: events on each (QuestionParser.DevicesAndSessions.cs).
        return active && !explained && query.Time is null && !OnBothEventValues(query, text) ? null : parsed;
    }

    // "<number> <event type value>" not followed by "events": the events of the type, counted ("more than 10 product views").
    private static string EventsAfterCount(string text, SemanticLayer layer, ref bool counted)
    {
        EventTypeWords words = EventWordsOf(layer);
        Span<bool> present = words.Filters.Length <= 256 ? stackalloc bool[words.Filters.Length] : new bool[words.Filters.Length];
        EventFiltersPresent(text, words, present);
        for (int i = 0; i < words.Filters.Length; i++)
        {
            if (!present[i])
            {
                continue;
            }

            LexiconEntry entry = words.Filters[i];
            int at = text.IndexOf(entry.Padded, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            int end = at + entry.Padded.Length - 1;
            if (!NumberBeforeRegex().IsMatch(text.AsSpan(0, at + 1)) || string.CompareOrdinal(text, end, " event", 0, 6) == 0)
            {
                continue;
            }

            text = new StringBuilder(text).Insert(end, " events").ToString();
            counted = true;
            break;
        }

        return text;
    }

    // A customer noun after "active", a verb before it, or what it means said after it: a bare "active" is not read.
    private const string AnyEvent = @" \(?(?:with |having |meaning |i ?e |ie )?(?:any|at least one|an?) (?:behaviou?ral |site |app |website |web |tracked |recorded )?(?:events?|activity|interactions?)(?: at all| of any kind)?\)?";

    [GeneratedRegex(@"(?<= )active (?<who>customers|users|shoppers|people)(?= )|(?<= )(?:were|was|have been|has been|had been|are|is|been|being|stayed) active(?<any>" + AnyEvent + @")?(?= )|(?<= )active(?<any>" + AnyEvent + @")(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ActiveRegex();

    [GeneratedRegex(@" (?:customers|users|shoppers|people|buyers|members) $", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PersonBeforeRegex();

    [GeneratedRegex(@" (?:(?<have>have|has) )?(?:logged|generated|triggered)(?= (?:more than|over|at least|fewer than|less than|under|at most|exactly|no more than|no less than|between|\d))", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex LoggedCountRegex();

    [GeneratedRegex(@"(?<= )(?:\d{1,6}|" + LanguageWords.CountWordPattern + @") [a-z]", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ComparedNumberRegex();

    [GeneratedRegex(@"(?:(?:more than|over|above|at least|fewer than|less than|under|below|at most|exactly|no more than|no less than|and) (?:\d{1,6}|" + LanguageWords.CountWordPattern + @")|(?:\d{1,6}|" + LanguageWords.CountWordPattern + @") or (?:more|fewer|less)) $", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NumberBeforeRegex();
}

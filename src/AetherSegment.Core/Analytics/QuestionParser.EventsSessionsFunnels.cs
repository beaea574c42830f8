using System.Text.RegularExpressions;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

// Stop 43 (ask44): events, sessions and funnels said as people say them.
// - The one range said again of a second part in other words: "in those 7 days", "in the same 30-day window", "within that
//   30 day period" (the days said must be the range's), read as "in that same period"; a positive second part said so
//   shares the range ("of the customers who viewed a product in the last 30 days, what % also added to cart in that
//   window"), where a range said once beside two parts is otherwise asked back.
// - "both counted over the last 30 days" after a ratio of two event types: the range said again of both sides.
// - Events counted as "how many times" ("how many times have <product type> been added to a wishlist"), events "logged",
//   sessions that "included at least one <event type> event": read only where the rest of the parser declined.
// - A share out of the sessions that did something ("of the sessions with an add to cart, what share also had a checkout
//   start") is declined: a share of sessions per event type out of all sessions is another question.
internal static partial class QuestionParser
{
    /// <summary>
    /// On normalized text: "in those 7 days", "in the same 30 day window", "during that 30 day period" after a rolling range
    /// of that many days, said as "in that same period". The days must be the range's; other text is returned as is.
    /// </summary>
    private static string SameDaysSaid(string text)
    {
        // A cheap word test first: most questions say no "days"/"day" after "those"/"same"/"that".
        if (!text.Contains(" day", StringComparison.Ordinal)
            || (!text.Contains(" those ", StringComparison.Ordinal) && !text.Contains(" same ", StringComparison.Ordinal) && !text.Contains(" that ", StringComparison.Ordinal)))
        {
            return text;
        }

        if (SameDaysRegex().Match(text) is not { Success: true } same || !TryDays(same.Groups["n"].Value, out int days))
        {
            return text;
        }

        // The range said before it: the last rolling range of days.
        MatchCollection ranges = RollingDaysRegex().Matches(text[..same.Index]);
        if (ranges.Count == 0 || !TryDays(ranges[^1].Groups["n"].Value, out int before) || before != days)
        {
            return text;
        }

        return string.Concat(text.AsSpan(0, same.Index), " in that same period", text.AsSpan(same.Index + same.Length));

        static bool TryDays(string said, out int value) =>
            LanguageWords.TryReadCountWord(said, out value) || int.TryParse(said, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// The question as asked with <see cref="SameDaysSaid"/> read on it: its normalized words when the days said again are the
    /// range's ("in the same 30-day window" after "in the last 30 days"), the question as it is otherwise.
    /// </summary>
    private static string SameDaysSaidAsAsked(string question)
    {
        if (question.IndexOf("day", StringComparison.OrdinalIgnoreCase) < 0
            || (question.IndexOf("those", StringComparison.OrdinalIgnoreCase) < 0 && question.IndexOf("same", StringComparison.OrdinalIgnoreCase) < 0 && question.IndexOf("that", StringComparison.OrdinalIgnoreCase) < 0))
        {
            return question;
        }

        string normalized = QuestionText.Normalize(question);
        string said = SameDaysSaid(normalized);
        return ReferenceEquals(said, normalized) ? question : said;
    }

    /// <summary>Whether a second part says the one range again ("in that same period", "in that window", "in those 7 days").</summary>
    private static bool SamePeriodSaid(string normalized) =>
        (normalized.Contains(" same ", StringComparison.Ordinal) || normalized.Contains(" that ", StringComparison.Ordinal)
            || normalized.Contains(" this ", StringComparison.Ordinal) || normalized.Contains(" those ", StringComparison.Ordinal))
        && SamePeriodRegex().IsMatch(SameWindowSaid(SameDaysSaid(normalized)));

    /// <summary>
    /// On the question as asked: "..., both counted over the last 30 days", "both measured in the last 7 days": the range
    /// said again of both sides of a ratio; the words before the range are dropped (the range is read as said twice).
    /// </summary>
    private static string BothCountedSaid(string question)
    {
        if (question.IndexOf("both", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return question;
        }

        return BothCountedRegex().Replace(question, " ");
    }

    /// <summary>
    /// Events, sessions and funnels said otherwise, read only where the rest of the parser declined: "how many times" a thing
    /// was done (events of its type), events "logged", sessions with "at least one &lt;event type&gt; event". Null when none is
    /// said, or the question said so is not answered either.
    /// </summary>
    private static ParsedQuestion? ReadEventsSaidOtherwise(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds)
    {
        if (layer.Measure("events") is not { Missing: null })
        {
            return null;
        }

        string text = QuestionText.Normalize(question);
        bool times = text.Contains(" times ", StringComparison.Ordinal);
        bool logged = text.Contains(" logged ", StringComparison.Ordinal) || text.Contains(" recorded ", StringComparison.Ordinal) || text.Contains(" tracked ", StringComparison.Ordinal);
        bool sessions = text.Contains(" session", StringComparison.Ordinal) && text.Contains(" event", StringComparison.Ordinal);
        bool andNo = text.Contains(" and no ", StringComparison.Ordinal);
        if (!times && !logged && !sessions && !andNo)
        {
            return null;
        }

        string rewritten = text;
        if (andNo)
        {
            // "had an add to cart event in the last 30 days and no checkout start event in the same period": "and had no <event type>".
            rewritten = AndNoEventSaid(rewritten, layer);
        }

        bool countsEvents = false;
        if (times && HowManyTimesRegex().Match(rewritten) is { Success: true } howMany)
        {
            // "how many times ... bought" counts orders, not events: only a question with no purchase word.
            if (rewritten.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(PurchaseVerbs.Contains) || PurchaseVerbRegex().IsMatch(rewritten))
            {
                return null;
            }

            rewritten = string.Concat(rewritten.AsSpan(0, howMany.Index), " how many events ", rewritten.AsSpan(howMany.Index + howMany.Length));
            countsEvents = true;
        }

        if (logged)
        {
            rewritten = LoggedRegex().Replace(rewritten, " ");
            countsEvents = true;
        }

        bool sessionsCounted = false;
        if (sessions)
        {
            string before = rewritten;
            rewritten = SessionsWithEventRegex().Replace(rewritten, " ${verb} ${type} ");
            rewritten = DropEventNounOfSessions(rewritten, layer);
            sessionsCounted = !string.Equals(before, rewritten, StringComparison.Ordinal);
        }

        if (string.Equals(rewritten, text, StringComparison.Ordinal))
        {
            return null;
        }

        ParsedQuestion parsed = ParseOnce(rewritten, layer, campaignNames, campaignIds, reasonNeeded: false);
        if (parsed.Status != AnalyticsAnswerStatus.Answered && EventVerbsSaid(rewritten, layer) is { } verbs)
        {
            parsed = ParseOnce(verbs, layer, campaignNames, campaignIds, reasonNeeded: false);
        }

        // Only the reading the words said: events counted for "how many times" and "logged", sessions for sessions.
        return parsed is { Status: AnalyticsAnswerStatus.Answered, Query: { } query }
            && (!countsEvents || query.Measure.Name == "events")
            && (!sessionsCounted || query.Measure.Name == "sessions")
            && query is { Share: false, Ratio: null, FilterRatio: null }
            ? parsed
            : null;
    }

    // "... and no <event type> event": the negated part said without its verb, as "and had no <event type> event".
    private static string AndNoEventSaid(string text, SemanticLayer layer)
    {
        foreach ((int Start, int End, LexiconEntry Entry) span in EventSpans(text, layer).OrderByDescending(s => s.Start))
        {
            if (span.Start >= " and no ".Length - 1 && string.CompareOrdinal(text, span.Start - " and no ".Length, " and no ", 0, " and no ".Length) == 0)
            {
                text = string.Concat(text.AsSpan(0, span.Start - "no ".Length), "had no ", text.AsSpan(span.Start));
            }
        }

        return text;
    }

    // "how many sessions included a checkout start event": the event type said with "event" after it is the type, not a second
    // measure (events) beside the sessions counted.
    private static string DropEventNounOfSessions(string text, SemanticLayer layer)
    {
        if (!text.Contains(" sessions ", StringComparison.Ordinal))
        {
            return text;
        }

        foreach ((int Start, int End, LexiconEntry Entry) span in EventSpans(text, layer).OrderByDescending(s => s.Start))
        {
            int end = EventNounEnd(text, span.End);
            if (end > span.End && text[span.End..end].Trim() is "events" or "event")
            {
                text = string.Concat(text.AsSpan(0, span.End), text.AsSpan(end));
            }
        }

        return text;
    }

    /// <summary>
    /// "of the sessions with an add to cart, what share also had a checkout start": a share out of the sessions that did
    /// something, which a share of sessions per event type (out of all sessions) does not answer. The reason, or null.
    /// </summary>
    private static string? SessionsBaseReason(string normalized, AnalyticsQuery query)
    {
        // Only where the event types were read as the values compared (each type's share of all sessions).
        if (!query.Share || !normalized.Contains(" sessions ", StringComparison.Ordinal)
            || (query.Dimension?.Key != "event_type" && !query.Filters.Any(f => f.Dimension == "event_type"))
            || !SessionsWhoBaseRegex().IsMatch(normalized))
        {
            return null;
        }

        return "a share out of the sessions that had one event type (a funnel within each session) is not read yet; ask for the two counts, as in \"how many sessions had an add to cart\" and \"how many sessions had an add to cart and a checkout start\"";
    }

    // "in those 7 days", "in those same 30 days", "in the same 30 day window", "within that 30 day period", "over the same 14 days".
    [GeneratedRegex(@" (?:in|during|within|over|for|across) (?:those|these|the same|those same|that same|that) (?<n>\d{1,3}|" + LanguageWords.CountWordPattern + @") days?(?: (?:window|period|range|timeframe|time frame|span))?(?= |$)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SameDaysRegex();

    [GeneratedRegex(@" (?:last|past|previous|trailing|prior) (?<n>\d{1,3}|" + LanguageWords.CountWordPattern + @") days(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex RollingDaysRegex();

    // ", both counted over the last 30 days", "(both measured in the last 7 days)": the words before the range; "(both
    // purchases this year)" in brackets after "bought both ... and ..." (stop 49).
    [GeneratedRegex(@"[,;(]?\s*\b(?:(?:both|each) (?:counted|measured|computed|calculated|taken|summed)(?= (?:over|in|during|within|for|across) )|both (?:purchases|orders)(?= (?:(?:in|during|within) )?(?:this (?:year|quarter|month|week)|last (?:year|quarter|month|week)|the last \d{1,3} days|\d{4})\)))", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BothCountedRegex();

    // "how many times", "the number of times", "count of times", "how many separate times".
    [GeneratedRegex(@" (?:how many|the number of|number of|count of|total number of) (?:separate |different |individual )?times(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex HowManyTimesRegex();

    // "have been logged", "were logged", "got recorded", "logged": recording an event adds nothing to its count.
    [GeneratedRegex(@"(?<= )(?:(?:have|has|had) been |were |was |got |been |are |is )?(?:logged|recorded|tracked)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex LoggedRegex();

    // "sessions ... that included at least one <type> event", "with one or more <type> events": one such event is any.
    [GeneratedRegex(@" (?<verb>included|include|includes|including|contained|contain|contains|containing|had|has|have|having|with) (?:at least one|at least 1|one or more|1 or more|any|an?) (?<type>[a-z]+(?: [a-z]+){0,2}) events?(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SessionsWithEventRegex();

    // A share's base of sessions that did something: "of the sessions with ...", "among sessions that ...".
    [GeneratedRegex(@"(?<= )(?:of|among|out of|amongst) (?:the |all |those )?(?:[a-z]+ )?sessions (?:with|that|which|where|containing|including|having|in which)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SessionsWhoBaseRegex();
}

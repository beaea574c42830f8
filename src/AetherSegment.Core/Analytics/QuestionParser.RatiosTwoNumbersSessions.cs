using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// Stop 44 (ask51): ratios, "two numbers", devices and sessions. A comparison of two periods that asks for their ratio is
/// declined (it was answered with the two figures); "(two numbers)" said of a comparison is read, and said of anything
/// else declined; a group of values ("mobile") read together with a value outside it ("mobile vs web") is declined, or
/// answered as the group's share where the group's share is asked; an average session duration names how it counts
/// (each session once, or over the event rows) or is asked back with both readings.
/// </content>
internal static partial class QuestionParser
{
    /// <summary>"(two numbers)", "the 7 days before that", "(distinct session ids)": said as the parser reads them. On normalized text.</summary>
    private static string RephraseRatiosTwoNumbers(string text)
    {
        // "(two numbers)", "(two numbers, %)", "both figures": how the answer is given, checked against the reading in Ask51.
        if (text.Contains(" two ", StringComparison.Ordinal) || text.Contains(" both ", StringComparison.Ordinal) || text.Contains(" 2 ", StringComparison.Ordinal))
        {
            text = TwoNumbersRegex().Replace(text, m => new string(' ', m.Length));
        }

        // "revenue in the last 7 days vs the 7 days before that": the 7 days before, as "vs the 7 days before" says it.
        if (text.Contains(" before ", StringComparison.Ordinal))
        {
            text = BeforeThatRegex().Replace(text, m => new string(' ', m.Length));
        }

        // "Week-on-week: revenue in the last 7 days vs the 7 days before": a heading that names the comparison said after it,
        // not a breakdown by week.
        if (text.Contains(" on ", StringComparison.Ordinal) || text.Contains(" over ", StringComparison.Ordinal))
        {
            text = PeriodOnPeriodHeadingRegex().Replace(text, m => new string(' ', m.Length));
        }

        // "sessions by device (distinct session ids)": a number of sessions counts each session once already.
        if (text.Contains(" session id", StringComparison.Ordinal))
        {
            bool sessionsSaid = SessionsWordRegex().IsMatch(text);
            text = DistinctSessionIdsRegex().Replace(text, m => sessionsSaid ? new string(' ', m.Length) : "sessions" + new string(' ', m.Length - "sessions".Length));
        }

        return text;
    }

    // Readings that answered a different question on the unseen sets of stop 44 (blind38, blind39); a reason, or null.
    private static string? Ask51(string lower, AnalyticsQuery query, SemanticLayer layer)
    {
        bool two = lower.Contains("two", StringComparison.Ordinal) || lower.Contains("both", StringComparison.Ordinal) || lower.Contains(" 2 ", StringComparison.Ordinal);
        bool ratio = lower.Contains("ratio", StringComparison.Ordinal) || lower.Contains("divided", StringComparison.Ordinal) || lower.Contains('/') || lower.Contains("multiple", StringComparison.Ordinal) || lower.Contains("how many times", StringComparison.Ordinal);
        bool versus = lower.Contains("vs", StringComparison.Ordinal) || lower.Contains("versus", StringComparison.Ordinal) || lower.Contains("compared", StringComparison.Ordinal) || lower.Contains("against", StringComparison.Ordinal);
        if (!two && !ratio && !versus)
        {
            return null;
        }

        string normalized = QuestionText.Normalize(lower);

        // "revenue this month vs last month - ratio of this month to last month": one value, the later period divided by the
        // earlier, was answered with the two figures.
        if (ratio && query is { ComparedTime: not null, Ratio: null } && PeriodRatioRegex().Match(normalized) is { Success: true } periodRatio)
        {
            return $"\"{periodRatio.Value}\" asks for one period divided by the other, which I do not give yet; ask for the two figures (\"{query.Measure.Label} this month vs last month\") or the change in percent (\"{query.Measure.Label} growth this month vs last month\")";
        }

        // "orders this month vs last month (two numbers)": two figures, one for each side of the comparison.
        if (two && TwoNumbersRegex().Match(normalized) is { Success: true } twoNumbers && !TwoFiguresRead(query, layer))
        {
            return $"\"{twoNumbers.Value.Trim()}\" asks for two figures, one for each side of a comparison, but I read {TwoFiguresRestated(query)}; ask as in \"{query.Measure.Label} this month vs last month\"";
        }

        // "% of events on mobile vs web": a group of values ("mobile") read together with a value outside it.
        if (versus && query.Filters.FirstOrDefault(f => f.Group && !f.Negated && GroupWithOthers(f, layer) is not null) is { } merged && query.Dimension is null)
        {
            return $"\"{merged.Phrase}\" names a group ({string.Join(" and ", GroupWithOthers(merged, layer)!.Values)}) compared with values outside it, but I read them as one; ask for one side at a time, as in \"share of {query.Measure.Label} on {GroupWord(merged, layer)}\", or for a breakdown by {layer.Dimension(merged.Dimension)?.Label ?? "value"}";
        }

        return null;
    }

    // Whether the reading gives two figures: two periods side by side, or one row for each of two values or arms.
    private static bool TwoFiguresRead(AnalyticsQuery query, SemanticLayer layer)
    {
        if (query.ComparedTime is not null)
        {
            return !query.Growth;
        }

        if (query is not { Dimension: { } split, Share: false, Limit: null })
        {
            return false;
        }

        return query.Filters.Any(f => !f.Negated && (f.Dimension == split.Name || f.Dimension == split.Key) && f.Values.Count == 2)
            || split.Label.Contains("group", StringComparison.Ordinal);
    }

    private static string TwoFiguresRestated(AnalyticsQuery query) =>
        query.Dimension is { } split ? $"{query.Measure.Label} for each {split.Label}" : query.Growth ? $"the change in {query.Measure.Label}" : $"one figure of {query.Measure.Label}";

    // The vocabulary group a merged filter was said by, when the filter holds values outside it too.
    private static Profiles.VocabularyGroup? GroupWithOthers(QueryFilter filter, SemanticLayer layer)
    {
        foreach (Profiles.VocabularyGroup group in layer.Profile.Vocabulary.Groups)
        {
            if (group.Values.Count < filter.Values.Count && group.Values.All(v => filter.Values.Contains(v, StringComparer.OrdinalIgnoreCase))
                && group.Words.Any(w => (" " + filter.Phrase + " ").Contains(" " + w + " ", StringComparison.OrdinalIgnoreCase)))
            {
                return group;
            }
        }

        return null;
    }

    private static string GroupWord(QueryFilter filter, SemanticLayer layer) =>
        GroupWithOthers(filter, layer)?.Words.FirstOrDefault(w => (" " + filter.Phrase + " ").Contains(" " + w + " ", StringComparison.OrdinalIgnoreCase)) ?? filter.Phrase;

    /// <summary>
    /// "What fraction of events are on mobile (ios + android) vs web? give me the mobile share": the share of the group (out
    /// of all), where the group's own share is asked ("the mobile share", "mobile's share"); the query to answer, or null.
    /// </summary>
    private static AnalyticsQuery? GroupShareAsked(string lower, AnalyticsQuery query, SemanticLayer layer)
    {
        if (!query.Share || query.Dimension is not null || !lower.Contains("share", StringComparison.Ordinal))
        {
            return null;
        }

        int index = query.Filters.ToList().FindIndex(f => f.Group && !f.Negated && GroupWithOthers(f, layer) is not null);
        if (index < 0)
        {
            return null;
        }

        QueryFilter merged = query.Filters[index];
        Profiles.VocabularyGroup group = GroupWithOthers(merged, layer)!;
        string normalized = QuestionText.Normalize(lower);
        string? word = group.Words.FirstOrDefault(w => normalized.Contains(" " + w + " share ", StringComparison.Ordinal) || normalized.Contains(" " + w + " s share ", StringComparison.Ordinal)
            || normalized.Contains(" share of " + w + " ", StringComparison.Ordinal) || normalized.Contains(" share on " + w + " ", StringComparison.Ordinal));
        if (word is null)
        {
            return null;
        }

        List<QueryFilter> filters = [.. query.Filters];
        filters[index] = merged with { Values = [.. merged.Values.Where(v => group.Values.Contains(v, StringComparer.OrdinalIgnoreCase))], Phrase = word };
        return query with { Filters = filters };
    }

    /// <summary>
    /// How an average session duration counts: "per session", "each session once" (each session on its start row), or
    /// "across events", "per event row", "AVG(session_duration_seconds)" (every event row, a session weighing as many times
    /// as it has events). "Average session duration" with neither is read both ways by people who ask it (stops 43 and 44),
    /// so it is asked back; "session length" and "session time" have been meant per session every time and stay so.
    /// </summary>
    private static ParsedQuestion SessionDurationCounted(SemanticLayer layer, ParsedQuestion parsed, bool perEvent, bool oncePerSession, string normalized)
    {
        if (parsed.Query is not { } query)
        {
            return parsed;
        }

        bool duration = query.Measure.Name is "average_session_duration_seconds" or "average_session_duration_minutes";
        if (!duration)
        {
            return perEvent ? ParsedQuestion.Unplaced($"\"over the event rows\" is said of a session duration, but I read {query.Measure.Label}") : parsed;
        }

        if (perEvent && oncePerSession)
        {
            return ParsedQuestion.Unplaced("a session duration counted once per session, or over every event row: ask for one of them");
        }

        if (perEvent)
        {
            if (layer.SessionDuration is not { } seconds)
            {
                return parsed;
            }

            bool minutes = query.Measure.Name == "average_session_duration_minutes";
            MeasureDefinition overRows = query.Measure with
            {
                Name = minutes ? "average_session_duration_minutes_over_events" : "average_session_duration_seconds_over_events",
                Label = minutes ? "average session duration in minutes over event rows" : "average session duration over event rows",
                Expression = d => minutes ? $"AVG({seconds(d)}) / 60.0" : $"AVG({seconds(d)})",
                PerSession = false,
                Population = minutes
                    ? " (the average over every event row of its session's duration in seconds, divided by 60: a session weighs as many times as it has events)"
                    : " in seconds (the average over every event row of its session's duration: a session weighs as many times as it has events)",
            };
            return parsed with { Query = query with { Measure = overRows } };
        }

        if (oncePerSession || !normalized.Contains(" duration", StringComparison.Ordinal) || !SessionDurationSaidRegex().IsMatch(normalized))
        {
            return parsed;
        }

        return ParsedQuestion.Unplaced("an average session duration has two readings: each session counted once (its duration on its start row), or the average over every event row (AVG(session_duration_seconds) over the events, a session weighing as many times as it has events); ask as in \"average session duration per session\" or \"average session duration across events\"");
    }

    // "averaged across events", "per event row", "over all event rows", "AVG(session_duration_seconds)": the average over
    // every event row.
    private static string ReadPerEventRows(string text, ref bool perEvent)
    {
        if (!text.Contains(" event", StringComparison.Ordinal) && !text.Contains(" avg session duration", StringComparison.Ordinal) && !text.Contains(" rows", StringComparison.Ordinal))
        {
            return text;
        }

        if (!SessionDurationSaidRegex().IsMatch(text))
        {
            return text;
        }

        bool said = false;
        text = Consume(text, PerEventRowsRegex(), _ => said = true);
        perEvent |= said;
        return text;
    }

    [GeneratedRegex(@"(?<= )(?:session durations?|durations? of (?:a |each |the |their )?sessions?|avg session duration seconds)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SessionDurationSaidRegex();

    [GeneratedRegex(@"(?<= )(?:(?:averaged|computed|taken|counted|weighted|measured) )?(?:across|over|per|on|by|for) (?:all |every |each )?(?:the )?(?:behavioral |behavioural )?(?:event rows?|events?|rows?)(?: not per session)?(?= )|(?<= )(?:(?:each|every) event row(?: counted)?|avg session duration seconds(?= (?:over|across|on|from) ))(?= )|(?<= )(?:over|across|on|from) (?:the )?(?:behavioral |behavioural )?events table(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PerEventRowsRegex();

    [GeneratedRegex(@"^ (?:day|week|month|quarter|year) (?:on|over) (?:day|week|month|quarter|year)(?= .* (?:vs|versus|compared (?:with|to)) )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex PeriodOnPeriodHeadingRegex();

    [GeneratedRegex(@"(?<= )(?:two|2|both) (?:numbers|figures|values|totals)(?: percent)?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex TwoNumbersRegex();

    [GeneratedRegex(@"(?<= (?:days|weeks|months|hours|day|week|month|hour) before )(?:that|it|then|those)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex BeforeThatRegex();

    [GeneratedRegex(@"(?<= )(?:count(?:ing)? (?:of )?)?distinct session ids?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex DistinctSessionIdsRegex();

    [GeneratedRegex(@"(?<= )(?:sessions|visits)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SessionsWordRegex();

    [GeneratedRegex(@"(?<= )(?:ratio|divided by|as a multiple|a multiple|how many times)(?: of)?(?: (?:this|last|the|that|previous|prior|current))?(?= )|(?<= )(?:this|last|current) (?:week|month|quarter|year) (?:divided by|to) (?:last|the previous|the prior|this) (?:week|month|quarter|year)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PeriodRatioRegex();
}

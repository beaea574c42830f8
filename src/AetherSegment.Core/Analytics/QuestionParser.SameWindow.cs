using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

// Same-window exclusions (stop 40): "started a checkout in the last 7 days but have no order in that time", "abandoned a
// cart in the last 7 days but haven't purchased in that same week", "without starting a checkout at any point in that
// period". The negated part takes the range said before it; a reference the range does not fit ("in the last 30 days ...
// that same week") stays unplaced, and "since" / "after that" (after each customer's own event, not the range) is asked back.
internal static partial class QuestionParser
{
    /// <summary>
    /// On normalized text: "in that same week" / "during that week" after a range of that length read as "in that same
    /// period" (the one range said again); "at any point in that period" as "in that period". Other text is returned as is.
    /// </summary>
    private static string SameWindowSaid(string text)
    {
        // A cheap word test first: most questions say neither "same" nor "that".
        if (!text.Contains(" same ", StringComparison.Ordinal) && !text.Contains(" that ", StringComparison.Ordinal))
        {
            return text;
        }

        text = text.Contains(" any ", StringComparison.Ordinal) ? AtAnyPointRegex().Replace(text, " ") : text;
        if (SameUnitRegex().Match(text) is not { Success: true } same)
        {
            return text;
        }

        string before = text[..same.Index];
        // The range may end right before the words that say it again ("in q3 2026 during that quarter").
        string said = before + " ";
        bool fits = same.Groups["unit"].Value switch
        {
            "week" => WeekRangeRegex().IsMatch(said),
            "month" => MonthRangeRegex().IsMatch(said),
            "year" => YearRangeRegex().IsMatch(said),
            "quarter" => QuarterRangeRegex().IsMatch(said),
            _ => DayRangeRegex().IsMatch(said),
        };
        return fits ? string.Concat(before, " in that same period", text.AsSpan(same.Index + same.Length)) : text;
    }

    /// <summary>
    /// "started a checkout in the last 7 days and have not ordered since", "... no purchase after their most recent
    /// abandonment": a negated part placed after each customer's own event, not in a range. The reason to ask back, or null.
    /// </summary>
    private static string? SinceTheEventReason(string text)
    {
        if ((!text.Contains(" since", StringComparison.Ordinal) && !text.Contains(" after", StringComparison.Ordinal))
            || SinceTheEventRegex().Match(text) is not { Success: true } since
            || !NegationWordRegex().IsMatch(text[..since.Index]))
        {
            return null;
        }

        return $"\"{since.Value.Trim()}\" after a negated part: no such row after each customer's own earlier event is not read; "
            + "ask for the range itself, as in \"abandoned a cart in the last 7 days and haven't purchased in those same 7 days\", or over all time (\"... and have never purchased\")";
    }

    [GeneratedRegex(@"(?<= )at any (?:point|time|stage)(?= (?:in|during|within|over) (?:that|this|the same|that same|those|those same) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AtAnyPointRegex();

    [GeneratedRegex(@" (?:in|during|within|over|for) (?:that|this|the|those) same (?<unit>week|month|quarter|year|day)(?= |$)| (?:in|during|within) that (?<unit>week|month|quarter|year|day)(?= |$)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SameUnitRegex();

    [GeneratedRegex(@" (?:(?:last|past|previous|trailing) (?:7|seven) days|(?:last|past|this|previous) week) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex WeekRangeRegex();

    [GeneratedRegex(@" (?:(?:last|past|this|previous) month|(?:in|during) (?:january|february|march|april|may|june|july|august|september|october|november|december)) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex MonthRangeRegex();

    // "in Q2 2026", "last quarter", "the second quarter of 2026" (stop 48, rt11: "... in Q2 2026, ... in that quarter").
    [GeneratedRegex(@" (?:q[1-4](?: of)? \d{4}|(?:last|past|this|previous) quarter|(?:the )?(?:first|second|third|fourth|1st|2nd|3rd|4th) quarter(?: of)? \d{4}) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex QuarterRangeRegex();

    [GeneratedRegex(@" (?:(?:last|past|this|previous) year|(?:in|during) \d{4}) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex YearRangeRegex();

    [GeneratedRegex(@" (?:(?:last|past|previous|trailing) (?:24 hours|1 day|day)|today|yesterday) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex DayRangeRegex();

    // "since" at the end or before "then", "that", "it"; "after that", "afterwards", "after their (most recent|last) <event>".
    [GeneratedRegex(@" (?:since(?: then| that| it| them)?(?= *$| (?:then|and|but|how|who|what|which)\b)|after (?:that|it|then|(?:their|the|each) (?:most recent|latest|last|first) \w+)|afterwards?)(?= |$)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SinceTheEventRegex();
}

using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

// Session durations in minutes and "per session" said of them: "average session length on <device>, in minutes", "avg session
// length in minutes on <device>", "average session length on <device>, in seconds (per session)", "average session length
// in seconds by device (per session, not per event)". Each session is counted once either way (on its start row).
internal static partial class QuestionParser
{
    // "in minutes", "as minutes", "measured in mins": the unit of the answer (a duration compared, "longer than 15 minutes",
    // is read before this).
    private static string ReadInMinutes(string text, ref bool minutes)
    {
        if (!text.Contains(" min", StringComparison.Ordinal))
        {
            return text;
        }

        bool said = false;
        text = Consume(text, InMinutesRegex(), _ => said = true);
        minutes |= said;
        return text;
    }

    // "(per session)", "per session, not per event", "averaged per session": said of a session duration, the duration is each
    // session's once, not a ratio per session. Only where a session duration is said.
    private static string ReadPerSession(string text, ref bool once)
    {
        if (!text.Contains(" per session", StringComparison.Ordinal) || !SessionLengthSaidRegex().IsMatch(text))
        {
            return text;
        }

        bool said = false;
        text = Consume(text, PerSessionSaidRegex(), _ => said = true);
        once |= said;
        return text;
    }

    // The average session duration in minutes: the same average (each session once, on its start row) divided by 60.
    private static ParsedQuestion InMinutes(SemanticLayer layer, ParsedQuestion parsed, SessionWords words)
    {
        if (parsed.Query is not { } query)
        {
            return parsed;
        }

        if (words.Length is not null || layer.Measure("average_session_duration_seconds") is not { Missing: null } seconds || !ReferenceEquals(query.Measure, seconds)
            || query is not { Ratio: null, FilterRatio: null, Share: false, Having: null, RowComparison: null, ComparedTime: null, Statistic: null })
        {
            return ParsedQuestion.Unplaced("\"in minutes\" is said of a duration; I give the average session duration in minutes, as in \"average session length in minutes\"");
        }

        MeasureDefinition minutes = seconds with
        {
            Name = "average_session_duration_minutes",
            Label = "average session duration in minutes",
            Format = MeasureFormat.Decimal,
            Expression = d => $"({seconds.Expression(d)}) / 60.0",
            Population = " (each session counted once, its duration in seconds divided by 60)",
        };
        return parsed with { Query = query with { Measure = minutes } };
    }

    [GeneratedRegex(@"(?<= )(?:in|as|measured in|expressed in|given in) (?:minutes|mins)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex InMinutesRegex();

    [GeneratedRegex(@"(?<= )(?:(?:counted|computed|measured|averaged|taken) )?per session(?: not per (?:event|events|row|rows))?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PerSessionSaidRegex();
}

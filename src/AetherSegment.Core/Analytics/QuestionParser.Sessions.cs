using System.Globalization;
using System.Text.RegularExpressions;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

// Sessions and their duration: "sessions that lasted longer than 15 minutes", "sessions shorter than 30 seconds",
// "average session length in seconds", "counting each session once", "distinct Android sessions".
internal static partial class QuestionParser
{
    /// <summary>What a question said about sessions, read before the comparisons and the vocabulary.</summary>
    /// <param name="Length">A duration compared with each session's (in seconds), or null.</param>
    /// <param name="Seconds">Whether the answer was asked "in seconds".</param>
    /// <param name="OncePerSession">Whether the question said each session is counted once.</param>
    /// <param name="Decline">Why the words cannot be read, or null.</param>
    /// <param name="Minutes">Whether the answer was asked "in minutes" (QuestionParser.SessionMinutes.cs).</param>
    /// <param name="PerEvent">Whether the average was said over the event rows (QuestionParser.RatiosTwoNumbersSessions.cs).</param>
    private sealed record SessionWords(NumericComparison? Length, bool Seconds, bool OncePerSession, string? Decline, bool Minutes = false, bool PerEvent = false)
    {
        public static readonly SessionWords None = new(null, false, false, null);

        public bool Said => Length is not null || Seconds || OncePerSession || Minutes || PerEvent;
    }

    // Reads and masks the session words; a duration needs a unit ("15 minutes"), so a bare number stays a comparison.
    private static string ReadSessionWords(string text, out SessionWords words)
    {
        NumericComparison? length = null;
        int lengths = 0;
        bool seconds = false;
        bool once = false;
        string? decline = null;
        text = Consume(text, SessionLengthRegex(), m =>
        {
            lengths++;
            double amount = LanguageWords.TryReadCountWord(m.Groups["n"].Value, out int word) ? word : double.Parse(m.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            double factor = m.Groups["unit"].Value[0] switch { 'h' => 3600, 'm' => 60, _ => 1 };
            ComparisonOperator op = m.Groups["op"].Value switch
            {
                "longer than" or "more than" or "over" or "above" or "greater than" or "in excess of" => ComparisonOperator.Greater,
                "at least" or "no less than" or "no shorter than" => ComparisonOperator.GreaterOrEqual,
                "at most" or "no more than" or "no longer than" or "up to" => ComparisonOperator.LessOrEqual,
                _ => ComparisonOperator.Less,
            };
            length = new NumericComparison(op, amount * factor, null, m.Value.Trim(), false);
        });
        if (lengths > 1)
        {
            decline = "ask for one session duration at a time";
        }

        text = Consume(text, InSecondsRegex(), _ => seconds = true);
        text = ReadBareSeconds(text, ref seconds);
        bool minutes = false;
        text = ReadInMinutes(text, ref minutes);
        if (InOtherUnitRegex().Match(text) is { Success: true } unit)
        {
            decline ??= $"I give session durations in seconds or minutes; ask without \"{unit.Value.Trim()}\"";
        }

        decline ??= seconds && minutes ? "ask for the session duration in seconds or in minutes, not both" : null;
        text = Consume(text, OncePerSessionRegex(), _ => once = true);
        text = ReadPerSession(text, ref once);
        bool perEvent = false;
        text = ReadPerEventRows(text, ref perEvent);
        // "distinct Android sessions": a count of sessions counts each once already.
        text = Consume(SessionActivitySaid(text), DistinctSessionsRegex(), _ => { });
        words = new SessionWords(length, seconds, once, decline, minutes, perEvent);
        return text;
    }

    // Places the session words on the reading: a duration compares each session counted, "in seconds" needs a measure in
    // seconds, and "each session once" a measure that counts sessions once. Anything else is declined.
    private static ParsedQuestion ApplySessionWords(SemanticLayer layer, ParsedQuestion parsed, SessionWords words)
    {
        if (!words.Said || parsed.Query is not { } query)
        {
            return parsed;
        }

        if (words.Minutes)
        {
            return InMinutes(layer, parsed, words);
        }

        if (words.Seconds && query.Measure.Format != MeasureFormat.Seconds && !(words.Length is not null && query.Measure.Name == "sessions"))
        {
            return ParsedQuestion.Unplaced($"\"in seconds\" is said of a duration, but I read {query.Measure.Label}; ask for the average session duration in seconds");
        }

        if (words.OncePerSession && !query.Measure.PerSession && query.Measure.Name != "sessions")
        {
            return ParsedQuestion.Unplaced($"\"each session once\" is said of sessions, but I read {query.Measure.Label}");
        }

        if (words.Length is not { } length)
        {
            return parsed;
        }

        if (query is not { Measure.Name: "sessions", RowComparison: null, Ratio: null, FilterRatio: null, Share: false, Having: null, ComparedTime: null } || layer.SessionDuration is not { } duration)
        {
            return ParsedQuestion.Unplaced($"\"{length.Phrase}\" compares each session's duration; ask for a number of sessions, as in \"how many sessions lasted longer than 15 minutes\"");
        }

        return parsed with { Query = query with { RowComparison = length, RowValue = new EachRowValue(duration, "seconds") { OnEachRow = true } } };
    }

    private const string SessionLengthOperators = "longer than|shorter than|more than|less than|fewer than|over|above|under|below|greater than|in excess of|at least|at most|no less than|no more than|no longer than|no shorter than|up to";

    // "that lasted longer than 15 minutes", "lasting under 30 seconds", "with a duration of more than 2 minutes", "shorter
    // than 30 seconds", "over 10 minutes long".
    [GeneratedRegex(@"(?<= )(?:(?:that|which) )?(?:(?:lasted|lasting|lasts|last|ran|running|run|were|was|are|is) )?(?:for )?(?:(?:with|of|having) (?:an? |the )?(?:session )?(?:duration|length) (?:of )?)?(?<op>" + SessionLengthOperators + @") (?<n>\d{1,6}(?:\.\d{1,3})?|" + LanguageWords.CountWordPattern + @") (?<unit>seconds?|secs?|minutes?|mins?|hours?|hrs?)(?: long| in length)?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SessionLengthRegex();

    [GeneratedRegex(@"(?<= )(?:(?:in|as|measured in|expressed in) )(?:seconds|secs)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex InSecondsRegex();

    [GeneratedRegex(@"(?<= )(?:in|as|measured in|expressed in) (?:minutes|mins|hours|hrs|milliseconds|ms)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex InOtherUnitRegex();

    [GeneratedRegex(@"(?<= )(?:(?:counting|count|counted) (?:each|every) session (?:only )?once|(?:each|every) session (?:counted|counting) (?:only )?once|(?:counted )?once per session|one (?:row|value|duration|number) (?:per|for each|for every|each) session)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OncePerSessionRegex();

    [GeneratedRegex(@"(?<= )(?:distinct|unique|different|individual|separate)(?= (?:[a-z]+ )?(?:sessions|visits) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex DistinctSessionsRegex();
}

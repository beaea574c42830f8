using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// Stop 50 (behav50): behaviour questions said as a reading the parser already has. On normalized text.
/// - "average session length (in seconds) (per session) (each session counted once) for (value) sessions (that) started
///   (range)": the average of each session's duration on its start row, the session placed by its start, as "average
///   session duration in seconds per session for (value) (range)" reads it (restated "each session counted once ... placed by its start").
///   Only with one range from a short list and nothing else after it but "in seconds".
/// - "of (the) customers who (did X) (range), how many also (did Y) (the same range)": the customers who did both, as "how
///   many customers (did X) (range) and also (did Y) (range)" reads it. Only when the range is said twice the same, and
///   neither part says a negation, an "or", or a second question.
/// - "(did X) in the last 30 days but bought nothing in those 30 days": did not buy in that period (only when the one range
///   said before is "in the last" the same number of days).
/// - "have never ordered from us at all": never ordered.
/// </content>
internal static partial class QuestionParser
{
    /// <summary>The behaviour wordings above, rewritten to the wording read; other text is returned as is.</summary>
    internal static string RephraseBehaviourStop50(string text)
    {
        if (text.Contains(" started ", StringComparison.Ordinal) || text.Contains(" began ", StringComparison.Ordinal))
        {
            text = SessionsStartedRegex().Replace(text, m => $" average session duration in seconds per session for {m.Groups["v"].Value} {m.Groups["r"].Value} ");
        }

        if (text.Contains(" also ", StringComparison.Ordinal) && text.Contains(" how many ", StringComparison.Ordinal))
        {
            text = OfCustomersHowManyAlsoRegex().Replace(text, m =>
                m.Groups["r"].Value == m.Groups["r2"].Value && !NegatedOrQuestionRegex().IsMatch(m.Groups["x"].Value + " " + m.Groups["y"].Value)
                    ? $" how many customers {m.Groups["x"].Value} {m.Groups["r"].Value} and also {m.Groups["y"].Value} {m.Groups["r"].Value} "
                    : m.Value);
        }

        // "but bought nothing in those 30 days" after "in the last 30 days": did not buy in that period (the one range said again).
        if (text.Contains(" nothing ", StringComparison.Ordinal))
        {
            text = ButBoughtNothingRegex().Replace(text, m =>
                text[..m.Index].Contains($" in the last {m.Groups["n"].Value} days ", StringComparison.Ordinal)
                && CountOf(text[..m.Index], " in the last ") == 1
                    ? " did not buy in that period "
                    : m.Value);
        }

        // "have never ordered from us at all": never ordered (at any time, as "never" is read).
        if (text.Contains(" never ", StringComparison.Ordinal) && text.Contains(" from us ", StringComparison.Ordinal))
        {
            text = NeverFromUsRegex().Replace(text, " ");
        }

        return text;
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    // "but bought nothing in those 30 days", "but purchased nothing in these 30 days".
    [GeneratedRegex(@"(?<= but) (?:bought|purchased|ordered) nothing in (?:those|these|the same) (?<n>\d{1,3}) days ", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ButBoughtNothingRegex();

    // "never ordered from us at all", "never bought from us": the words after the verb.
    [GeneratedRegex(@"(?<= never (?:ordered|bought|purchased)) from us(?: at all)?(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NeverFromUsRegex();

    // "avg session duration in seconds per session each session counted once for (device) sessions that started in the last 30
    // days in seconds" (the brackets and commas are gone), to the end of the text.
    [GeneratedRegex(@"(?<=^| )(?:the )?(?:avg|average|mean) session (?:length|duration)(?: in seconds)?(?: per session)?(?: each session counted once)? for (?<v>[a-z]+) sessions (?:that |which )?(?:started|began) (?<r>in the last \d{1,3} days|over the last \d{1,3} days|last week|last month|this week|this month|yesterday|today)(?: in seconds)? *$", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SessionsStartedRegex();

    // "of customers who (did x) in the last 60 days how many also (did y) in the last 60 days", to the end of the text.
    [GeneratedRegex(@"(?<=^| )of (?:the )?customers (?:who|that) (?<x>[a-z ]{3,60}?) (?<r>in the last \d{1,3} days|last week|last month|this week|this month|this year) how many (?:of them )?also (?<y>[a-z ]{3,60}?) (?<r2>in the last \d{1,3} days|last week|last month|this week|this month|this year) *$", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OfCustomersHowManyAlsoRegex();

    // Words that make either part more than one plain condition.
    [GeneratedRegex(@"\b(?:not|never|no|nothing|without|or|nor|but|except|how|what|which|who|did ?n t|didn ?t|and|than|more|less|over|under|at least|at most)\b", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NegatedOrQuestionRegex();
}

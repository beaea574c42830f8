using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// Stop 50 (behav50): behaviour questions said as a reading the parser already has. On normalized text.
/// - "average session length (in seconds) (per session) (each session counted once) for (value) sessions (that) started
///   (range)": the average of each session's duration on its start row, the session placed by its start, as "average
///   session length in seconds for (value) (range)" reads it (restated "each session counted once ... placed by its start").
///   Only with one range from a short list and nothing else after it but "in seconds".
/// - "of (the) customers who (did X) (range), how many also (did Y) (the same range)": the customers who did both, as "how
///   many customers (did X) (range) and also (did Y) (range)" reads it. Only when the range is said twice the same, and
///   neither part says a negation, an "or", or a second question.
/// </content>
internal static partial class QuestionParser
{
    /// <summary>The behaviour wordings above, rewritten to the wording read; other text is returned as is.</summary>
    internal static string RephraseBehaviourStop50(string text)
    {
        if (text.Contains(" started ", StringComparison.Ordinal) || text.Contains(" began ", StringComparison.Ordinal))
        {
            text = SessionsStartedRegex().Replace(text, m => $" average session length in seconds for {m.Groups["v"].Value} {m.Groups["r"].Value}");
        }

        if (text.Contains(" also ", StringComparison.Ordinal) && text.Contains(" how many ", StringComparison.Ordinal))
        {
            text = OfCustomersHowManyAlsoRegex().Replace(text, m =>
                m.Groups["r"].Value == m.Groups["r2"].Value && !NegatedOrQuestionRegex().IsMatch(m.Groups["x"].Value + " " + m.Groups["y"].Value)
                    ? $" how many customers {m.Groups["x"].Value} {m.Groups["r"].Value} and also {m.Groups["y"].Value} {m.Groups["r"].Value}"
                    : m.Value);
        }

        return text;
    }

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

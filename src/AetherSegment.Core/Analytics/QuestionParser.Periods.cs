using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

// Periods (stop 41, ask34): a breakdown by month or quarter over a span of months ("new customers per month over June to
// November 2026"), and the grain words that say a breakdown, not a comparison.
internal static partial class QuestionParser
{
    /// <summary>
    /// The text without a breakdown by period ("per month", "each quarter", "every week"), for the check that two periods
    /// are compared: "per" and "each" there say rows, not two periods ("new customers per month over June to November").
    /// </summary>
    private static string WithoutPerPeriod(string text) =>
        text.Contains(" per ", StringComparison.Ordinal) || text.Contains(" each ", StringComparison.Ordinal) || text.Contains(" every ", StringComparison.Ordinal)
            ? PerPeriodGrainRegex().Replace(text, " ")
            : text;

    [GeneratedRegex(@" (?:per|each|every) (?:day|week|month|quarter)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PerPeriodGrainRegex();

    /// <summary>
    /// Months listed one after the other in a bracket ("Q3 2026 (July, August, September)", "(Jan, Feb and Mar)"): the span
    /// from the first to the last, said as the parser reads a span; any other list stays as it was (on normalized text).
    /// </summary>
    private static string MonthListAsSpan(string text)
    {
        Match m = MonthListRegex().Match(text);
        if (!m.Success)
        {
            return text;
        }

        CaptureCollection months = m.Groups["m"].Captures;
        for (int i = 1; i < months.Count; i++)
        {
            if (MonthNumber(months[i].Value) != (MonthNumber(months[i - 1].Value) % 12) + 1)
            {
                return text;
            }
        }

        return text[..m.Index] + "from " + months[0].Value + " through " + months[^1].Value + text[(m.Index + m.Length)..];
    }

    [GeneratedRegex(@"(?<= )(?<m>" + MonthNamePattern + @")(?: (?:and )?(?<m>" + MonthNamePattern + @")){1,11}(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex MonthListRegex();

    /// <summary>
    /// "As CFO I want year-to-date revenue", "As a marketing manager, I'd like to see ...": who asks, said before the
    /// question; dropped with the "I want" after it. Only a role word (never a value), and only with "I want / need / would
    /// like" after it.
    /// </summary>
    private static string AsARole(string question) =>
        question.StartsWith("as ", StringComparison.OrdinalIgnoreCase) ? AsARoleRegex().Replace(question, "") : question;

    [GeneratedRegex(@"^as (?:a |an |the |our |your )?(?:(?:head of )?(?:marketing|finance|sales|crm|growth|ops|operations|merch|merchandising|ecommerce|e-commerce|customer service|analytics|retention)\s+)?(?:cfo|ceo|cmo|coo|cto|vp|analyst|manager|marketer|director|founder|owner|lead|head of (?:marketing|finance|sales|crm|growth|ops|operations|merch|merchandising|ecommerce|analytics|retention)|merchandiser|planner),?\s+i(?:'d like|\u2019d like|\s+(?:just\s+|really\s+|only\s+)?(?:want|need|would like))(?:\s+to\s+(?:know|see))?\s+", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AsARoleRegex();

    /// <summary>"Monthly revenue for 2026 - one row per month please", "a line for each category": how the rows are laid out, a breakdown.</summary>
    private static string OneRowPer(string text) =>
        text.Contains(" row", StringComparison.Ordinal) || text.Contains(" line", StringComparison.Ordinal) ? OneRowPerRegex().Replace(text, " per ") : text;

    [GeneratedRegex(@" (?:with |as |in )?(?:one|a|1|a single|separate|one separate) (?:rows?|lines?|entry|entries) (?:per|for each|for every|each|for the|by)(?: each)? ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OneRowPerRegex();

    /// <summary>"I manage customer service - ...": the name of a team in a sentence of context, not the customers measured.</summary>
    private static string TeamNames(string sentence) =>
        sentence.Contains("customer ", StringComparison.OrdinalIgnoreCase) ? TeamNameRegex().Replace(sentence, " ") : sentence;

    [GeneratedRegex(@"\bcustomer (?:service|support|success|care|experience|insights?) (?:team|org|function|department)?", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex TeamNameRegex();
}

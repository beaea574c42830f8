using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// Stop 49 (ranges64): a time range said twice, as asides that say it again of the parts already read. "(summing all their
/// 2025 (value) orders)" after a spend: the spend's own range and values said again (only when each word inside is said
/// before it); "(both purchases this year)" (QuestionParser.EventsSessionsFunnels.cs, BothCountedRegex); "who bought nothing in those 90 days": who did not buy; "(Q1 2026 minus Q1 2025)" after "from Q1 2025 to Q1
/// 2026": the change's direction said again (only that order); "by how many dollars did (a money measure) change": by how
/// much. The parser then reads the one range said twice as one range on each part (QuestionParser.cs), and two ranges as
/// before. On normalized text.
/// </content>
internal static partial class QuestionParser
{
    /// <summary>
    /// On the question as asked: "spent over $2,000 on (category) items in 2025 (summing all their 2025 (category) orders)":
    /// the spend's range and values said again in brackets, dropped when each word inside is said before it (the checks
    /// that count a value's mentions then see it once).
    /// </summary>
    private static string SummingTheirOrdersSaid(string question)
    {
        if (question.IndexOf('(', StringComparison.Ordinal) < 0 || (question.IndexOf("summing", StringComparison.OrdinalIgnoreCase) < 0
            && question.IndexOf("adding up", StringComparison.OrdinalIgnoreCase) < 0 && question.IndexOf("totalling", StringComparison.OrdinalIgnoreCase) < 0))
        {
            return question;
        }

        return SummingTheirRangeOrdersRegex().Replace(question, m =>
        {
            string before = question[..m.Index].ToLowerInvariant();
            return m.Groups["w"].Captures.All(c => AnalyticsRegex.WholeWord(c.Value.ToLowerInvariant()).IsMatch(before)) && !AveragingWordRegex().IsMatch(QuestionText.Normalize(question)) ? " " : m.Value;
        });
    }

    /// <summary>The range said again in an aside, as the parser reads the question without it. On normalized text.</summary>
    internal static string RephraseRangesSaidTwice(string text)
    {
        // "who bought nothing in those 90 days": who did not buy then.
        text = text.Contains("nothing", StringComparison.Ordinal) ? BoughtNothingRegex().Replace(text, " did not buy ") : text;

        // "from q1 2025 to q1 2026 (q1 2026 minus q1 2025)": the later minus the earlier, as a change is read.
        if (text.Contains("minus", StringComparison.Ordinal))
        {
            text = LaterMinusEarlierRegex().Replace(text, m => m.Groups["a"].Value == m.Groups["d"].Value && m.Groups["b"].Value == m.Groups["c"].Value ? m.Groups["head"].Value : m.Value);
        }

        // "by how many dollars did (revenue / aov / spend) change": by how much (a money measure only).
        text = text.Contains("dollars", StringComparison.Ordinal) ? HowManyDollarsRegex().Replace(text, " by how much did ${m} ") : text;
        return text;
    }

    // "(summing all their 2025 (value) orders)", "(adding up all of their orders)" after a spend, in brackets.
    [GeneratedRegex(@"(?<=\b(?:spend|spent|spending)\b[^()]{0,80})\(\s*(?:summing|adding up|totalling) (?:up )?(?:all )?(?:of )?their (?:(?<w>[a-z0-9]+) ){0,3}(?:orders|purchases|transactions)\s*\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SummingTheirRangeOrdersRegex();

    // "who bought nothing", "that have purchased nothing", before a range, "and", "but" or the end.
    [GeneratedRegex(@"(?<= (?:who|that))(?: have| had)? (?:bought|purchased|ordered) nothing(?= (?:in|during|within|over|this|last)\b| *$| (?:and|but)\b)", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BoughtNothingRegex();

    // "from q1 2025 to q1 2026 q1 2026 minus q1 2025" (the brackets are gone): the aside after the two periods.
    [GeneratedRegex(@"(?<head> from (?<a>q[1-4] \d{4}|\d{4}) to (?<b>q[1-4] \d{4}|\d{4})) (?<c>q[1-4] \d{4}|\d{4}) minus (?<d>q[1-4] \d{4}|\d{4})(?= |$)", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex LaterMinusEarlierRegex();

    [GeneratedRegex(@" by how many dollars did (?<m>revenue|aov|average order value|the average order value|total revenue|sales|spend|total spend)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex HowManyDollarsRegex();
}

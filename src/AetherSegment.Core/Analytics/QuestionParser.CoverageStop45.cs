using System.Globalization;
using System.Text.RegularExpressions;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

/// <content>
/// Answerable kinds the unseen sets of stop 45 declined, said as the parser already reads them (helper cov55), on the question
/// as asked: "A divided by B - what's the ratio?" (the ratio reading, which answers one measure under two values of one
/// level or two measures, and declines the rest); "a measure in a later range minus the measure in an earlier one" (the change in
/// amount, only where the later range is said first: "the last 30 days minus the 30 days before that", "2025 minus 2024",
/// "this month minus last month"); "among customers who purchased in a year, the average total spend per customer that
/// year" (the average spend per buyer in that year); "(%)" after a growth (in percent); "year-over-year growth ..., 2025 vs
/// 2024" (the growth of the two adjacent years named); "name the top 3 ..." (the top 3); "the 5 most common event types"
/// (the top 5 event types by events) and "just the names" after a top N; "pooling all campaigns of each trigger" (pooled
/// across its campaigns) and the uplift's definition said in brackets. Each pattern runs only where the question holds a
/// word every match of it contains.
/// </content>
internal static partial class QuestionParser
{
    private static string CoverageStop45Said(string question)
    {
        if (question.Contains("divided by", StringComparison.OrdinalIgnoreCase) && !question.Contains("times", StringComparison.OrdinalIgnoreCase)
            && DividedRatioRegex().Match(question) is { Success: true } divided
            && !Array.Exists(EventRatioWords, w => divided.Value.Contains(w, StringComparison.OrdinalIgnoreCase)))
        {
            // "Revenue from A divided by revenue from B, all time - what's the ratio?": the ratio of the two.
            question = $"ratio of {divided.Groups["a"].Value.Trim()} to {divided.Groups["b"].Value.Trim().TrimEnd(',')}";
        }

        if (question.Contains("minus", StringComparison.OrdinalIgnoreCase))
        {
            // "revenue in the last 30 days minus revenue in the 30 days before that": the later range is said first, so the
            // difference is the change from the earlier to the later (two years only when the later is said first).
            if (MinusPeriodsRegex().Match(question) is { Success: true } minus)
            {
                question = $"change in {minus.Groups["m"].Value.Trim()} {minus.Groups["r1"].Value.Trim()} vs {WithoutPreposition(minus.Groups["r2"].Value.Trim())}";
            }
            else if (MinusYearsRegex().Match(question) is { Success: true } years
                && int.Parse(years.Groups["y1"].Value, CultureInfo.InvariantCulture) > int.Parse(years.Groups["y2"].Value, CultureInfo.InvariantCulture))
            {
                // "revenue in October 2026 minus revenue in October 2025": the month said before each year is the period (stop 50;
                // it was read as October 2026 against the whole of 2025).
                string measure = years.Groups["m"].Value.Trim();
                string month = TrailingMonthRegex().Match(measure) is { Success: true } named ? named.Value.Trim() + " " : "";
                question = $"change in {measure} {years.Groups["y1"].Value} vs {month}{years.Groups["y2"].Value}";
            }
        }

        if (question.Contains("among", StringComparison.OrdinalIgnoreCase) && SpendThatYearRegex().Match(question) is { Success: true } spend
            && (spend.Groups["again"].Success || spend.Groups["that"].Success))
        {
            // "Among customers who purchased in 2025, what was the average total spend per customer that year?": each buyer's
            // own spend in that year, averaged over the buyers of that year.
            question = $"average spend per buyer {spend.Groups["r"].Value.Trim()}";
        }

        if (question.Contains('%', StringComparison.Ordinal) || question.Contains("percent", StringComparison.OrdinalIgnoreCase))
        {
            // "revenue growth 2025 vs 2024 (%)": the growth in percent.
            question = GrowthPercentBracketRegex().Replace(question, " in percent");
        }

        if (question.Contains("year", StringComparison.OrdinalIgnoreCase) || question.Contains("yoy", StringComparison.OrdinalIgnoreCase))
        {
            // "year-over-year growth in number of transactions, 2025 vs 2024": the two adjacent years named are the periods.
            question = YearOverYearTwoYearsRegex().Replace(question, m =>
                Math.Abs(int.Parse(m.Groups["y1"].Value, CultureInfo.InvariantCulture) - int.Parse(m.Groups["y2"].Value, CultureInfo.InvariantCulture)) == 1 ? "" : m.Value);
        }

        if (question.Contains("name", StringComparison.OrdinalIgnoreCase))
        {
            // "Name the top 3 acquisition sources by number of customers": the top 3.
            question = NameLeadRegex().Replace(question, "");
            // "the 5 most common event types ... just the names": a top N answers with the names first.
            question = TopNRegex().IsMatch(question) ? JustTheNamesRegex().Replace(question, "") : question;
        }

        if (question.Contains("most", StringComparison.OrdinalIgnoreCase))
        {
            // "the 5 most common event types": the event types with the most events.
            question = MostCommonEventTypesRegex().Replace(question, "top ${n} event types by number of events");
        }

        if (question.Contains("pool", StringComparison.OrdinalIgnoreCase))
        {
            // "uplift by trigger type, pooling all campaigns of each trigger": pooled across its campaigns.
            question = PoolingEachRegex().Replace(question, "pooled across its campaigns");
        }

        // "uplift ... (treatment conversion rate minus control conversion rate)": the uplift's own definition.
        return question.Contains("uplift", StringComparison.OrdinalIgnoreCase) && question.Contains("minus", StringComparison.OrdinalIgnoreCase)
            ? UpliftDefinitionRegex().Replace(question, "")
            : question;
    }

    // "in the 30 days before that": the range without the word before it ("vs the 30 days before that").
    private static string WithoutPreposition(string range) =>
        range.StartsWith("in ", StringComparison.OrdinalIgnoreCase) ? range[3..] : range.StartsWith("over ", StringComparison.OrdinalIgnoreCase) ? range[5..] : range.StartsWith("during ", StringComparison.OrdinalIgnoreCase) ? range[7..] : range;

    // Words of a ratio of two event types' counts, read by QuestionParser.EventRatios.cs.
    private static readonly string[] EventRatioWords = ["event", "_", "view", "cart", "checkout", "session", " per ", "search", "wishlist"];

    [GeneratedRegex(@"^\s*(?:(?:what is|what's|whats) )?(?:the )?(?<a>[^-\u2013\u2014:;?()]+?) divided by (?<b>[^-\u2013\u2014:;?()]+?)\s*(?:[-\u2013\u2014:;,?]\s*(?:(?:so )?(?:what's|what is|whats|give me|as) )(?:the |a )?ratio\s*)?[?.!]?\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex DividedRatioRegex();

    [GeneratedRegex(@"^\s*(?:(?:what is|what's|whats) )?(?:the )?(?<m>[a-z][a-z ]*?) (?<r1>(?:in |over |during )?the (?:last|past) (?<n>\d{1,3}) days|(?:in |during )?this (?<u>week|month|quarter|year)) minus (?:(?:the )?\k<m> )?(?<r2>(?:in |over |during )?the (?:previous |prior )?\k<n> days (?:before|prior to) (?:that|it|then|those)|(?:in |over |during )?the (?:previous|prior) \k<n> days|(?:in |during )?(?:last|the previous|the prior) \k<u>)\s*(?:\(\s*(?:(?:in )?(?:dollars|\$|usd|amount)|(?:dollar |\$ )?difference(?: in dollars)?)\s*\)|,? in dollars)?\s*[?.!]?\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex MinusPeriodsRegex();

    [GeneratedRegex(@"^\s*(?:(?:what is|what's|whats) )?(?:the )?(?<m>[a-z][a-z ]*?) (?:in |during )?(?<y1>20\d{2}) minus (?:(?:the )?\k<m> )?(?:in |during )?(?<y2>20\d{2})\s*(?:\(\s*(?:(?:in )?(?:dollars|\$|usd|amount)|(?:dollar |\$ )?difference(?: in dollars)?)\s*\)|,? in dollars)?\s*[?.!]?\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex MinusYearsRegex();

    [GeneratedRegex(@" (?:" + MonthNamePattern + @")$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex TrailingMonthRegex();

    [GeneratedRegex(@"^\s*among (?:the )?(?:customers|buyers|shoppers|people) (?:who|that) (?:purchased|bought|ordered|made a purchase|placed an order)(?: anything| something)? (?<r>in (?:19|20)\d{2}|(?:this|last) year)\s*,\s*(?:what (?:was|is|were) )?(?:the |their )?(?:average|avg|mean) (?:total )?(?:spend|spending|amount spent) per (?:customer|buyer|person)(?:(?<that> (?:in )?(?:that|the same|that same) year)|(?<again> \k<r>))\s*[?.!]?\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SpendThatYearRegex();

    [GeneratedRegex(@"(?<=\b(?:growth|change|increase|decrease)\b[^()?]*?)\s*\(\s*(?:in |as (?:a )?)?(?:%|percent|pct|percentage)\s*\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex GrowthPercentBracketRegex();

    [GeneratedRegex(@"\b(?:year[- ]over[- ]year|year[- ]on[- ]year|yoy)\s+(?=(?:growth|change|increase)\b[^?]*?\b(?<y1>(?:19|20)\d{2})\s*(?:vs\.?|versus|compared (?:with|to)|against|over|to)\s*(?<y2>(?:19|20)\d{2})\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex YearOverYearTwoYearsRegex();

    [GeneratedRegex(@"^\s*(?:(?:please|pls|can you|could you) )?name (?=(?:the |our )?(?:top |bottom )?(?:\d{1,3}|" + LanguageWords.CountWordPattern + @") )", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NameLeadRegex();

    [GeneratedRegex(@"\b(?:top (?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten)|(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten) most|(?:the|which|what) (?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten) )", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex TopNRegex();

    [GeneratedRegex(@"\s*[?.!,;:\u2013\u2014-]*\s*(?:\(\s*(?:just |only )?(?:the )?names(?: only)?\s*\)|(?:just|only) (?:the )?names(?:,? please| only)?|names only)\s*[.!]?\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex JustTheNamesRegex();

    [GeneratedRegex(@"\b(?<n>\d{1,3}) most (?:common|frequent) (?:event types|types of events|event type)\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex MostCommonEventTypesRegex();

    [GeneratedRegex(@"\bpool(?:ing|ed) (?:over |across )?(?:all |the )?(?:campaigns|sends) (?:of|for|in|within) (?:each|every|its|the|that) (?:trigger|trigger type)s?\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PoolingEachRegex();

    [GeneratedRegex(@"\s*\(\s*(?:i\.?e\.?,? )?(?:the )?treatment(?: group)? conversion(?: rate)? minus (?:the )?control(?: group)? conversion(?: rate)?\s*\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex UpliftDefinitionRegex();
}

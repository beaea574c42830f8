using System.Text.RegularExpressions;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

// Stop 50 (lead): the order of two periods said around "than" ("how many more orders in Q3 this year than in Q3 last
// year"), so that "how much more in A than in B" is answered only when A minus B is the change from the earlier period to
// the later; "(this year's Q3 minus last year's)" said after such a comparison; "the six full months before this one".
internal static partial class QuestionParser
{
    private static string LeadStop50Said(string question)
    {
        if (question.Contains("before", StringComparison.OrdinalIgnoreCase) || question.Contains("prior", StringComparison.OrdinalIgnoreCase)
            || question.Contains("preceding", StringComparison.OrdinalIgnoreCase))
        {
            // "the six full months before this one": the last six whole months (the unit said twice must agree).
            question = MonthsBeforeThisOneRegex().Replace(question, m =>
                m.Groups["this"].Value is "one" || m.Groups["this"].Value.Equals(m.Groups["unit"].Value, StringComparison.OrdinalIgnoreCase)
                    ? $"the last {m.Groups["n"].Value} full {m.Groups["unit"].Value}s"
                    : m.Value);
        }

        if (question.Contains("minus", StringComparison.OrdinalIgnoreCase) && question.Contains('(', StringComparison.Ordinal)
            && ThisMinusLastBracketRegex().Match(question) is { Success: true } bracket)
        {
            // "How many more orders in Q3 this year than in Q3 last year? (this year's Q3 minus last year's)": the change from
            // last year's period to this year's, said again; only beside a comparison of a period of this year with one of
            // last year ("than", "minus", "change", "difference" outside the bracket).
            string rest = question.Remove(bracket.Index, bracket.Length);
            if (ThisAndLastYearComparedRegex().IsMatch(rest))
            {
                question = rest;
            }
        }

        if (question.Contains("but", StringComparison.OrdinalIgnoreCase))
        {
            // "bought a <product> in 2025 but haven't bought one in 2026": "but not in 2026", as the two ranges are read
            // (QuestionParser.TwoRanges.cs); "one", "it", "them" or "any" is the same product ("anything" is not).
            question = NotBoughtOneInRegex().Replace(question, "but not ");
        }

        return question;
    }

    [GeneratedRegex(@"\bbut (?:have not|haven[\u2019']?t|has not|hasn[\u2019']?t|did not|didn[\u2019']?t) (?:bought|purchased|ordered|buy|purchase|order) (?:one|it|them|any)(?: again)? (?=in (?:19|20)\d\d\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NotBoughtOneInRegex();

    [GeneratedRegex(@"\b(?:the )?(?<n>\d{1,2}|" + LanguageWords.CountWordPattern + @") (?:full |complete |completed |whole |calendar )?(?<unit>month|week)s (?:before|preceding|prior to) (?:this (?<this>one|month|week)|the current (?<this>month|week))\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex MonthsBeforeThisOneRegex();

    [GeneratedRegex(@"\s*\(\s*(?:i\.?e\.?,? |that is,? )?this year[\u2019']?s(?: q[1-4]| (?:first|second|third|fourth) quarter)? (?:minus|less) (?:the )?last year[\u2019']?s(?: q[1-4]| (?:first|second|third|fourth) quarter)?\s*\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ThisMinusLastBracketRegex();

    [GeneratedRegex(@"\bthis year\b.*\b(?:than|minus)\b.*\blast year\b|\b(?:change|difference)\b.*\bthis year\b.*\blast year\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ThisAndLastYearComparedRegex();

    /// <summary>
    /// Puts the period said before "than" first in <paramref name="times"/> (two periods read from
    /// <paramref name="text"/>, the normalized text before they were read). False when the text before "than" does not hold
    /// exactly one of the two.
    /// </summary>
    private static bool SaidFirst(string text, List<RelativeTimeRange> times)
    {
        int than = text.IndexOf(" than ", StringComparison.Ordinal);
        if (times.Count != 2 || than < 0 || text.IndexOf(" than ", than + 1, StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        List<RelativeTimeRange> head = [];
        _ = ReadTimeRanges(text[..(than + 1)], head, quarters: true);
        if (head is not [RelativeTimeRange first])
        {
            return false;
        }

        if (first == times[1] && first != times[0])
        {
            (times[0], times[1]) = (times[1], times[0]);
            return true;
        }

        return first == times[0] && first != times[1];
    }

    /// <summary>
    /// "total attributed revenue from treatment customers across every X campaign" (stop 50, unseen: answered one row per
    /// campaign): a breakdown whose dimension the question names only as "all"/"every" of it is a total over all of them
    /// when a total is said ("total", "overall", "combined", "altogether"); otherwise "every" keeps the breakdown ("buyers
    /// in every category") and "all" is asked back ("revenue over the last 48 hours, all categories": one total or one row
    /// each?). Null when the reading is not such a breakdown.
    /// </summary>
    private static AnalyticsQuery? AllOfTheDimension(string question, AnalyticsQuery query, out string? asked)
    {
        asked = null;
        if (query is not { Dimension: { } dimension, Limit: null, Share: false, ComparedTime: null, Ratio: null }
            || !(question.Contains("all", StringComparison.OrdinalIgnoreCase) || question.Contains("every", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        string text = QuestionText.Normalize(question);
        bool allOf = false;
        bool every = false;
        foreach (string word in dimension.Synonyms.Append(dimension.Label).Append(dimension.PluralLabel).Distinct(StringComparer.Ordinal))
        {
            string padded = " " + word + " ";
            for (int at = text.IndexOf(padded, StringComparison.Ordinal); at >= 0; at = text.IndexOf(padded, at + 1, StringComparison.Ordinal))
            {
                if (AllOfBeforeRegex().Match(text, 0, at + 1) is not { Success: true } before)
                {
                    // The dimension is also said another way ("by category", "which campaigns"): the breakdown stands.
                    return null;
                }

                if (ExceptAfterRegex().IsMatch(text, at + padded.Length - 1))
                {
                    // "all <values> except one of them": the values kept, read by the exclusions (QuestionParser.RedTeamRt1.cs).
                    return null;
                }

                allOf = true;
                every |= before.Value.StartsWith("every", StringComparison.Ordinal);
            }
        }

        if (!allOf)
        {
            return null;
        }

        if (TotalSaidRegex().IsMatch(text))
        {
            return query with { Dimension = null, Sort = AnalyticsSort.Default };
        }

        // "buyers in every category" (blind7): one row each, as before; "all categories" alone is asked back.
        asked = every ? null : $"\"all {dimension.PluralLabel}\": one total over all of them, or one row for each? Say \"in total\" or \"by {dimension.Label}\"";
        return null;
    }

    // "... across every X Y " / "..., all the " before the dimension's word: "all" or "every" with at most three words
    // between that are not a breakdown's own words.
    [GeneratedRegex(@"(?<= )(?:all|every|every single)(?: of)?(?: the| our)? (?:(?!(?:by|per|each|which|what|top|bottom|split|broken|breakdown|grouped|vs|versus|and|or|with|for|in|across|over|from|of)\b)[a-z0-9]+ ){0,3}$", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AllOfBeforeRegex();

    [GeneratedRegex(@"\G (?:except|excluding|exclude|other than|apart from|aside from|besides|but|save|minus|without)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ExceptAfterRegex();

    [GeneratedRegex(@" (?:total|totals|overall|combined|altogether|summed|sum|grand total|in total)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex TotalSaidRegex();

    /// <summary>
    /// The audits of stop 50 (the lead): "total ... order value" read as the average order value.
    /// </summary>
    private static string? LeadStop50(string question, AnalyticsQuery query)
    {
        if ((query.Statistic?.Of ?? query.Measure).Name == "average_order_value" && TotalBeforeOrderValueRegex().Match(QuestionText.Normalize(question)) is { Success: true } total)
        {
            return $"\"{total.Value.Trim()}\": the sum of the order values (revenue) or their average? I read the average order value; ask for \"revenue\" or \"average order value\"";
        }

        return null;
    }

    [GeneratedRegex(@"(?<= )(?:total|sum|summed|combined)(?: of)? (?:(?!(?:average|avg|mean|median|typical|aov)(?: |$))[a-z0-9]+ ){0,4}order values?(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex TotalBeforeOrderValueRegex();
}

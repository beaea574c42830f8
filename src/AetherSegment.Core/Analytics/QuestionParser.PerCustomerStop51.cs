using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// Per-customer aggregates and thresholds said in other words (stop 51, percust51), rewritten to wordings already read:
/// "counting customers with zero orders" beside orders per customer (over every customer already), "(sum each customer's
/// carts first, then average)" beside a total per customer, "how many X orders over $N did (place) customers place" (the
/// orders from those customers), "of the customers who have bought X at least once, how many have a total X spend under
/// $N" (the buyers of X whose X spend is under it), "while their lifetime spend is under $N (customers with no orders
/// count as $0 spent)" (a lifetime spend under an amount counts those with none already), and "counting only orders from
/// customers with ..." (those customers' orders). Each rewrite is tried only when a cheap word check finds its words.
/// A place said inside "each (place) buyer", "share of orders placed by (place) customers were above $N" and "(value)
/// orders only" is read by moving it, and kept only when the reading gains exactly one filter over the reading without it
/// (<see cref="PlaceMovedRead"/>).
/// </content>
internal static partial class QuestionParser
{
    /// <summary>
    /// The question with its stop-51 wordings rewritten (normalized), or the question itself when none is said; early in
    /// Read(), so the audits that read the question see the rewritten wording.
    /// </summary>
    private static string PerCustomerStop51Said(string question)
    {
        string normalized = QuestionText.Normalize(question);
        string rewritten = RephrasePerCustomerStop51(normalized);
        return ReferenceEquals(rewritten, normalized) || rewritten == normalized ? question : rewritten;
    }

    /// <summary>Rewrites the stop-51 per-customer wordings; on normalized text.</summary>
    internal static string RephrasePerCustomerStop51(string text)
    {
        if ((text.Contains(" zero ", StringComparison.Ordinal) || text.Contains(" no orders ", StringComparison.Ordinal) || text.Contains(" 0 orders ", StringComparison.Ordinal))
            && text.Contains(" orders per ", StringComparison.Ordinal) && !text.Contains(" buyer", StringComparison.Ordinal))
        {
            // "average number of orders per <country> customer, counting customers with zero orders": orders per customer is
            // over every customer already.
            text = CountingZeroOrdersRegex().Replace(text, m => OrdersPerCustomerRegex().IsMatch(text) ? new string(' ', m.Length) : m.Value);
        }

        if (text.Contains(" first ", StringComparison.Ordinal) && text.Contains(" total ", StringComparison.Ordinal) && text.Contains(" per customer ", StringComparison.Ordinal))
        {
            // "average total abandoned cart value per customer ... (sum each customer's carts first, then average)": how the
            // average of each customer's total is made, said again.
            text = SumEachCustomerFirstRegex().Replace(text, m => new string(' ', m.Length));
        }

        if (text.Contains(" did ", StringComparison.Ordinal) && text.Contains(" place", StringComparison.Ordinal))
        {
            // "how many <product type> orders over $1,000 did <country> customers place this year": the orders from those customers.
            text = OrdersDidCustomersPlaceRegex().Replace(text, m => $" how many {m.Groups["what"].Value} from {m.Groups["who"].Value}{m.Groups["rest"].Value} ");
        }

        if (text.Contains(" at least once ", StringComparison.Ordinal) && text.Contains(" spend ", StringComparison.Ordinal))
        {
            // "Of the customers who have bought <category> at least once, how many have a total <category> spend under $50?":
            // the buyers of it whose spend on it is under the amount.
            text = BoughtOnceTotalSpendUnderRegex().Replace(text, m => m.Groups["v"].Value == m.Groups["v2"].Value
                ? $" among customers who bought {m.Groups["v"].Value} how many spent {m.Groups["cmp"].Value} dollars {m.Groups["n"].Value} on {m.Groups["v"].Value}{m.Groups["rest"].Value} "
                : m.Value);
        }

        if (text.Contains(" lifetime ", StringComparison.Ordinal) && text.Contains(" while ", StringComparison.Ordinal))
        {
            // "have an abandoned cart worth more than $500 while their lifetime spend is under $1,000 (customers with no
            // orders count as $0 spent)": "and a lifetime spend under $1,000", which counts those with none already. Only
            // an upper bound, without a time range and without buyers named.
            Match m = WhileLifetimeUnderRegex().Match(text);
            if (m.Success)
            {
                string rest = string.Concat(text.AsSpan(0, m.Index), $" and a lifetime spend {m.Groups["cmp"].Value} dollars {m.Groups["n"].Value}", text.AsSpan(m.Index + m.Length));
                rest = NoOrdersCountAsZeroRegex().Replace(rest, " ");
                if (!TimeSaidRegex().IsMatch(rest) && !BuyersNamedRegex().IsMatch(rest))
                {
                    text = rest;
                }
            }
        }

        if (text.Contains(" only ", StringComparison.Ordinal) && text.Contains(" orders from ", StringComparison.Ordinal))
        {
            // "top 5 product types by average order value, counting only orders from customers with a clv score above
            // 0.8": the orders of those customers.
            text = CountingOnlyOrdersFromRegex().Replace(text, " for customers ");
        }

        return text;
    }

    /// <summary>
    /// A value said inside a phrase the parser does not read it in, moved to where it is read: "each (place) buyer" (",
    /// for (place) customers" at the end), "what share of orders placed by (place) customers were above $N" ("in (place),
    /// what share of orders were above $N"), "..., (value) orders only" ("... for (value)"). Kept only when the moved
    /// reading is answered and is the reading without the value plus exactly one filter; otherwise null.
    /// </summary>
    private static ParsedQuestion? PlaceMovedRead(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds)
    {
        if (!question.Contains("each", StringComparison.OrdinalIgnoreCase) && !question.Contains("share", StringComparison.OrdinalIgnoreCase)
            && !question.Contains("only", StringComparison.OrdinalIgnoreCase) && !question.Contains("percent", StringComparison.OrdinalIgnoreCase)
            && !question.Contains("fraction", StringComparison.OrdinalIgnoreCase) && !question.Contains("proportion", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string text = QuestionText.Normalize(question);
        (string Moved, string Without)? said = null;
        if (EachPlaceBuyerRegex().Match(text) is { Success: true } each)
        {
            string head = text[..each.Index], tail = text[(each.Index + each.Length)..];
            said = ($"{head} each {each.Groups["who"].Value} {tail.TrimEnd()} for {each.Groups["w"].Value} customers ", $"{head} each {each.Groups["who"].Value} {tail}");
        }
        else if (ShareOfOrdersByPlaceRegex().Match(text) is { Success: true } share)
        {
            string rest = $"{share.Groups["share"].Value} of {share.Groups["m"].Value} {share.Groups["rest"].Value}";
            said = ($" in {share.Groups["w"].Value} {rest} ", $" {rest} ");
        }
        else if (ValueOrdersOnlyRegex().Match(text) is { Success: true } only)
        {
            string head = text[..only.Index];
            said = ($"{head} for {only.Groups["w"].Value} ", $"{head} ");
        }

        if (said is not { } s)
        {
            return null;
        }

        ParsedQuestion moved = ReadAnswered(s.Moved, layer, campaignNames, campaignIds);
        ParsedQuestion without = ReadAnswered(s.Without, layer, campaignNames, campaignIds);
        if (moved is not { Status: AnalyticsAnswerStatus.Answered, Query: { } m } || without is not { Status: AnalyticsAnswerStatus.Answered, Query: { } w }
            || m.Filters.Count != w.Filters.Count + 1 || m.ShareWhole is not null || w.ShareWhole is not null || m.Share != w.Share
            || !w.Filters.All(f => m.Filters.Any(g => g.Dimension == f.Dimension && g.Negated == f.Negated && g.Values.SequenceEqual(f.Values)))
            || m.Filters.Any(f => f.Negated || f.Group))
        {
            return null;
        }

        string describedMoved = AnswerWriter.Describe(m with { Filters = w.Filters }, layer, null);
        string describedWithout = AnswerWriter.Describe(w, layer, null);
        return string.Equals(describedMoved, describedWithout, StringComparison.Ordinal) ? moved : null;
    }

    // "counting customers with zero orders", "counting those with no orders", "counting customers who placed 0 orders".
    [GeneratedRegex(@"(?<= )(?:counting|and count|count|counting in|including) (?:the )?(?:customers|people|those|ones) (?:with|who have|who placed|who made) (?:zero|0|no) orders(?: as (?:zero|0))?(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CountingZeroOrdersRegex();

    // "sum each customer s carts first then average", "add up each customer s orders first and then take the average".
    [GeneratedRegex(@"(?<= )(?:sum|add up|total) (?:up )?each customer s (?:[a-z]+ ){1,3}first (?:and )?then (?:take the )?(?:average|mean)(?: them| it| those| the totals)?(?= |$)", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SumEachCustomerFirstRegex();

    // "(quick one) how many <product type> orders over dollars 1000 did <country> customers place this year": the whole question,
    // with an amount (without one it is read already, and a bracketed period after it must keep its brackets) and only
    // period words after "place" (an aside such as "(orders, not customers)" is read as before).
    [GeneratedRegex(@"^ (?:(?:quick one|quick question|question|so|ok|okay) )?how many (?<what>(?:[a-z]+ ){0,3}orders (?:over|above|under|below|more than|less than|worth more than|worth less than|of more than) dollars \d+(?:\.\d+)?) did (?<who>(?:[a-z]+ ){1,2}(?:customers|buyers|shoppers)) place(?<rest>(?: (?:in|this|last|during|since|ytd|q[1-4]|(?:19|20)\d\d|year|month|quarter|week|the|past|\d{1,3}|days|weeks|months|so|far)){0,6}) *$", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OrdersDidCustomersPlaceRegex();

    // "of the customers who have bought <category> at least once how many have a total <category> spend under dollars 50".
    [GeneratedRegex(@"^ (?:of|among) (?:the |all )?(?:customers|people|shoppers) who (?:have )?(?:bought|purchased|ordered) (?<v>[a-z]+(?: [a-z]+)?) at least once how many(?: of them)? (?:have|had) (?:a )?total (?<v2>[a-z]+(?: [a-z]+)?) spend (?:of )?(?<cmp>under|below|less than|lower than) dollars (?<n>\d+(?:\.\d+)?)(?<rest>(?: [a-z0-9]+){0,4}) *$", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BoughtOnceTotalSpendUnderRegex();

    // "while their lifetime spend is under dollars 1000".
    [GeneratedRegex(@" while (?:their|his or her|the customer s|its) lifetime (?:spend|order total|total spend|order value|total order value) is (?<cmp>under|below|less than|lower than) dollars (?<n>\d+(?:\.\d+)?)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex WhileLifetimeUnderRegex();

    // "customers with no orders count as dollars 0 spent", "counting customers with no orders as dollars 0".
    [GeneratedRegex(@" (?:(?:customers|people|those) (?:with no orders|who never ordered|who never bought) (?:count|counted|are counted) as dollars 0(?: spent| spend)?|counting (?:customers|people|those) (?:with no orders|who never ordered|who never bought) as dollars 0)(?= |$)", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NoOrdersCountAsZeroRegex();

    // "counting only orders from customers", "only counting orders from customers", "using only orders from customers".
    [GeneratedRegex(@" (?:counting only|only counting|using only|considering only|including only) (?:the )?orders (?:from|by|of|placed by) customers (?=with |whose |who )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CountingOnlyOrdersFromRegex();

    // "each <country> buyer": one word between "each" and the person noun.
    [GeneratedRegex(@" each (?<w>[a-z]+) (?<who>buyer|customer)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex EachPlaceBuyerRegex();

    // "what share of orders placed by <city> customers were above dollars 500".
    [GeneratedRegex(@"^ (?<share>what share|what percentage|what percent|what fraction|what proportion) of (?<m>orders|transactions|purchases) (?:placed |made )?(?:by|from) (?<w>[a-z]+(?: [a-z]+)?) customers (?<rest>(?:were|are|was) (?:above|over|more than|greater than|under|below|less than) dollars \d+(?:\.\d+)?(?: [a-z0-9]+){0,4}) *$", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ShareOfOrdersByPlaceRegex();

    // "..., <category> orders only" at the end.
    [GeneratedRegex(@" (?<w>[a-z]+(?: [a-z]+)?) orders only *$", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ValueOrdersOnlyRegex();
}

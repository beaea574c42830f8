using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// Per-customer measures said in other words (stop 49), rewritten to the wordings the per-customer statistic, the
/// per-customer thresholds and the ratios per customer already read: a definition of "LTV" as each customer's total order
/// value (read only with its base said: zeros counted, or the customers with an order), "single" before a customer's
/// biggest order, "(their total, not one order)" after a customer's spend, "count people who never bought as $0 spend"
/// beside a lifetime spend under an amount (which counts them already), "counting customers with zero events as 0" beside
/// events or sessions per customer (over every customer already), "(buyers only)" after "each buyer", and a spend
/// per customer of the customers a condition picks (the average of each one's total, zeros included). Each
/// rewrite is tried only when a cheap word check finds its words; anything else is left as said.
/// </content>
internal static partial class QuestionParser
{
    /// <summary>Rewrites the stop-49 per-customer wordings; on normalized text.</summary>
    internal static string RephrasePerCustomerStop49(string text)
    {
        if (text.Contains(" ltv ", StringComparison.Ordinal))
        {
            text = LifetimeValueDefined(text);
        }

        if (text.Contains(" single ", StringComparison.Ordinal))
        {
            // "whose single biggest order ever was above X": the customers whose largest order is over X.
            // (Dropped with the space after it, so "whose biggest order was" reads as one phrase.)
            text = SingleBiggestOrderRegex().Replace(text, "");
            if (!TimeSaidRegex().IsMatch(text))
            {
                text = BiggestOrderEverRegex().Replace(text, "");
            }

            // "<country> customers whose biggest order was above X: how many are there?": the count asked last, said first.
            text = WhoseBiggestHowManyRegex().Replace(text, m => $" how many {m.Groups["who"].Value} ");
        }

        if (text.Contains(" their total ", StringComparison.Ordinal) && (text.Contains(" spent ", StringComparison.Ordinal) || text.Contains(" spend ", StringComparison.Ordinal)))
        {
            // "the most any single customer has spent (their total, not one order)": the per-customer total, which "spent"
            // by one customer reads already.
            text = TheirTotalNotOneOrderRegex().Replace(text, m => new string(' ', m.Length));
        }

        if (text.Contains(" lifetime ", StringComparison.Ordinal) && text.Contains(" never ", StringComparison.Ordinal))
        {
            // "how many have a lifetime spend under $500? Count people who never bought as $0 spend": a lifetime spend said
            // as a noun counts those with none already (customers with no revenue included). Only with an upper bound on
            // the lifetime spend and no buyers named.
            Match zero = CountNeverBoughtAsZeroRegex().Match(text);
            if (zero.Success)
            {
                string rest = string.Concat(text.AsSpan(0, zero.Index), " ", text.AsSpan(zero.Index + zero.Length));
                if (LifetimeSpendUnderRegex().IsMatch(rest) && !BuyersNamedRegex().IsMatch(rest) && !TimeSaidRegex().IsMatch(rest))
                {
                    text = rest;
                }
            }
        }

        if ((text.Contains(" zero ", StringComparison.Ordinal) || text.Contains(" 0 ", StringComparison.Ordinal)) && text.Contains(" per customer ", StringComparison.Ordinal))
        {
            // "events per customer ..., counting customers with zero events as 0": every customer the filters pick, which
            // events or sessions per customer are over already. The rows said in the base must be the ones counted.
            text = NoRowsAsZeroRegex().Replace(text, m =>
            {
                string rows = m.Groups["rows"].Value;
                string singular = rows.TrimEnd('s');
                return (text.Contains($" {singular}s per customer ", StringComparison.Ordinal) || text.Contains($" {singular} per customer ", StringComparison.Ordinal))
                    && !text.Contains(" per buyer ", StringComparison.Ordinal) ? new string(' ', m.Length) : m.Value;
            });
        }

        if (text.Contains(" only ", StringComparison.Ordinal) && (text.Contains(" each buyer ", StringComparison.Ordinal) || text.Contains(" per buyer ", StringComparison.Ordinal)))
        {
            // "how many distinct categories has each buyer purchased from (buyers only)": the base said again.
            text = BuyersOnlyAfterEachRegex().Replace(text, m => new string(' ', m.Length));
        }

        if (text.Contains(" per customer ", StringComparison.Ordinal) && !text.Contains(" average ", StringComparison.Ordinal) && !text.Contains(" avg ", StringComparison.Ordinal) && !text.Contains(" mean ", StringComparison.Ordinal))
        {
            // "revenue per customer for customers with churn probability above 0.7": each customer's total averaged over the
            // customers the condition picks (those with none counting as zero), which is the total over the number of them.
            text = PerCustomerOfConditionRegex().Replace(text, m => $" average total {m.Groups["m"].Value} per customer {m.Groups["of"].Value} ");
        }

        return text;
    }

    // "(LTV = total lifetime order value per customer; customers who never bought count as 0)", "Define LTV as a customer's
    // total order value to date.": the definition dropped and "LTV" said as each customer's total spend. Read only with the
    // customers counted said (zeros, or an order); otherwise left as said (declined).
    private static string LifetimeValueDefined(string text)
    {
        Match definition = LtvDefinitionRegex().Match(text);
        if (!definition.Success)
        {
            return text;
        }

        string rest = string.Concat(text.AsSpan(0, definition.Index), " ", text.AsSpan(definition.Index + definition.Length));
        if (!LtvBaseSaidRegex().IsMatch(rest) || TimeSaidRegex().IsMatch(rest) || LtvUseRegex().Count(rest) != 1)
        {
            return text;
        }

        return LtvUseRegex().Replace(rest, m => $" {m.Groups["a"].Value} total spend per customer ");
    }

    // "ltv total lifetime order value per customer", "define ltv as a customer s total order value to date", "ltv means each
    // customer s total spend".
    [GeneratedRegex(@"(?<= )(?:define |defining |where |with )?(?:ltv|lifetime value) (?:is |as |means |equals |being |defined as |meaning )?(?:the |a |each |every )?(?:customer s |customers )?(?:total |sum of )?(?:lifetime |all time )?(?:order value|spend|spending|revenue|purchases)(?: per customer| of each customer| for each customer)?(?: to date| so far| ever| over all time| all time)?(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex LtvDefinitionRegex();

    // "average LTV", "mean LTV": the one use of the defined name.
    [GeneratedRegex(@"(?<= )(?<a>average|avg|mean) (?:lifetime value|ltv)(?: per customer)?(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex LtvUseRegex();

    // The customers an LTV is over, said: those who never bought as zero, or those with an order.
    [GeneratedRegex(@"(?<= )(?:(?:customers|those|people|anyone) who (?:have )?never (?:bought|ordered|purchased)(?: anything)? (?:count|counts|counted|counting) as (?:0|zero|dollars 0)|who (?:have|has) (?:at least one|an|any) (?:order|purchase))(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex LtvBaseSaidRegex();

    // A time range said anywhere (a lifetime total is over all time).
    [GeneratedRegex(@" (?:this|last|past|previous|since|during|in (?:19|20)\d\d|ytd|today|yesterday|q[1-4]|january|february|march|april|may|june|july|august|september|october|november|december)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex TimeSaidRegex();

    // "whose single biggest order": "single" before a customer's largest order.
    [GeneratedRegex(@"(?<= (?:whose|their|with a|with their|with the) )single (?=(?:biggest|largest|highest) (?:order|purchase) )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SingleBiggestOrderRegex();

    // "whose biggest order ever was above": "ever" after the largest order, over all time.
    [GeneratedRegex(@"(?<= whose (?:biggest|largest|highest) (?:order|purchase) )ever (?=(?:was|is) )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BiggestOrderEverRegex();

    // "<country> customers whose biggest order was above $2000 how many are there".
    [GeneratedRegex(@"^ (?<who>(?:[a-z]+ ){0,3}customers whose +(?:biggest|largest|highest) (?:order|purchase) +(?:was|is) (?:above|over|more than|greater than|at least) dollars \d+(?:\.\d+)?) +how many (?:are there|of them are there|are they|do we have|is that)? *$", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex WhoseBiggestHowManyRegex();

    // "(their total, not one order)", "their total not a single order".
    [GeneratedRegex(@"(?<= )their total (?:spend |spending )?(?:and )?not (?:one|a single|a|an individual|any one|any single) (?:order|purchase)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex TheirTotalNotOneOrderRegex();

    // "count people who never bought as $0 spend", "counting customers who never purchased as 0".
    [GeneratedRegex(@"(?<= )(?:count|counting|treat|treating) (?:people|customers|those|anyone|the ones) who (?:have )?never (?:bought|ordered|purchased)(?: anything)? as (?:dollars 0|0|zero)(?: (?:spend|spending|revenue|lifetime spend))?(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CountNeverBoughtAsZeroRegex();

    // "have a lifetime spend under $500", "whose lifetime spend is below $500".
    [GeneratedRegex(@" lifetime (?:spend|spending|revenue|order value) (?:is |was )?(?:under|below|less than|at most|lower than) dollars \d", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex LifetimeSpendUnderRegex();

    // Buyers named: the customers with rows only.
    [GeneratedRegex(@" (?:buyers?|shoppers?|purchasers?|paying|who (?:have )?(?:bought|ordered|purchased)|with (?:an|at least one|any) (?:order|purchase))(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BuyersNamedRegex();

    // "counting customers with zero events as 0", "count customers with no sessions as zero".
    [GeneratedRegex(@"(?<= )(?:count|counting|treat|treating) (?:customers|those|people|anyone|the ones) with (?:zero|no|0) (?<rows>events|sessions|behaviou?ral events) as (?:0|zero)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NoRowsAsZeroRegex();

    // "(buyers only)", "(only buyers)".
    [GeneratedRegex(@"(?<= )(?:buyers only|only buyers)(?= *$)", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BuyersOnlyAfterEachRegex();

    // "revenue per customer for customers with churn probability above 0.7": a spend per customer of the customers a
    // comparison on an attribute picks.
    [GeneratedRegex(@"^ (?:(?:what is|whats|what was) )?(?:the |our )?(?<m>revenue|spend|sales) per customer (?<of>(?:for|among|of) (?:the )?customers (?:with|whose) [a-z ]+? (?:above|over|below|under|greater than|less than|more than) \d+(?:\.\d+)?)(?= *$)", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex PerCustomerOfConditionRegex();
}

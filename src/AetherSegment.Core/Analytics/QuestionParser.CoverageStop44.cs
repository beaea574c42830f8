using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// Wordings the training sets of stop 44 declined, said as the parser already reads them (ask52): "baskets" abandoned
/// (carts), "(for the e-comm weekly)", "shifted the most units" (sold), "campaigns we've run" (campaigns),
/// a greeting before the question, "just the number of people, not orders" after a count of people, "(sum of order value in
/// transactions)" after revenue, "active customers (any purchase)" (customers who bought), "email-acquired customers"
/// (customers acquired via email), "whose average order is over $500" (average order value), "spend per (value) buyer"
/// after the same value, "average cart value of abandoned carts" and "exceeds" (over). Each pattern runs only where the
/// text holds a word every match of it contains. On normalized text.
/// </content>
internal static partial class QuestionParser
{
    /// <summary>The training-set wordings of stop 44 said as the parser reads them. On normalized text.</summary>
    internal static string RephraseCoverageStop44(string text)
    {
        // "how many baskets were abandoned": an abandoned basket is an abandoned cart.
        text = text.Contains("basket", StringComparison.Ordinal) && text.Contains("abandon", StringComparison.Ordinal) ? BasketRegex().Replace(text, m => m.Value.EndsWith('s') ? "carts" : "cart") : text;

        // "(for the e-comm weekly)", "for the board pack": who the number is for adds nothing to it.
        text = text.Contains("for ", StringComparison.Ordinal) ? ForTheReportRegex().Replace(text, " ") : text;

        // "which 3 product types shifted the most units": sold them.
        text = text.Contains("most", StringComparison.Ordinal) ? ShiftedUnitsRegex().Replace(text, "sold") : text;

        // "number of campaigns we've run per campaign type": the campaigns.
        text = text.Contains("campaigns ", StringComparison.Ordinal) ? CampaignsWeRanRegex().Replace(text, " ") : text;

        // "hey, can you split ...": a greeting before the question.
        text = text.StartsWith(" h", StringComparison.Ordinal) || text.StartsWith("h", StringComparison.Ordinal) ? GreetingRegex().Replace(text, " ") : text;

        // "how many customers have ever bought (a product)? just the number of people, not orders": people counted already.
        text = text.Contains(" not ", StringComparison.Ordinal) ? PeopleNotOrdersRegex().Replace(text, " ") : text;

        // "revenue by category (sum of order_value in transactions)": revenue said again.
        text = text.Contains("value", StringComparison.Ordinal) && RevenueWordRegex().IsMatch(text) && !AveragingWordRegex().IsMatch(text) ? SumOfOrderValueRegex().Replace(text, " ") : text;

        // "how many active customers (any purchase) in the last 90 days": active defined as buying is customers who bought.
        text = text.Contains("active ", StringComparison.Ordinal) ? ActiveAnyPurchaseRegex().Replace(text, "${who} who bought") : text;

        // "what percent of email-acquired customers ...": the customers acquired via email.
        text = text.Contains(" acquired ", StringComparison.Ordinal) ? ChannelAcquiredRegex().Replace(text, "${who} acquired via ${ch}") : text;

        // "customers whose average order is over $500": the average order value.
        text = text.Contains(" order ", StringComparison.Ordinal) ? AverageOrderIsRegex().Replace(text, "${a} order value") : text;

        // "average (category) spend per (category) buyer": the value said again on the buyer is the buyers of that value.
        text = text.Contains(" per ", StringComparison.Ordinal) ? SpendPerValueBuyerRegex().Replace(text, "${v} ${m} per ${b}") : text;

        // "average cart value of abandoned carts": every cart value is an abandoned cart's.
        text = text.Contains("cart value ", StringComparison.Ordinal) ? CartValueOfCartsRegex().Replace(text, " ") : text;

        // "cities where total revenue exceeds $800k": over.
        return text.Contains("exceed", StringComparison.Ordinal) ? ExceedsRegex().Replace(text, "over") : text;
    }

    [GeneratedRegex(@"(?<= )baskets?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex BasketRegex();

    [GeneratedRegex(@"^ *for (?:the|our|my|this|next|a) (?:[a-z]+ ){0,3}(?:weekly|monthly|quarterly|report|deck|board pack|meeting|review|standup|slides|slide|memo|newsletter|readout)(?= )|(?<= )for (?:the|our|my|this|next|a) (?:[a-z]+ ){0,3}(?:weekly|monthly|quarterly|report|deck|board pack|meeting|review|standup|slides|slide|memo|newsletter|readout)(?= *$)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ForTheReportRegex();

    [GeneratedRegex(@"(?<= )(?:shifted|shift|shifts|moved|shipped)(?= (?:the )?most (?:units|items|pieces)(?= ))", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ShiftedUnitsRegex();

    [GeneratedRegex(@"(?<= campaigns) (?:that |which )?(?:weve|we ve|we have|we)(?: ever| actually)? (?:run|ran|had|done)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CampaignsWeRanRegex();

    [GeneratedRegex(@"^ *(?:hey|hi|hello|heya|hiya)(?: there| team| all)?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex GreetingRegex();

    [GeneratedRegex(@"(?<=(?: how many| count| number of)(?: distinct| unique| different)? (?:customers|people|shoppers|buyers|persons|individuals) .*)(?<= )(?:(?:just|only) )?(?:the )?(?:(?:number|count) of )?(?:people|customers|persons|individuals|shoppers) not (?:the )?(?:number of )?(?:orders|transactions|purchases)(?= |$)", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex PeopleNotOrdersRegex();

    [GeneratedRegex(@"(?<= )(?:revenue|sales)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex RevenueWordRegex();

    [GeneratedRegex(@"(?<= )(?:average|avg|mean|median|per)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AveragingWordRegex();

    [GeneratedRegex(@"(?<= )(?:i e |ie |as )?(?:the )?(?:sum|total) of (?:the )?order value(?: (?:in|from|over|across|of) (?:the |all )?(?:transactions|orders|purchases)(?: table)?)?(?= |$)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SumOfOrderValueRegex();

    [GeneratedRegex(@"(?<= )active (?<who>customers|shoppers|users|people|buyers) (?:any purchase|any purchases|any order|any orders|with any purchase|with a purchase|with any order|who bought anything|who bought something|i e bought anything|bought anything|purchased)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ActiveAnyPurchaseRegex();

    [GeneratedRegex(@"(?<=(?:^| )(?:of|are|among|amongst|for|many|the|our|all|what|which|were|count|across) )(?<ch>(?!newly |recently |originally |first |the |our |all |new )[a-z]+(?: [a-z]+)?) acquired (?<who>customers|shoppers|users|people|buyers)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ChannelAcquiredRegex();

    [GeneratedRegex(@"(?<= )(?<a>average|avg|mean) order(?= (?:is|was|are|were|above|over|exceeds|exceeding|greater|more|higher|below|under|less|at least|at most) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AverageOrderIsRegex();

    [GeneratedRegex(@"(?<= )(?<v>[a-z]+(?: [a-z]+){0,2}) (?<m>spend|spending|revenue|sales) per (?:\k<v>) (?<b>buyer|purchaser)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SpendPerValueBuyerRegex();

    [GeneratedRegex(@"(?<=(?:average|avg|mean) (?:abandoned )?cart value) (?:of|for|across|over|on) (?:the |all )?(?:abandoned carts|carts abandoned|carts that were abandoned)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CartValueOfCartsRegex();

    [GeneratedRegex(@"(?<= )(?:exceeds|exceeded|exceed|exceeding)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ExceedsRegex();
}

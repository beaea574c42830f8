using System.Text.RegularExpressions;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

/// <content>
/// Shorthand for thresholds and purchases, said as the parser reads them (stop 37): "churn prob", "whose biggest
/// single order was over $2,000" (an order over it), "made at least one single purchase over $800", "(any time)".
/// </content>
internal static partial class QuestionParser
{
    /// <summary>Thresholds and purchases said in shorthand, as the parser reads them. On normalized text.</summary>
    internal static string RephraseShorthand(string text)
    {
        // Each pattern only where the text holds a word every match of it contains (stop 42, parse speed).
        text = text.Contains(" prob ", StringComparison.Ordinal) ? ProbRegex().Replace(text, "probability") : text;

        // "lifetime spend (sum of order_value over all their transactions)", "revenue (sum of order value)": the total said
        // again after its name; "buyers (customers with at least one purchase)": the buyers said again.
        text = text.Contains("value", StringComparison.Ordinal) ? SumOfValueRegex().Replace(text, "") : text;
        text = text.Contains("buyers ", StringComparison.Ordinal) ? BuyersSaidAgainRegex().Replace(text, "") : text;

        // "between $1,000 and $2,000 (inclusive on both ends)": between is inclusive already.
        if (text.Contains(" between ", StringComparison.Ordinal))
        {
            text = InclusiveRegex().Replace(text, "");
        }

        // "Customers with no purchases don't count" after a lower bound above zero: no customer without purchases passes it.
        if (LowerBoundAboveZeroRegex().IsMatch(text) && !UpperBoundRegex().IsMatch(text))
        {
            text = NoPurchasesDontCountRegex().Replace(text, "");
        }

        // "which 5 product types were viewed most": the most viewed.
        text = text.Contains("viewed ", StringComparison.Ordinal) ? ViewedMostRegex().Replace(text, "most viewed") : text;

        // "who still bought something", "that also ordered": the purchase, as "who bought" says it.
        text = PurchaseAdverbRegex().Replace(text, "");

        // "high churn risk (churn probability over 0.6) customers": a level of risk defined by the comparison said right
        // after it is that comparison.
        text = text.Contains(" risk ", StringComparison.Ordinal) ? DefinedRiskRegex().Replace(text, "") : text;

        // "customers whose biggest single order was over $2,000": a largest order over an amount is an order over it (a lower
        // bound only: "whose biggest order was under $100" says every order was, and stays unplaced).
        bool rowNoun = text.Contains("order", StringComparison.Ordinal) || text.Contains("purchase", StringComparison.Ordinal) || text.Contains("transaction", StringComparison.Ordinal);
        text = !rowNoun ? text : LargestRowOverRegex().Replace(text, m => $"with an order {m.Groups["op"].Value}");

        // "made at least one single purchase over $800", "placed any order above 500": a customer with an order over the
        // amount; a plain number after one order's comparison is its value ("an order over 2000" is not 2,000 orders).
        text = !rowNoun ? text : OneRowOverRegex().Replace(text, m => $"with an order {m.Groups["op"].Value}");

        // "customers with a CLV score above 0.5 made a purchase last month": bought (not a purchase of some value).
        text = text.Contains(" purchase ", StringComparison.Ordinal) ? MadeAPurchaseRegex().Replace(text, "bought") : text;
        text = DigitSaid(text) && (rowNoun || text.Contains("cart ", StringComparison.Ordinal)) ? RowAmountRegex().Replace(text, m => m.Value + "dollars ") : text;

        // "in November 2026 to date", "2026 (year to date)", "November 2026 (month to date)": the named period up to the as-of,
        // which is the named period (the data ends at the as-of); "to date" was read as a breakdown by day.
        text = text.Contains("to date", StringComparison.Ordinal) || text.Contains("so far", StringComparison.Ordinal) || text.Contains(" now", StringComparison.Ordinal) ? NamedPeriodToDateRegex().Replace(text, "") : text;

        // "added to cart in the last 14 days but had no checkout start in those 14 days": without it in the same range.
        text = !(text.Contains(" in those ", StringComparison.Ordinal) || text.Contains(" in these ", StringComparison.Ordinal) || text.Contains(" same ", StringComparison.Ordinal)) ? text : NoneInTheSameRangeRegex().Replace(text, m => m.Groups["what"].Value is "purchase" or "purchases" or "order" or "orders" or "transaction" or "transactions"
            ? "but did not buy anything in that same period"
            : $"without {m.Groups["what"].Value} in that same period");

        // "bought something in 2025 but nothing in 2026": not bought anything in the second range.
        if (PurchaseVerbRegex().IsMatch(text))
        {
            text = ButNothingInRegex().Replace(text, " but have not bought anything ");
            text = ButNothingFrom(text);
        }

        // "(any time)", "at any point": over all time, as a question without a range reads.
        return !text.Contains("time", StringComparison.Ordinal) ? text : AnyTimeRegex().Replace(text, m => new string(' ', m.Length));
    }

    [GeneratedRegex(@"(?<=(?:spend|revenue|sales|spent|spending) )(?:the )?(?:sum|total) of (?:the )?(?:[a-z]+ )?value(?: (?:over|across|of) all (?:of )?(?:their|the|his or her) (?:transactions|orders|purchases))? (?=[a-z#\d])", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SumOfValueRegex();

    [GeneratedRegex(@"(?<=buyers )(?:i e |ie |meaning |that is )?(?:customers|people|shoppers) (?:with|who made|who have made|who have|having) (?:at least one|at least 1|one or more|1 or more) (?:purchase|order|transaction)s? ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex BuyersSaidAgainRegex();

    [GeneratedRegex(@"(?<= )(?:inclusive(?: (?:on|at|of) both (?:ends|sides))?|both (?:ends |bounds |sides |days )?inclusive|inclusive of both(?: ends)?)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex InclusiveRegex();

    [GeneratedRegex(@" (?:over|above|more than|greater than|at least|between) (?:dollars )?[1-9]", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex LowerBoundAboveZeroRegex();

    [GeneratedRegex(@" (?:under|below|less than|fewer than|lower than|smaller than|at most|up to|no more than|not more than) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex UpperBoundRegex();

    [GeneratedRegex(@"(?<= )(?:customers|people|shoppers|those|ones|the ones) (?:with|who have|who made|having) (?:no|zero) (?:purchases|orders|transactions) (?:" + LanguageWords.DoNotPattern + @"|should not|shouldnt|" + LanguageWords.DoesNotPattern + @") count(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NoPurchasesDontCountRegex();

    [GeneratedRegex(@"(?<= )(?:were |was |are |is |got |get )?viewed (?:the )?most(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ViewedMostRegex();

    [GeneratedRegex(@"(?<= )(?:but )?(?:had |have |has |with |made )?no (?<what>(?:[a-z]+ ){0,2}[a-z]+?)(?: events?)? in (?:those|these|the same|that same|this same)(?: \d{1,3})? (?:days|weeks|months|hours|period|window|time range|range)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NoneInTheSameRangeRegex();

    [GeneratedRegex(@" but nothing (?=(?:in|during|since|this|last|over|within) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ButNothingInRegex();

    [GeneratedRegex(@"(?<= )prob(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ProbRegex();

    [GeneratedRegex(@"(?<= (?:who|that|have|has|had|they) )(?:still|also|actually|recently) (?=(?:have |has |had )?(?:bought|purchased|ordered|shopped|made|placed|buy|purchase|order) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PurchaseAdverbRegex();

    [GeneratedRegex(@"(?<= )(?:high|higher|elevated|low|lower) (?:[a-z]+ )?risk (?=[a-z]+ (?:[a-z]+ )?(?:over|above|at least|more than|greater than|under|below|less than|at most) \d)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex DefinedRiskRegex();

    private const string LowerBound = "over|above|more than|greater than|higher than|bigger than|larger than|exceeding|in excess of|at least";

    [GeneratedRegex(@"(?<= )(?:whose|(?:with|have|has|had) (?:a|their|his or her)) (?:single )?(?:biggest|largest|highest|priciest|most expensive) (?:single |individual )?(?<noun>order|purchase|transaction)(?: value)? (?:was |is |has been |of |were |worth |valued at )?(?<op>" + LowerBound + @")(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex LargestRowOverRegex();

    [GeneratedRegex(@"(?<= )(?:(?:made|placed|had|has|have|with) )?(?:at least one|at least 1|one or more|1 or more|any) (?:single |individual )?(?<noun>order|purchase|transaction)s? (?:worth |valued at |of )?(?<op>" + LowerBound + @")(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OneRowOverRegex();

    [GeneratedRegex(@"(?<= )(?:made|make|makes) (?:a|any) purchase(?= )(?! (?:over|above|more|greater|higher|bigger|larger|exceeding|in excess|at least|at most|under|below|less|lower|smaller|worth|of|valued|for|between|with|from|in the|on) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex MadeAPurchaseRegex();

    [GeneratedRegex(@"(?<= (?:a|an|one|any) (?:single |individual )?(?:order|purchase|transaction|cart|abandoned cart) (?:worth |valued at |of )?(?:" + LowerBound + @"|under|below|less than|lower than|smaller than|at most) )(?=\d)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex RowAmountRegex();

    [GeneratedRegex(@"(?<=(?: (?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)(?: (?:19|20)\d{2})?| (?:19|20)\d{2}) )(?:(?:month|year) )?(?:to date|so far|up to now|until now|to now)(?: so far)? ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NamedPeriodToDateRegex();

    [GeneratedRegex(@"(?<= )(?:at )?any ?time(?: at all)?(?= $)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AnyTimeRegex();
}

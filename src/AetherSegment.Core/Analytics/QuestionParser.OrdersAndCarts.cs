using System.Text.RegularExpressions;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

/// <content>
/// Orders, carts, items and customer lists said in other words (stop 41): "single orders over $2,000", "a quantity of 4 or
/// more items", "orders where the quantity was more than 1", "carts that contained just one item", "the value that sits
/// in carts", "basket size in units per order", "price per unit", "our 5 biggest spenders", "which customer has the
/// highest lifetime spend", and brackets that restate what is said outside them.
/// </content>
internal static partial class QuestionParser
{
    /// <summary>
    /// Orders and carts said as the parser reads them, on normalized text: each rewrite keeps the question's meaning and
    /// only says it in the words read elsewhere. A cheap word test guards each regex.
    /// </summary>
    internal static string RephraseOrdersAndCarts(string text)
    {
        // "number of single orders over $2,000", "placed a single <category> order over $1,500": each order over the
        // amount (not a customer's total), which "orders over $2,000" says; "single" alone ("customers with a single
        // order") is a count and stays.
        if (text.Contains(" single ", StringComparison.Ordinal) || text.Contains(" individual ", StringComparison.Ordinal))
        {
            text = SingleOrderOverRegex().Replace(text, " ");
        }

        bool quantity = text.Contains(" quantity ", StringComparison.Ordinal);
        if (quantity)
        {
            // "orders with a quantity of 4 or more items": the quantity is the units, said once.
            text = QuantityUnitsRegex().Replace(text, "quantity ${mid}");

            // "percentage of orders where the quantity was more than 1": orders with a quantity over 1.
            text = WhereQuantityRegex().Replace(text, m => m.Groups["v"].Value is "exceeded" or "exceeds" or "exceeding" ? "with a quantity over " : "with a quantity ");
        }

        if (text.Contains(" cart", StringComparison.Ordinal) || text.Contains(" basket", StringComparison.Ordinal))
        {
            // "abandoned carts holding 3 or more items", "carts that contained just one item": carts with that many
            // items, "just" and "only" saying exactly that many.
            text = CartHoldingRegex().Replace(text, m => m.Groups["x"].Success ? "with exactly " : "with ");

            // "what share sits in carts with 3 or more items": is in those carts.
            text = SitsInCartsRegex().Replace(text, "is");
        }

        if (text.Contains(" size ", StringComparison.Ordinal))
        {
            // "average basket size in units per order": the units per order.
            text = BasketSizeInUnitsRegex().Replace(text, "average units per order");
        }

        if (text.Contains(" per unit ", StringComparison.Ordinal))
        {
            // "price per unit for each product type", "revenue per unit": revenue divided by units, said as a ratio. An
            // average price per unit (the mean over orders, or the total over the units?) stays unread unless a bracket
            // said which (OrdersAndCartsSaid).
            text = PricePerUnitRegex().Replace(text, "revenue per units sold");
        }

        return text;
    }

    /// <summary>
    /// Brackets and trailing asks on the question as written that restate what is said outside them, dropped; and a top
    /// customer said by its lifetime spend. Before <see cref="Shorthand"/>, which reads the top customers.
    /// </summary>
    private static string OrdersAndCartsSaid(string question)
    {
        if (question.Contains('(', StringComparison.Ordinal))
        {
            // "customers whose average order value is above $500 (average over each customer's own orders)": each
            // customer's average order value, which "whose average order value" reads already.
            if (question.Contains("average order value", StringComparison.OrdinalIgnoreCase))
            {
                question = OwnOrdersBracketRegex().Replace(question, " ");
            }

            // "average order value per country (mean order_value of that country's customers' orders)": the average order
            // value of each group's orders, which "average order value per country" reads already.
            if (question.Contains("average order value", StringComparison.OrdinalIgnoreCase))
            {
                question = GroupOrdersBracketRegex().Replace(question, " ");
            }

            // "average price per unit for each product type (revenue divided by units)": revenue per unit sold.
            if (RevenueByUnitsBracketRegex().IsMatch(question))
            {
                question = AveragePricePerUnitRegex().Replace(RevenueByUnitsBracketRegex().Replace(question, " "), "revenue per unit");
            }
        }

        // "Which customer has the highest total lifetime spend? give me the id": the customer who spent the most, with
        // the id the answer gives.
        if (question.Contains("which customer", StringComparison.OrdinalIgnoreCase) && HighestSpendRegex().IsMatch(question))
        {
            question = GiveTheIdRegex().Replace(HighestSpendRegex().Replace(question, "which customer has spent the most"), " - customer id");
        }

        // "Who are our 5 biggest spenders in <a city>?", "Our 10 biggest spenders (customer ids)": the 5 customers who spent
        // the most (read with their ids by Shorthand).
        if (question.Contains("spenders", StringComparison.OrdinalIgnoreCase))
        {
            question = BiggestSpendersRegex().Replace(question, "which ${n} customers spent the most");
        }

        // "Which cities have over 600 customers? give the customer count for each": the breakdown gives each group's
        // value; asking for it adds nothing.
        if (question.Contains("each", StringComparison.OrdinalIgnoreCase) && GroupsOverSaidRegex().IsMatch(question))
        {
            question = CountForEachRegex().Replace(question, "");
        }

        // "Name the single city with the highest number of abandoned carts": which city has the most.
        if (question.StartsWith("name ", StringComparison.OrdinalIgnoreCase))
        {
            question = NameTheOneRegex().Replace(question, "which ${noun} has the ");
        }

        return question;
    }

    [GeneratedRegex(@"(?<! (?:biggest|largest|highest|smallest|lowest|max|maximum|their|his|her|only a|just a|exactly a|only one|just one)) (?:single|individual) (?=(?:[a-z]+ ){0,3}(?:orders?|transactions?|purchases?) (?:(?:that |which )?(?:were|was|are|is|came in) )?(?:over|above|more than|greater than|exceeding|worth|valued|of over|of more than|bigger than|larger than|at least|under|below|less than) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SingleOrderOverRegex();

    [GeneratedRegex(@"(?<= )quantity (?<mid>(?:(?:of|was|is|were|greater|more|than|over|above|at|least|most|below|under|less|exactly) ){0,3}(?:\d{1,3}|" + LanguageWords.CountWordPattern + @")(?: or (?:more|fewer|less|above|greater))?) (?:items?|units?|pieces?)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex QuantityUnitsRegex();

    [GeneratedRegex(@"(?<= (?:orders|transactions|purchases) )(?:where|in which|for which|whose) (?:the )?quantity (?<v>was|is|were|exceeded|exceeds|exceeding) (?=(?:of |over |above |more than |greater than |at least |under |below |less than |exactly )?(?:\d{1,3}|" + LanguageWords.CountWordPattern + @") )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex WhereQuantityRegex();

    [GeneratedRegex(@"(?<= (?:carts|baskets|cart|basket) )(?:that |which )?(?:(?:contained|contain|contains|containing|held|hold|holds|holding)(?: (?<x>just|only|exactly))?|(?:had|has|having|have|with) (?<x>just|only)) (?=(?:at least |more than |over |fewer than |less than |under |at most )?(?:\d{1,3}|" + LanguageWords.CountWordPattern + @")(?: or (?:more|fewer|less))? items? )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CartHoldingRegex();

    [GeneratedRegex(@"(?<= )(?:sits|sit|lies|resides|is sitting|is held)(?= in (?:abandoned )?(?:carts|baskets) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SitsInCartsRegex();

    [GeneratedRegex(@"(?<= )(?:(?:the )?(?:average|mean) )?(?:basket|order) size (?:in|measured in) units per order(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex BasketSizeInUnitsRegex();

    [GeneratedRegex(@"(?<= )(?<!(?:average|mean|typical|median) )(?:price|revenue) per unit(?: sold)?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PricePerUnitRegex();

    [GeneratedRegex(@"\b(?:(?:who|which) are )?(?:our |the )?(?<n>\d{1,3}|" + LanguageWords.CountWordPattern + @") (?:biggest|top|largest|highest) spenders\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex BiggestSpendersRegex();

    [GeneratedRegex(@"\(\s*(?:the\s+)?(?:average|mean)\s+(?:over|of|across)\s+(?:each|every|the)\s+(?:customer|buyer|shopper)(?:['\u2019]s|s['\u2019]|s)?\s+own\s+(?:orders|purchases|transactions)\s*\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OwnOrdersBracketRegex();

    [GeneratedRegex(@"\(\s*(?:the\s+)?(?:mean|average)\s+(?:order[_ ]value|value)\s+of\s+(?:that|each|the)\s+(?:country|city|category|product type|source|acquisition source|group)(?:['\u2019]s|s['\u2019]?)?\s+(?:customers['\u2019]?\s+)?(?:orders|transactions|purchases)\s*\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex GroupOrdersBracketRegex();

    [GeneratedRegex(@"^\s*(?:which|what) (?:cities|countries|categories|product types|products|acquisition sources|sources|devices) (?:have|had|has) (?:over|more than|above|at least|fewer than|less than|under|below) ", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex GroupsOverSaidRegex();

    [GeneratedRegex(@"[?.!;:,\u2013\u2014-]\s*(?:and\s+)?(?:please\s+)?(?:give|show|list|tell)(?:\s+me)?\s+(?:the\s+)?(?:customer\s+|order\s+)?(?:count|counts|number|numbers|total|totals)\s+(?:for|in|of)\s+each(?:\s+one)?(?:,?\s+please)?[.!]?\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CountForEachRegex();

    [GeneratedRegex(@"\(\s*(?:total\s+)?revenue\s+(?:divided\s+by|/|over)\s+(?:total\s+)?(?:units(?:\s+sold)?|quantity)\s*\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex RevenueByUnitsBracketRegex();

    [GeneratedRegex(@"\b(?:the\s+)?(?:average|mean|avg)\s+(?:selling\s+)?(?:price\s+per\s+unit|unit\s+price)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AveragePricePerUnitRegex();

    [GeneratedRegex(@"\bwhich customer (?:has|had) the (?:highest|biggest|largest|greatest) (?:total )?(?:lifetime )?(?:spend|spending|total spend)\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex HighestSpendRegex();

    [GeneratedRegex(@"(?:[-\u2013\u2014:.,;?] ?)\s*(?:(?:just|only|please|pls) )?(?:give me|show me|tell me)?\s*(?:the|their|its) id(?:,? ?(?:pls|please|only))?[.!]?\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex GiveTheIdRegex();

    [GeneratedRegex(@"^\s*name the (?:single |one |top )?(?<noun>city|country|category|product type|product|campaign|acquisition source|source|device) with the (?=highest|most|largest|biggest|lowest|fewest|smallest)", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NameTheOneRegex();
}

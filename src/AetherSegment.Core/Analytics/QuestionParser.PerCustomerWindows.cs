using System.Text.RegularExpressions;
using AetherSegment.Data;
using AetherSegment.Profiles;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

/// <content>
/// Per-customer figures and two conditions in one window (stop 43, ask45), said as the parser reads them:
/// "Of the customers who abandoned a cart in the last 7 days, how many have not placed any order in that same 7 days?"
/// (the base said first, the second condition tied to its range) as "how many customers abandoned a cart in the last 7
/// days but have not placed any order in that period"; "what percentage of our whole customer base has bought in the last
/// 90 days" as the share of every customer with at least one order in the range; "how many days on average between their
/// first and last purchase" as the average days between them. Each rewrite is tried only when a cheap word check finds its
/// words; what it cannot place is left as said (declined as before).
/// </content>
internal static partial class QuestionParser
{
    /// <summary>Rewrites a base said first with a second condition in its window, a share of every customer who bought in a
    /// range, and the days between purchases said around "on average"; on normalized text.</summary>
    internal static string RephrasePerCustomerWindows(string text)
    {
        if (text.Contains(" how many ", StringComparison.Ordinal) && (text.Contains(" same ", StringComparison.Ordinal) || text.Contains(" that ", StringComparison.Ordinal) || text.Contains(" this ", StringComparison.Ordinal))
            && BaseFirstRegex().IsMatch(text))
        {
            text = BaseThenSameWindow(text);
        }

        if (text.Contains(" of ", StringComparison.Ordinal) && (text.Contains("percent", StringComparison.Ordinal) || text.Contains(" share ", StringComparison.Ordinal)
            || text.Contains(" proportion ", StringComparison.Ordinal) || text.Contains(" fraction ", StringComparison.Ordinal) || text.Contains(" pct ", StringComparison.Ordinal) || text.Contains(" portion ", StringComparison.Ordinal)))
        {
            // "what percentage of our whole customer base has bought in the last 90 days", "of all our customers, what share
            // made a purchase this year": every customer, the part those with at least one order in the range (the range is
            // the orders'; the whole is over all time).
            // Only where the purchase is the part: "what share of customers who bought in the last 30 days are <a flag>" has
            // its part after the range, and the buyers are its whole.
            string said = text;
            text = EveryCustomerBoughtRegex().Replace(text, m => PartSaidAfter(said, m) ? m.Value : $" {m.Groups["share"].Value} of customers placed at least 1 order ");
            said = text;
            text = EveryCustomerBoughtFirstRegex().Replace(text, m => PartSaidAfter(said, m) ? m.Value : $" what {m.Groups["share"].Value} of customers placed at least 1 order ");
        }

        if (text.Contains(" days ", StringComparison.Ordinal) && text.Contains(" first ", StringComparison.Ordinal))
        {
            // "how many days on average between their first and last purchase": the average days between them, as
            // "average days between their first and last purchase" reads it.
            text = DaysOnAverageRegex().Replace(text, " average days ");
        }

        return text;
    }

    // "Of the customers who abandoned a cart in the last 7 days, how many have not placed any order in that same 7 days?":
    // the customers counted said first, then a second condition tied to the first's range ("in that same 7 days", "in the
    // same period", "during that window"). Read as one count with both conditions, the second in the same range: negated
    // as "but <not ...> in that period" (QuestionParser.SameWindow.cs), otherwise with the range said again. A number of
    // days that is not the range said (the last 7 days ... the same 14 days) is left as said.
    private static string BaseThenSameWindow(string text)
    {
        if (BaseThenSameWindowRegex().Match(text) is not { Success: true } m)
        {
            return text;
        }

        string first = m.Groups["x"].Value.Trim();
        if (RangeInBaseRegex().Match(" " + first + " ") is not { Success: true } range)
        {
            return text;
        }

        if (m.Groups["n"].Success && !(m.Groups["n"].Value == range.Groups["n"].Value && m.Groups["unit"].Value == range.Groups["unit"].Value.TrimEnd('s')))
        {
            return text;
        }

        // "shoppers", "people", "users": the customers counted.
        string who = m.Groups["who"].Value == "buyers" ? "buyers" : "customers";
        string second = m.Groups["y"].Value.Trim();
        string tail = m.Groups["tail"].Success ? m.Groups["tail"].Value : " ";
        if (m.Groups["neg"].Success || NegatedSecondRegex().IsMatch(" " + second + " "))
        {
            string negated = m.Groups["neg"].Success ? m.Groups["neg"].Value.Trim() + " " : "";
            return $" how many {who} {first} but {negated}{second} in that period{tail}";
        }

        // "placed an order in that same 7 days": a purchase, as "bought something" reads it beside another condition.
        second = SecondPurchaseSaidRegex().Replace(" " + second + " ", " bought something ").Trim();
        return $" how many {who} {first} and {second} {range.Value.Trim()}{tail}";
    }

    // A second condition said negated without "not" before its verb: "placed no order", "bought nothing", "without buying".
    private static readonly string[] PartVerbs = [" are ", " were ", " is ", " was ", " also ", " then ", " and ", " who ", " that ", " have ", " had ", " did "];

    // A verb after the range says what the share is of: the purchase was the whole's condition.
    private static bool PartSaidAfter(string text, Match m) =>
        text.Length > m.Index + m.Length && Array.Exists(PartVerbs, verb => text.IndexOf(verb, m.Index + m.Length, StringComparison.Ordinal) >= 0);

    [GeneratedRegex(@" (?:no|nothing|none|never|not|without|" + LanguageWords.HaveNotPattern + "|" + LanguageWords.DidNotPattern + "|" + LanguageWords.HasNotPattern + @") ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NegatedSecondRegex();

    // "placed an order", "made a purchase", "ordered something": a purchase.
    [GeneratedRegex(@"^ (?:(?:also |then |actually )?(?:placed|made) (?:an|a|any|at least one) (?:order|purchase|transaction)|(?:also |then )?(?:ordered|purchased|bought) (?:something|anything))(?= $)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SecondPurchaseSaidRegex();

    // The base said first: "of the customers who", "among people that".
    [GeneratedRegex(@"^ (?:of|among|amongst|out of|for) (?:the |all the |all |those |our )?(?:customers|people|shoppers|buyers|users|clients) (?:who|that) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex BaseFirstRegex();

    [GeneratedRegex(@"^ (?:of|among|amongst|out of|for) (?:the |all the |all |those |our )?(?<who>customers|people|shoppers|buyers|users|clients) (?:who|that) (?<x>.+?) how many (?:of them |of those |of these |of that group )?(?:(?<neg>(?:(?:have|has|had|did) )?(?:not|never)|havent|hasnt|hadnt|didnt) )?(?<y>(?:(?!how many )[a-z0-9]+ ){1,10}?)(?:in|during|within|over|for) (?:(?:that|those|the|this|these) same (?:(?<n>\d{1,3}) (?<unit>day|week|month|hour)s?(?: window| period| span)?|window|period|time ?frame|time|span)|(?:that|this) (?:window|period|time ?frame|span))(?<tail>(?: (?:too|as well|also|then))? *)$", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BaseThenSameWindowRegex();

    // The range of the base: "in the last 7 days", "over the past 30 days" (a rolling range, which "the same N days" can name).
    [GeneratedRegex(@" (?:in|during|within|over) the (?:last|past|previous) (?<n>\d{1,3}) (?<unit>days|weeks|months|hours) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex RangeInBaseRegex();

    // "what percentage of our whole customer base has bought in the last 90 days", "what share of all customers made a
    // purchase this year": said of every customer, before a range.
    [GeneratedRegex(@"(?<= )(?<share>share|percentage|percent|proportion|fraction|portion|pct) of (?:all |all of |all the |the |our |all our |all of our |the whole |our whole |the entire |our entire |our total |the total )?(?:customers|customer base|base of customers|clients|shoppers)(?: as a whole)? (?:have |has |had |who have |who |that )?(?:bought|purchased|ordered|shopped|made (?:a |any |at least one )?(?:purchase|order)s?|placed (?:an |any |at least one )?orders?)(?: something| anything| from us)?(?: at least once)?(?= (?:in|during|within|over|this|last|since|so far) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex EveryCustomerBoughtRegex();

    // "of all our customers, what share bought in the last 90 days": the whole said first.
    [GeneratedRegex(@"^ (?:of|among|across|out of) (?:all |all of |all the |the whole |our whole |the entire |our entire |the total |our total )?(?:our |the )?(?:customers|customer base)(?: as a whole)? (?:what|which) (?<share>share|percentage|percent|proportion|fraction|portion|pct)(?: of (?:them|those))? (?:have |has |had )?(?:bought|purchased|ordered|shopped|made (?:a |any |at least one )?(?:purchase|order)s?|placed (?:an |any |at least one )?orders?)(?: something| anything| from us)?(?: at least once)?(?= (?:in|during|within|over|this|last|since|so far) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex EveryCustomerBoughtFirstRegex();

    // "how many days on average between", "on average, how many days pass between": the average days, said before "between".
    [GeneratedRegex(@"(?<= )(?:on average |on avg )?how many days (?:on average |on avg )?(?:(?:do|did) )?(?:(?:that )?(?:pass|passed|elapse|elapsed|go by|went by|are there|there are|is it|was it) )?(?=(?:between|from) (?:their |the |a customer s |each customer s |a buyer s |each buyer s )?first )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex DaysOnAverageRegex();

    /// <summary>
    /// "Of the customers who bought anything from &lt;a category&gt;, what's the median of their total &lt;category&gt; spend?":
    /// a value of the rows said both on the customers counted and on their total is one reading (the buyers of it, each
    /// with their own total of it), not two. True when every value of the rows' filters is said at least twice.
    /// </summary>
    private static bool RowValuesSaidOnBoth(string question, AnalyticsQuery query, SemanticLayer layer, EntityKind? withRows, EntityKind ofFact)
    {
        if (withRows != EntityKind.Orders || ofFact != EntityKind.Orders)
        {
            return false;
        }

        string text = QuestionText.Normalize(question);
        List<QueryFilter> onRows = [.. query.Filters.Where(f => layer.Dimension(f.Dimension)?.OnCustomers != true)];
        return onRows.Count > 0 && onRows.TrueForAll(f => !f.Negated && f.Values.Count > 0 && f.Values.All(v => Occurrences(text, QuestionText.Normalize(v)) >= 2));

        static int Occurrences(string text, string padded)
        {
            int count = 0;
            for (int at = text.IndexOf(padded, StringComparison.Ordinal); at >= 0; at = text.IndexOf(padded, at + padded.Length - 1, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }
    }
}

using System.Text.RegularExpressions;
using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

// Stop 55: wordings of the unseen sets blind77 and blind78 that the rules declined (docs/analytics.md, "Stop 55").
internal static partial class QuestionParser
{
    /// <summary>
    /// Wordings said in another way than the reading knows, each rewritten into the one it reads: "joined" before a time
    /// range is "signed up"; "on file" is "on record"; "from us" after a purchase is dropped; "all orders added up" after a total is dropped (the total is
    /// already over all orders); "added to &lt;nouns&gt;" is "added to &lt;noun&gt;" when the singular names a value of the
    /// vocabulary; "bought &lt;X&gt; in &lt;a period&gt; haven't bought any &lt;X&gt; in &lt;another&gt;" gets the "but" the
    /// two parts are read with; a cart that had "just" or "only" N items, "a single item" or N items "in them" had
    /// exactly that many; asides that restrict nothing are dropped: "(the whole calendar year)" after a year, "doesn't
    /// have to be in the same order" (customers who bought both are counted over all their orders), and a reason given
    /// in brackets ("(so pretty loyal, in theory)", "(thinking of a test on good customers)").
    /// </summary>
    private static string LeadStop55Said(string question, SemanticLayer layer)
    {
        question = JoinedWhenRegex().Replace(question, "signed up");
        question = OnFileSaidRegex().Replace(question, "on record");
        question = FromUsRegex().Replace(question, string.Empty);
        question = AllRowsAddedUpRegex().Replace(question, string.Empty);
        question = AddedToPluralRegex().Replace(question, m =>
        {
            string singular = $"{m.Groups["verb"].Value} to {m.Groups["noun"].Value}";
            return IsValuePhrase(QuestionText.Normalize(singular).Trim(), layer) ? singular : m.Value;
        });
        question = NegatedPeriodWithoutButRegex().Replace(question, " but ");
        question = WholeYearAsideRegex().Replace(question, string.Empty);
        question = SameOrderNotNeededRegex().Replace(question, string.Empty);
        question = MotiveAsideRegex().Replace(question, string.Empty);
        if (CartWordRegex().IsMatch(question))
        {
            question = SingleItemRegex().Replace(question, "1 item");
            question = JustItemsRegex().Replace(question, "${v} ${n} ${items}");
            question = ItemsInThemRegex().Replace(question, "${items}");
        }

        return question;
    }

    /// <summary>
    /// A question declined with a list of values said with commas ("in &lt;a&gt;, &lt;b&gt; or &lt;c&gt;"), read again with
    /// the values joined the way the last two are ("in &lt;a&gt; or &lt;b&gt; or &lt;c&gt;"), which the reading knows. Only
    /// when every value of the list is a value of one dimension, word for word; null when there is no such list.
    /// </summary>
    private static string? CommaListJoined(string question, SemanticLayer layer)
    {
        if (!question.Contains(',', StringComparison.Ordinal))
        {
            return null;
        }

        foreach (Regex list in (Regex[])[CommaListRegex(), CommaListShortEndRegex()])
        {
            bool joined = false;
            string rewritten = list.Replace(question, m =>
            {
                string[] parts = ListSeparatorRegex().Split(m.Groups["list"].Value);
                if (parts.Length < 3 || ValueNamed(parts[0].ToLowerInvariant(), layer, last: true)?.FilterDimension is not { } dimension)
                {
                    return m.Value;
                }

                for (int i = 1; i < parts.Length; i++)
                {
                    string part = parts[i].Trim().ToLowerInvariant();
                    if (ValueNamed(part, layer, last: false) is not { } entry || entry.Phrase != part || !ReferenceEquals(entry.FilterDimension, dimension))
                    {
                        return m.Value;
                    }
                }

                // A customer holds one value of a customer attribute, so "<a>, <b> and <c>" of one is either of them.
                joined = true;
                string joint = dimension.OnCustomers ? "or" : m.Groups["joint"].Value.ToLowerInvariant();
                return string.Join($" {joint} ", parts.Select(p => p.Trim()));
            });
            if (joined)
            {
                return rewritten;
            }
        }

        return null;
    }

    /// <summary>
    /// "Of the customers who &lt;X&gt;, how many (also) &lt;Y&gt;?" read as "how many customers &lt;X&gt; and also &lt;Y&gt;", when the
    /// question as said was declined; null when it is not said so.
    /// </summary>
    private static string? OfTheCustomersWhoSaid(string question)
    {
        Match m = OfTheCustomersWhoRegex().Match(question);
        return m.Success ? $"how many {m.Groups["people"].Value} {m.Groups["x"].Value.Trim()} and also {m.Groups["y"].Value.Trim()}" : null;
    }

    // "Of the customers who started a checkout in the last 7 days, how many also abandoned a cart ...?"
    [GeneratedRegex(@"^\s*(?:of|among|out of) (?:the |all (?:the )?|those )?(?<people>customers|people|shoppers|users|buyers) (?:who|that) (?<x>[^,?()]+), how many (?:of them |of those |of these )?(?:also |then |later |went on to )?(?<y>[^?]+)\??\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OfTheCustomersWhoRegex();

    // "(the whole calendar year)", "(full year)" said after a year.
    [GeneratedRegex(@"(?<=\b(?:19|20)\d\d)\s*\((?:the |a )?(?:whole|full|entire|complete) (?:calendar )?year\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex WholeYearAsideRegex();

    // "doesn't have to be in the same order", "(not necessarily in the same order)".
    [GeneratedRegex(@"[?,.;-]?\s*\(?(?:it |they )?(?:doesn[\u2019']?t|does not|don[\u2019']?t|do not|need not|needn[\u2019']?t|not necessarily)(?: (?:have|need) to)?(?: be)? (?:in|on|from) the same (?:order|transaction|purchase|basket|day|visit)\)?", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SameOrderNotNeededRegex();

    // A reason in brackets: "(so pretty loyal, in theory)", "(thinking of a discount test on good customers)".
    [GeneratedRegex(@"\s*\((?:so |thinking (?:of|about) |for (?:a|an|the|my|our) (?:deck|report|slide|presentation|meeting|board)\b)[^()]*\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex MotiveAsideRegex();

    // "joined", "joined us" before a time range ("people who joined this year", "customers who joined in 2025").
    [GeneratedRegex(@"\bjoined(?: us)?(?= (?:in|during|this|last|since|before|after|between|on|from|within|over|(?:19|20)\d\d)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex JoinedWhenRegex();

    [GeneratedRegex(@"\bon file\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OnFileSaidRegex();

    // "bought anything from us", "bought a sofa and a coffee table from us": "us" is the business the data is of when a
    // purchase is said before it in the same clause, and not the people ("customers from us" stays as it is read).
    [GeneratedRegex(@"(?<=\b(?:bought|purchased|ordered|buy|buys|purchase|order|spent|spend|shopped|shop)\b[^,.;?!()]{0,80}) (?<!\b(?:customers|people|shoppers|buyers|users|ones|those|who|are|is|were|was) )(?:from|with|through) us\b(?![-.]?\s*(?:customers|based|states|market)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex FromUsRegex();

    // ", all orders added up", "with all of their orders summed" after a total.
    [GeneratedRegex(@",?\s*(?:with )?all (?:of )?(?:their |the |his or her |your )?(?:orders|purchases|transactions) (?:added up|summed(?: up)?|combined|put together)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AllRowsAddedUpRegex();

    // "added to wishlists", "adds to their carts": the noun said in the plural.
    [GeneratedRegex(@"\b(?<verb>added|adds|add|adding) to (?:(?:the|their|a|my|our|your) )?(?<noun>[a-z]+)s\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AddedToPluralRegex();

    // "... in 2025 haven't bought any ...": a negated purchase right after a period, with no "but".
    [GeneratedRegex(@"(?<=\bin (?:(?:19|20)\d\d|january|february|march|april|may|june|july|august|september|october|november|december|q[1-4](?: (?:19|20)\d\d)?))\s+(?=(?:have not|haven[\u2019']?t|has not|hasn[\u2019']?t|did not|didn[\u2019']?t) (?:bought|buy|purchased|purchase|ordered|order) (?:any|anything)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NegatedPeriodWithoutButRegex();

    // "a single item", "one single item", "just a single item".
    [GeneratedRegex(@"\b(?:just |only )?(?:a|one) single item\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SingleItemRegex();

    // "had just 1 item", "with only 2 items".
    [GeneratedRegex(@"\b(?<v>had|have|has|with|containing|holding|held|having)\s+(?:just|only)\s+(?<n>[0-9]{1,3})\s+(?<items>items?)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex JustItemsRegex();

    // "1 item in them", "2 items in it".
    [GeneratedRegex(@"(?<=\b[0-9]{1,3}\s+)(?<items>items?)\s+in (?:them|it)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ItemsInThemRegex();

    // "<one or two words>, <one or two words>, ... (,) or|and <one or two words>": at least one comma.
    [GeneratedRegex(@"(?<list>[A-Za-z][\w-]*(?: [A-Za-z][\w-]*)?(?:, ?[A-Za-z][\w-]*(?: [A-Za-z][\w-]*)?)+,? (?<joint>and|or) [A-Za-z][\w-]*(?: [A-Za-z][\w-]*)?)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CommaListRegex();

    // The same list with its last value one word ("in <a>, <b> or <c> never bought").
    [GeneratedRegex(@"(?<list>[A-Za-z][\w-]*(?: [A-Za-z][\w-]*)?(?:, ?[A-Za-z][\w-]*(?: [A-Za-z][\w-]*)?)+,? (?<joint>and|or) [A-Za-z][\w-]*)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CommaListShortEndRegex();
}

using System.Text.RegularExpressions;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

/// <content>
/// Per-customer figures and the customers' lifecycle said in the words the unseen sets use (stop 39, ask21), rewritten to
/// the wordings the parser reads: repeat buyers, lapsed buyers, the base of a per-customer average said in words, and
/// "how many X does a customer Y on average". Each rewrite is tried only when a cheap word check finds its words.
/// </content>
internal static partial class QuestionParser
{
    /// <summary>
    /// The question with its per-customer and lifecycle wordings rewritten (normalized), or the question itself when
    /// none is said, so the brackets and restatements of every other question are read as before.
    /// </summary>
    private static string PerCustomerSaid(string question)
    {
        string normalized = QuestionText.Normalize(question);
        string rewritten = RephrasePerCustomer(normalized);
        return ReferenceEquals(rewritten, normalized) || rewritten == normalized ? question : rewritten;
    }

    /// <summary>Rewrites per-customer and lifecycle wordings; on normalized text.</summary>
    internal static string RephrasePerCustomer(string text)
    {
        // "among the customers who bought something this year", "count <source> customers who never ordered as $0"
        // (QuestionParser.PerCustomerFigures.cs).
        text = RephrasePerCustomerFigures(RephrasePerCustomerWindows(RephrasePerCustomerStop49(RephrasePerCustomerStop50(text))));
        if (text.Contains(" repeat ", StringComparison.Ordinal))
        {
            // "repeat buyers (2+ orders)", "repeat customers, i.e. have 3 or more orders": the customers with at least that
            // many orders (2 when no definition is said). "what fraction of customers are repeat buyers" asks for the
            // share of those customers.
            text = ShareAreRepeatRegex().Replace(text, m => $"{m.Groups["share"].Value} of {(m.Groups["buyers"].Success ? "buyers" : "customers")} have at least {RepeatOrders(m)} orders");
            text = RepeatBuyersRegex().Replace(text, m => $"customers with at least {RepeatOrders(m)} orders");
        }

        if (text.Contains(" not ", StringComparison.Ordinal) || text.Contains(" never ", StringComparison.Ordinal) || text.Contains(" ago ", StringComparison.Ordinal) || text.Contains("nt ", StringComparison.Ordinal))
        {
            // "people who have bought from us before but not in the last 180 days", "buyers who haven't ordered anything in
            // over 180 days", "whose last purchase was more than 180 days ago": customers who bought, none of it in the last
            // 180 days (the last order before the window; the window includes the as-of instant).
            text = RephraseLapsed(BoughtButNotRegex().Replace(text, " buyers who havent bought anything ${range} "));
            // Said of "customers", "haven't ordered in over 180 days" could count those who never ordered: left declined.
            text = !text.Contains(" buyers ", StringComparison.Ordinal) ? text : NotInOverRegex().Replace(text, m => $"{m.Groups["neg"].Value} bought anything in the last {m.Groups["n"].Value} {m.Groups["unit"].Value}");
            text = LastOrderAgoRegex().Replace(text, m =>
            {
                string n = m.Groups["n"].Value;
                string unit = m.Groups["unit"].Value;

                // Said as the definition of a lapse said before it ("haven't ordered in over 180 days (last order more than
                // 180 days ago)"): the same condition twice.
                return text.Contains($" havent bought anything in the last {n} {unit} ", StringComparison.Ordinal)
                    ? new string(' ', m.Length)
                    : $" who bought and havent bought anything in the last {n} {unit} ";
            });
            text = CustomersWhoBoughtAndNotRegex().Replace(text, " buyers who havent bought anything ");

            // "never placed a single order": never ordered.
            text = NeverASingleRegex().Replace(text, "an ");

            // "Lapsed customers: how many people have bought before but not in the last 180 days": the name of what its
            // definition says (a lapse with no definition stays unplaced).
            if (text.Contains(" havent bought anything in the last ", StringComparison.Ordinal))
            {
                text = LapsedNameRegex().Replace(text, m => new string(' ', m.Length));
            }
        }

        if (text.Contains(" average ", StringComparison.Ordinal) || text.Contains(" avg ", StringComparison.Ordinal) || text.Contains(" mean ", StringComparison.Ordinal))
        {
            // "On average, how many orders does a buying customer place?": the average number of orders per buyer;
            // "how many sessions does a customer have on average": per customer (every customer the filters pick).
            text = HowManyDoesACustomerRegex().Replace(text, m =>
            {
                string who = m.Groups["buyer"].Success ? "buyer" : "customer";
                return $" average number of {m.Groups["what"].Value} per {who}{(m.Groups["where"].Success ? " " + m.Groups["where"].Value : "")} ";
            });
            if (TheAverageBuyerRegex().Match(text) is { Success: true } averageBuyer)
            {
                text = " on average" + text[..averageBuyer.Index] + averageBuyer.Groups["verb"].Value + " each " + averageBuyer.Groups["who"].Value + text[(averageBuyer.Index + averageBuyer.Length)..];
            }

            // "among customers who bought <category>, how many <category> units has each bought on average": the units of that
            // value per customer, over the customers who bought it (the value said on both the base and the measure).
            text = EachBoughtOnAverageRegex().Replace(text, m => $" average {m.Groups["v"].Value} {m.Groups["m"].Value} per customer among customers who bought {m.Groups["v"].Value} ");
        }

        if (text.Contains(" counting ", StringComparison.Ordinal) || text.Contains(" activity ", StringComparison.Ordinal))
        {
            // "counting every customer", "counting those who have never ordered": every customer, which a per-customer
            // figure (and "fewer than 3 orders") is over already. "not counting ..." is kept.
            text = CountingEveryoneRegex().Replace(text, m => new string(' ', m.Length));

            // "among customers with any recorded activity": the customers with at least one event.
            text = AnyActivityRegex().Replace(text, " with at least one event ");
        }

        // "customers with no orders count as zero", "among customers with web sessions" (QuestionParser.PerCustomerBases.cs).
        return RephrasePerCustomerBases(text);
    }

    private static string RepeatOrders(Match m) =>
        m.Groups["n"].Success ? m.Groups["n"].Value
        : m.Groups["m"].Success && int.TryParse(m.Groups["m"].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int more) && more < 999 ? (more + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : "2";

    private const string RepeatDefinition = @"(?: (?:i e |ie |eg |that is |meaning |defined as |so |who |that |with |having |have |has |placed |made |customers |buyers |people )*(?:(?<n>[2-9]|[1-9]\d) or more|at least (?<n>[2-9]|[1-9]\d)|more than (?<m>[1-9]\d?)|multiple) (?:orders|purchases|transactions))?";

    // "what fraction of all customers are repeat buyers (2+ orders)".
    [GeneratedRegex(@"(?<= )(?<share>share|fraction|percent|percentage|proportion) of (?:all )?(?:(?:our|the) )?(?:customers|(?<buyers>buyers)) (?:are|is) repeat (?:buyers|customers|purchasers|shoppers)" + RepeatDefinition + "(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ShareAreRepeatRegex();

    // "repeat buyers (2+ orders)", "repeat customers".
    [GeneratedRegex(@"(?<= )repeat (?:buyers|customers|purchasers|shoppers)" + RepeatDefinition + "(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex RepeatBuyersRegex();

    // "(people who) have bought from us before but not in the last 180 days".
    [GeneratedRegex(@"(?<= )(?:customers|people|shoppers|users|buyers|ones|those) (?:who |that )?(?:have |has |had )?(?:bought|ordered|purchased|shopped)(?: something| anything)?(?: from us)?(?: before| previously| in the past| at some point| at least once| ever)? but not (?:anything )?(?<range>(?:in|during|within) the (?:last|past) \d{1,4} (?:day|week|month|year)s?)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex BoughtButNotRegex();

    // "(buyers who) haven't ordered anything in over 180 days": nothing in the last 180 days.
    [GeneratedRegex(@"(?<= )(?<neg>havent|have not|hasnt|has not|didnt|did not) (?:bought|ordered|purchased|shopped|placed an order|made a purchase)(?: anything)? (?:in|for) (?:over|more than) (?<n>\d{1,4}) (?<unit>days|weeks|months)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NotInOverRegex();

    // "whose last order was more than 180 days ago", "(last purchase more than 180 days ago)".
    [GeneratedRegex(@"(?<= )(?:whose |with (?:their |a |the )?|their |and (?:their )?)?(?:last|latest|most recent) (?:order|purchase|transaction) (?:was |is |being |date (?:was |is )?)?(?:more than|over) (?<n>\d{1,4}) (?<unit>days|weeks|months) ago(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex LastOrderAgoRegex();

    // "customers who have ordered have not ordered in the last 180 days" (the first verb was dropped, a wrong answer):
    // the buyers with nothing in the range.
    [GeneratedRegex(@"(?<= )(?:customers|people|shoppers|users) (?:who |that )(?:have |has |had )?(?:ever )?(?:bought|ordered|purchased|shopped)(?: something| anything| before| from us)? (?:but |and )?(?:" + LanguageWords.HaveNotPattern + "|" + LanguageWords.HasNotPattern + "|" + LanguageWords.DidNotPattern + @") (?:bought|ordered|purchased|shopped)(?: anything)?(?= (?:in|during|within) the (?:last|past) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CustomersWhoBoughtAndNotRegex();

    // "never placed a single order", "haven't made a single purchase".
    [GeneratedRegex(@"(?<=(?:never|not|havent|hasnt|didnt) (?:placed|made|had) )a single (?=(?:order|purchase|transaction) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NeverASingleRegex();

    // "lapsed customers:", "lapsed buyers -" said before their definition.
    [GeneratedRegex(@"^ lapsed (?:customers|buyers|shoppers|people)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex LapsedNameRegex();

    // "On average, how many orders does a buying customer place?", "how many sessions does a customer have on average".
    [GeneratedRegex(@"(?<= )(?:(?:on average|on avg|in average) )?how many (?<what>(?:different |distinct )?[a-z]+(?: [a-z]+)?) (?:does|do|did|has|have) (?:a |an |the |one |your |our )?(?:(?<buyer>buying customer|paying customer|buyer|purchaser)|customer|shopper|person)s?(?: (?<where>(?:in|from) [a-z]+(?: [a-z]+)?))? (?:typically |usually )?(?:place|make|have|buy|purchase|order|placed|made|had|bought|purchased|ordered|log|start)?(?: on average| on avg)?(?= )(?<=(?:average|avg).*)", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex HowManyDoesACustomerRegex();

    // "How many different categories has the average buyer purchased from?": each buyer's own, averaged.
    [GeneratedRegex(@"(?<= )(?<verb>has|does|did) the (?:average|typical) (?<who>buyer|customer)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex TheAverageBuyerRegex();

    // "among customers who have bought <category>, how many <category> units has each bought on average".
    [GeneratedRegex(@"(?<= )(?:among|of|for) (?:the )?(?:customers|people|buyers|shoppers|those) (?:who |that )(?:have |has )?(?:bought|purchased|ordered) (?:any |some )?(?<v>[a-z]+(?: [a-z]+)?) how many (?:\k<v>) (?<m>units|items|orders) (?:has|have|did|does) each(?: one| of them| customer| buyer)? (?:bought|buy|purchased|purchase|ordered|order|placed|place|made|make)(?: on average| on avg)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex EachBoughtOnAverageRegex();

    // "counting every customer", "counting all customers", "counting those who have never ordered".
    [GeneratedRegex(@"(?<!not )(?<= )counting (?:every customer|everyone|all (?:of )?(?:the )?customers|(?:the ones|those|customers|people|shoppers) who (?:have )?(?:" + LanguageWords.NotDonePattern + @") (?:ever )?(?:bought|purchased|ordered|placed an order|made a purchase)(?: anything)?)(?= (?!as |counted |treated ))", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CountingEveryoneRegex();

    // "with any recorded activity", "who had any activity".
    [GeneratedRegex(@"(?<= )(?:with|who (?:have|had|has)|having) any (?:recorded |tracked |site |logged )?activity(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AnyActivityRegex();
}

using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

// Stop 59: readings of the unseen sets blind86-88 that answered a different question (docs/analytics.md, "Stop 59").
internal static partial class QuestionParser
{
    /// <summary>
    /// A reason when the reading answers a smaller question than asked, or null: two values of one dimension said each on
    /// its own ("the top 3 categories in &lt;A&gt;, and the top 3 in &lt;B&gt;", "revenue by category for &lt;A&gt; and for
    /// &lt;B&gt;", "for campaigns with trigger &lt;A&gt;, versus campaigns with trigger &lt;B&gt;") read as one filter beside a
    /// breakdown by another dimension; a second figure asked after a count ("how many ... and what are they worth").
    /// </summary>
    private static string? LeadStop59(string question, AnalyticsQuery query, SemanticLayer layer)
    {
        string normalized = " " + QuestionText.Normalize(question) + " ";
        return ValuesContrastedBesideBreakdown(normalized, query, layer) ?? SecondFigureAsked(normalized, query) ?? PeopleAskedOtherListed(normalized, query, layer);
    }

    // "which 5 customers in <a place> spent the most on <a category> products": people asked for, another dimension listed.
    private static string? PeopleAskedOtherListed(string normalized, AnalyticsQuery query, SemanticLayer layer)
    {
        if (query is not { Dimension: { } split, Share: false } || split.Name == "customer_id" || !normalized.Contains(" customers ", StringComparison.Ordinal) && !normalized.Contains(" people ", StringComparison.Ordinal)
            && !normalized.Contains(" shoppers ", StringComparison.Ordinal) && !normalized.Contains(" buyers ", StringComparison.Ordinal))
        {
            return null;
        }

        // "top twenty customers by device": the customers counted for each device, as said with the breakdown.
        if (normalized.Contains(" by ", StringComparison.Ordinal) || normalized.Contains(" per ", StringComparison.Ordinal) || normalized.Contains(" for each ", StringComparison.Ordinal)
            || normalized.Contains(" across ", StringComparison.Ordinal))
        {
            return null;
        }

        return WhichPeopleRegex().Match(normalized) is { Success: true } asked
            ? $"\"{asked.Value.Trim()}\" asks for {People(layer)}, but I read a list of each {split.Label}; ask as in \"top 5 {People(layer)} by revenue\""
            : null;
    }

    [GeneratedRegex(@"(?<= )(?:which|top|the top|bottom|the bottom) (?:\d+ |one |two |three |four |five |six |seven |eight |nine |ten |twenty )?(?:customers|people|shoppers|buyers|clients)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex WhichPeopleRegex();

    // Each value on its own ("in <A> vs <B>", "for <A> and for <B>", "in <A>, and the top 3 in <B>") with a breakdown by
    // another dimension: the answer would add the values together in each row.
    private static string? ValuesContrastedBesideBreakdown(string normalized, AnalyticsQuery query, SemanticLayer layer)
    {
        if (query is not { Dimension: { } split, ComparedTime: null })
        {
            return null;
        }

        foreach (QueryFilter filter in query.Filters)
        {
            if (filter.Negated || filter.Group || filter.Values.Count < 2 || filter.Dimension == split.Key || filter.Dimension == split.Name)
            {
                continue;
            }

            string[] phrases = filter.Phrase.Split(" and ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (phrases.Length < 2 || WordsBetween(normalized, phrases[0], phrases[1]) is not { } between || !EachOnItsOwnRegex().IsMatch(between))
            {
                continue;
            }

            string dimension = layer.Dimension(filter.Dimension)?.Label ?? filter.Dimension;
            return $"{string.Join(" and ", filter.Values)} are said each on its own, but a breakdown by {split.Label} adds them together in each row; ask for one {dimension} at a time, or for {query.Measure.Label} by {dimension}";
        }

        return null;
    }

    // The text from the end of the earlier of two phrases' first mentions to the end of the later one, with a space at each
    // end (the later phrase may hold the connector itself: "in <A>" and "vs <B>"); null when either is not found.
    private static string? WordsBetween(string normalized, string first, string second)
    {
        int a = normalized.IndexOf(" " + first.ToLowerInvariant() + " ", StringComparison.Ordinal);
        int b = normalized.IndexOf(" " + second.ToLowerInvariant() + " ", StringComparison.Ordinal);
        if (a < 0 || b < 0 || a == b)
        {
            return null;
        }

        (int start, int end) = a < b ? (a + first.Length + 1, b + second.Length + 2) : (b + second.Length + 1, a + first.Length + 2);
        return start < end ? normalized[start..end] : null;
    }

    // "vs", "compared with", "and for", "and on", ", and the top 3 in" between two values: each is asked on its own.
    [GeneratedRegex(@"^ (?:(?:the )?(?:vs|versus|v|compared (?:with|to)|against|as opposed to)|(?:and|then) (?:the (?:top|bottom) \d+(?: (?:in|on|for|from|among))?|(?:separately |also )?(?:for|on|in|from|with|among)))(?: |$)", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex EachOnItsOwnRegex();

    // "how many abandoned carts are there and what are they worth": the value asked beside the count, whose words ("what",
    // "are", "they", "worth") are each ignorable on their own.
    private static string? SecondFigureAsked(string normalized, AnalyticsQuery query) =>
        normalized.Contains(" worth", StringComparison.Ordinal) && SecondWorthRegex().Match(normalized) is { Success: true } worth
            ? $"\"{worth.Value.Trim()}\" asks for a second figure beside {query.Measure.Label}; ask for one at a time, as in \"{query.Measure.Label}\" and then \"their total value\""
            : null;

    [GeneratedRegex(@" and (?:what|how much) (?:are|were|is|was) (?:they|those|these|it|that|them)(?: all)?(?: worth)?(?: in total| altogether| combined)?(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SecondWorthRegex();

    /// <summary>
    /// Wordings of blind86-88 the rules declined: "(repeat rate)" after "ordered more than once", "per buyer (customers with
    /// at least 1 order)", "(any time)" after a purchase, "ordered more than once" (more than 1 order), "which campaigns had a
    /// lower conversion rate in the treatment group than in the control group" (uplift below 0), "negative uplift", and a
    /// closing "Show each &lt;dimension&gt; separately." (a breakdown by it).
    /// </summary>
    private static string LeadStop59Said(string question, SemanticLayer layer)
    {
        question = Gated(question, AvgRegex(), "average", "avg");
        question = Gated(question, NumberSignOfRegex(), "number ", "#");
        question = Gated(question, CustsRegex(), m => m.Value.EndsWith('s') ? "customers" : "customer", "cust");
        question = Gated(question, WithSlashRegex(), m => m.Value.StartsWith("w/o", StringComparison.OrdinalIgnoreCase) ? "without " : "with ", "w/");
        question = Gated(question, WouldLikeToKnowRegex(), string.Empty, "d like", "d love", "would like", "want to know");
        question = Gated(question, OrdersWeTookRegex(), string.Empty, " we ");
        question = Gated(question, ShoppingCartsRegex(), string.Empty, "shopping cart");
        question = Gated(question, FromTheCategoryRegex(), "from ${v}", "category", "department");
        question = Gated(question, AddedAnItemRegex(), "added something to their ", "added");
        question = Gated(question, WhichSoldTheMostUnitsRegex(), "top ${n} ${w} by units sold", "units");
        question = Gated(question, PlacedAnOrderInEachRegex(), "bought something ${r1} and bought something ${r2}", "order");
        question = Gated(question, CartsAbandonedInRangeRegex(), "abandoned carts ${r} were worth", "carts abandoned");
        question = Gated(question, AndHeldItemsRegex(), " with at least", "held", "contained");
        question = Gated(question, WithAtLeastWordItemsRegex(), m => "with at least " + CountWordInDigits(m.Groups["n"].Value) + " ", "with at least");
        question = Gated(question, CompareWithDaysBeforeRegex(), "${m} ${r} vs the previous ${n} days", "compare");
        question = Gated(question, OrderedMoreThanOnceRegex(), "placed more than 1 order", "once");
        question = Gated(question, RepeatRateAsideRegex(), string.Empty, "repeat");
        question = Gated(question, BuyersDefinedAsideRegex(), string.Empty, "buyer");
        question = Gated(question, AnyTimeAsideRegex(), string.Empty, "any time", "anytime");
        question = Gated(question, TreatmentLowerThanControlRegex(), m => m.Groups["d"].Value is "lower" or "worse" ? "had uplift below 0" : "had uplift above 0", "control");
        question = Gated(question, SignedUpliftRegex(), m => m.Groups["s"].Value == "negative" ? "uplift below 0" : "uplift above 0", "negative", "positive");
        question = Gated(question, ShowEachSeparatelyRegex(), " by ${d}", "separately");
        return question;
    }

    // Shorthand written before the reading steps, so the rewrites that name the full words read it too ("avg # of items per
    // abandoned cart", "custs w/ at least 1 order"); the normalized text expands it too (QuestionText).
    [GeneratedRegex(@"\bavg\b\.?", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AvgRegex();

    [GeneratedRegex(@"(?<![\w#])# ?(?=of\b)", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NumberSignOfRegex();

    [GeneratedRegex(@"\bcusts?\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CustsRegex();

    [GeneratedRegex(@"\bw/o?\b ?|\bw/ ?", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex WithSlashRegex();

    // "I'd like to know how many ...", "I would like to see ...": a lead-in before the question.
    [GeneratedRegex(@"^\s*(?:I'?d|I\u2019d|I would|we'?d|we would|I want to|I wanted to) (?:(?:like|love|want) (?:to )?)?(?:know|see|get|find out|understand|learn|check|look at|have)(?: please)?,?\s*(?:about )?", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex WouldLikeToKnowRegex();

    // "how many <X> orders we have taken", "how many orders we took in <a month>": the orders placed.
    [GeneratedRegex(@"(?<=\b(?:orders|purchases|transactions)) (?:did |have |has )?we (?:have |had )?(?:taken|took|take|got|get|gotten|received|receive|had|processed)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OrdersWeTookRegex();

    // "how many shopping carts were abandoned": the carts.
    [GeneratedRegex(@"\bshopping (?=carts?\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ShoppingCartsRegex();

    // "bought something from the <X> category": from the value, as said without its level's name.
    [GeneratedRegex(@"\bfrom the (?<v>[A-Za-z][A-Za-z&' ]{1,30}?) (?:category|department)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex FromTheCategoryRegex();

    // "added at least one item to their wishlist": added something to it.
    [GeneratedRegex(@"\badded (?:at least one|one or more|an?|any|one) (?:item|product|thing)s? to (?:an?|their|the|his|her) (?=wish ?lists?\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AddedAnItemRegex();

    // "which 5 products sold the most units": the top 5 by units sold.
    [GeneratedRegex(@"\bwhich (?<n>\d{1,3}) (?<w>products|product types|categories|items) sold the most units\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex WhichSoldTheMostUnitsRegex();

    // "placed at least one order in the first quarter of this year and at least one order last month": a purchase in each
    // range, one per clause (QuestionParser.RangePerClause.cs), said at the end of the question.
    [GeneratedRegex(@"\bplaced (?:at least one|an?|one or more) orders? (?<r1>(?:in|during) (?:the )?[a-z0-9 ]{2,40}?) and (?:also )?(?:placed )?(?:at least one|an?|one or more) orders? (?<r2>(?:(?:in|during) )?(?:the )?[a-z0-9 ]{2,30}?)(?=\s*[?.!]?\s*$)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex PlacedAnOrderInEachRegex();

    // "how many carts abandoned in the last 30 days were worth more than $500": the abandoned carts of the range.
    [GeneratedRegex(@"\bcarts abandoned (?<r>(?:in|over|during) the (?:last|past) \d{1,3} days|(?:this|last) (?:week|month|quarter|year)) were worth\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CartsAbandonedInRangeRegex();

    // "were worth more than $500 and held at least three items": each cart with at least that many items.
    [GeneratedRegex(@"(?<=\bworth (?:more|less) than \$?[\d,.]+k?) and (?:held|contained|had|included) at least\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AndHeldItemsRegex();

    // "with at least three items": the number in digits, as the two-threshold reading of carts reads it.
    [GeneratedRegex(@"\bwith at least (?<n>two|three|four|five|six|seven|eight|nine|ten) (?=items?\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex WithAtLeastWordItemsRegex();

    // "three" as "3" (LanguageWords' count words); a word that is not one comes back as it is.
    private static string CountWordInDigits(string word) =>
        AetherSegment.Vocabulary.LanguageWords.TryReadCountWord(word.ToLowerInvariant(), out int n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : word;

    // "compare our revenue in the last 7 days with the revenue in the 7 days before that": the last N days vs the previous N.
    [GeneratedRegex(@"\bcompare (?:our |the )?(?<m>[a-z ]{3,30}?) (?<r>(?:in |over )?the (?:last|past) (?<n>\d{1,3}) days) (?:with|to|against) (?:the |our )?(?:[a-z ]{3,30}? )?(?:in |over |for )?the (?:previous |prior )?\k<n> days (?:before|prior)(?: that| it| those)?\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CompareWithDaysBeforeRegex();

    // "ordered more than once", "purchased more than once": more than one order.
    [GeneratedRegex(@"\b(?:ordered|purchased|bought(?: something)?|placed an order|made a purchase) more than once\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OrderedMoreThanOnceRegex();

    // "(repeat rate)", "(i.e. the repeat purchase rate)" after the share it names.
    [GeneratedRegex(@"(?<=more than 1 orders?|at least 2 orders|2 or more orders|2\+ orders)\s*[-(,]\s*(?:i\.?e\.?,? |aka |a\.k\.a\.? )?(?:the |our )?repeat(?: purchase| buyer| customer| order)? rate\)?", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex RepeatRateAsideRegex();

    // "per buyer (custs w/ at least 1 order)": what a buyer is, restated in brackets.
    [GeneratedRegex(@"(?<=\bbuyers?)\s*\((?:i\.?e\.?,? |meaning |= ?)?(?:customers|custs|people|anyone|those|shoppers) (?:with|w/|who (?:have |has )?(?:placed|made|had)?) ?(?:at least (?:1|one)|an?|any|1\+?) (?:orders?|purchases?)\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BuyersDefinedAsideRegex();

    // "made a purchase (any time)": no range, as said without it.
    [GeneratedRegex(@"(?<=\b(?:purchase|order|bought|ordered|purchased)(?: something| anything)?)\s*\((?:at )?any ?time(?: at all)?\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AnyTimeAsideRegex();

    // "had a lower conversion rate in the treatment group than in the control group": the uplift below zero.
    [GeneratedRegex(@"\b(?:had|have|has|got|showed|show) (?:a )?(?<d>lower|higher|worse|better) conversion rate (?:in|for|among) (?:the )?(?:treatment|treated)(?: group| arm)?s? than (?:in |for |among )?(?:the )?control(?: group| arm)?s?\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex TreatmentLowerThanControlRegex();

    // "campaigns with negative uplift": below zero.
    [GeneratedRegex(@"\b(?<s>negative|positive) uplift\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SignedUpliftRegex();

    // "... in the last 90 days? Show each category separately.": a breakdown by it, said as a closing sentence.
    [GeneratedRegex(@"\s*[?.!]?\s+(?:please )?(?:show|give|list|break out|split out|report) (?:me )?(?:each|every) (?<d>[a-z]+(?: [a-z]+)?) separately\.?\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ShowEachSeparatelyRegex();
}

using System.Text.RegularExpressions;
using AetherSegment.Profiles;
using AetherSegment.Vocabulary;

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
        question = Gated(question, FromUsRegex(), string.Empty, " us");
        question = AllRowsAddedUpRegex().Replace(question, string.Empty);
        question = AddedToPluralRegex().Replace(question, m =>
        {
            string singular = $"{m.Groups["verb"].Value} to {m.Groups["noun"].Value}";
            return IsValuePhrase(QuestionText.Normalize(singular).Trim(), layer) ? singular : m.Value;
        });
        question = NegatedPeriodWithoutButRegex().Replace(question, " but ");
        if (ShareSaidStop55Regex().IsMatch(question))
        {
            question = ShareHaveBoughtRegex().Replace(question, " ");
            question = SharePurchaseMadeRegex().Replace(question, "bought something");
        }

        if (MeasureBeforeRowsPlacedRegex().IsMatch(question))
        {
            question = RowsPlacedInRegex().Replace(question, string.Empty);
        }

        question = MeanOverRowsAsideRegex().Replace(question, m =>
        {
            // "average order value ... (plain mean of order_value over the orders)": the average said, over its own rows.
            string row = m.Groups["rows"].Value.ToLowerInvariant().TrimEnd('s');
            string before = question[..m.Index].ToLowerInvariant();
            int average = Math.Max(before.LastIndexOf("average ", StringComparison.Ordinal), before.LastIndexOf("mean ", StringComparison.Ordinal));
            return average >= 0 && before.IndexOf(" " + row + " ", average, StringComparison.Ordinal) >= 0 ? string.Empty : m.Value;
        });
        question = ByCustomerAttributeRegex().Replace(question, m =>
        {
            string one = m.Groups["d"].Value;
            string two = one + m.Groups["d2"].Value;
            return DimensionNamed(QuestionText.Normalize(two).Trim(), layer) is { OnCustomers: true } || DimensionNamed(QuestionText.Normalize(one).Trim(), layer) is { OnCustomers: true }
                ? $"{m.Groups["by"].Value} {two}"
                : m.Value;
        });
        question = WholeYearAsideRegex().Replace(question, string.Empty);
        question = SameOrderNotNeededRegex().Replace(question, string.Empty);
        question = MotiveAsideRegex().Replace(question, string.Empty);
        question = MoneyInWordsRegex().Replace(question, m =>
        {
            string w = m.Groups["w"].Value.ToLowerInvariant();
            int n = w is "a" or "an" ? 1 : int.TryParse(w, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int digits) ? digits : LanguageWords.TryReadCountWord(w, out int word) ? word : 0;
            int scale = m.Groups["m"].Value.Equals("hundred", StringComparison.OrdinalIgnoreCase) ? 100 : 1000;
            return n > 0 ? "$" + (n * scale).ToString(System.Globalization.CultureInfo.InvariantCulture) : m.Value;
        });
        question = ValueStuffRegex().Replace(question, m =>
            ValueNamed(QuestionText.Normalize(question[..m.Index]).Trim(), layer, last: true) is not null ? string.Empty : m.Value);
        question = WholeValueAsideRegex().Replace(question, m =>
            IsValuePhrase(QuestionText.Normalize(m.Groups["v"].Value).Trim(), layer) && question.IndexOf(m.Groups["v"].Value, StringComparison.OrdinalIgnoreCase) < m.Index ? string.Empty : m.Value);
        question = OnlyCareAboutRegex().Replace(question, m =>
            IsValuePhrase(QuestionText.Normalize(m.Groups["v"].Value).Trim(), layer) && question.IndexOf(m.Groups["v"].Value, StringComparison.OrdinalIgnoreCase) < m.Index ? string.Empty : m.Value);
        question = Gated(question, CountedTogetherRegex(), m => DimensionNounsOnly(m.Groups["dims"].Value, layer) ? string.Empty : m.Value, "together");
        question = AnyValueDimensionRegex().Replace(question, m =>
            IsValuePhrase(QuestionText.Normalize(m.Groups["v"].Value).Trim(), layer) && DimensionNounsOnly(m.Groups["d"].Value, layer)
            && question.IndexOf(m.Groups["v"].Value, StringComparison.OrdinalIgnoreCase) < m.Index
                ? string.Empty
                : m.Value);
        question = IgnoreWithoutRegex().Replace(question, m =>
        {
            // Rows without a value of the breakdown are never in it: the aside says what the reading does.
            string dim = m.Groups["dim"].Value;
            return DimensionNounsOnly(dim, layer) && BreakdownSaidBeforeRegex().Matches(question).Any(b => b.Index < m.Index
                    && (SameDimension(b.Groups["d"].Value, dim, layer) || SameDimension(b.Groups["d"].Value + b.Groups["d2"].Value, dim, layer)))
                ? string.Empty
                : m.Value;
        });
        question = StartOfThisPeriodAsideRegex().Replace(question, m =>
        {
            string unit = m.Groups["unit"].Value.ToLowerInvariant();
            string said = m.Groups["said"].Value.ToLowerInvariant();
            bool same = said switch
            {
                "quarter" => unit.StartsWith('q') || unit.Contains("quarter", StringComparison.Ordinal),
                "year" => unit.Contains("year", StringComparison.Ordinal) || unit is "jan" or "january",
                "month" => unit.Contains("month", StringComparison.Ordinal),
                _ => false,
            };
            return same ? string.Empty : m.Value;
        });
        if (CartWordRegex().IsMatch(question))
        {
            question = SingleItemRegex().Replace(question, "1 item");
            question = JustItemsRegex().Replace(question, "${v} ${n} ${items}");
            question = ItemsInThemRegex().Replace(question, "${items}");
            question = NumberAgainRegex().Replace(question, m =>
            {
                string before = question[Math.Max(0, m.Index - 40)..m.Index];
                return (" " + before).Contains(" " + m.Groups["n"].Value + " item", StringComparison.OrdinalIgnoreCase) ? string.Empty : m.Value;
            });
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
    /// question as said was declined; null when it is not said so. Only when "how many" counts the customers: not "how many
    /// orders", "how many &lt;an event type&gt; events did each have on average".
    /// </summary>
    private static string? OfTheCustomersWhoSaid(string question)
    {
        Match m = OfTheCustomersWhoRegex().Match(question);
        return m.Success ? $"how many {m.Groups["people"].Value} {m.Groups["x"].Value.Trim()} and also {m.Groups["y"].Value.Trim()}" : null;
    }

    // "Of the customers who started a checkout in the last 7 days, how many also abandoned a cart ...?"
    [GeneratedRegex(@"^\s*(?:of|among|out of) (?:the |all (?:the )?|those )?(?<people>customers|people|shoppers|users|buyers) (?:who|that) (?<x>[^,?()]+), how many (?:of them |of those |of these )?(?:also |then |later |went on to )?(?!(?:orders|purchases|transactions|events|sessions|carts|abandoned carts|units|items|products|conversions|sends|campaigns|times|visits|views|searches|dollars|[a-z_]+ events)\b)(?<y>(?:(?!\b(?:each|average|avg|mean|median|per|total|typical)\b)[^?])+)\??\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OfTheCustomersWhoRegex();

    // "(the whole calendar year)", "(full year)" said after a year.
    [GeneratedRegex(@"(?<=\b(?:19|20)\d\d)\s*\((?:the |a )?(?:whole|full|entire|complete) (?:calendar )?year\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex WholeYearAsideRegex();

    // "doesn't have to be in the same order", "(not necessarily in the same order)".
    [GeneratedRegex(@"[?,.;-]?\s*\(?(?:it |they )?(?:doesn[\u2019']?t|does not|don[\u2019']?t|do not|need not|needn[\u2019']?t|not necessarily)(?: (?:have|need) to)?(?: be)? (?:in|on|from) the same (?:order|transaction|purchase|basket|day|visit)\)?", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SameOrderNotNeededRegex();

    // A reason in brackets: "(so pretty loyal, in theory)", "(thinking of a discount test on good customers)"; a "(so ...)"
    // that names a unit or a measure ("(so the change in dollars)") says what is computed and is left to be read.
    [GeneratedRegex(@"\s*\((?:so (?![^()]*(?:[$%\u00a3\u20ac]|\b(?:dollars?|pounds?|euros?|percent|percentage|points?|units?|orders?|revenue|change|difference|growth|count|number|total|average|rate|ratio|share)\b))|thinking (?:of|about) |for (?:a|an|the|my|our) (?:deck|report|slide|presentation|meeting|board)\b)[^()]*\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex MotiveAsideRegex();

    // Whether every part of "<a> and <b>" ("event type and device") names a breakdown of the layer.
    private static bool DimensionNounsOnly(string words, SemanticLayer layer)
    {
        string[] parts = ListSeparatorRegex().Split(QuestionText.Normalize(words).Trim());
        return parts.Length > 0 && parts.All(part => DimensionNamed(EveryWordRegex().Replace(part.Trim(), string.Empty).Trim(), layer) is not null);
    }

    private static bool SameDimension(string a, string b, SemanticLayer layer) =>
        DimensionNamed(QuestionText.Normalize(a).Trim(), layer) is { } left && ReferenceEquals(left, DimensionNamed(QuestionText.Normalize(b).Trim(), layer));

    private static DimensionDefinition? DimensionNamed(string phrase, SemanticLayer layer)
    {
        if (phrase.Length == 0)
        {
            return null;
        }

        foreach (LexiconEntry entry in layer.Lexicon.Candidates(phrase))
        {
            if (entry.Kind == LexiconKind.Dimension && entry.Phrase == phrase && entry.Dimension is { } dimension)
            {
                return dimension;
            }
        }

        return null;
    }

    // "(item count of 1)", "(items = 2)": a bracket that says a number again, kept only when "<the number> item(s)" is said
    // just before it.
    [GeneratedRegex(@"\s*\((?<words>[a-z_ ]{1,30}?)(?: of| =|:| is)? ?(?<n>[0-9]{1,3})\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NumberAgainRegex();

    // "a thousand dollars", "five hundred bucks", "2 thousand dollars".
    [GeneratedRegex(@"\b(?<w>a|an|[0-9]{1,3}|" + LanguageWords.CountWordPattern + @")\s+(?<m>hundred|thousand)\s+(?:dollars|bucks|usd)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex MoneyInWordsRegex();

    // "<a value> stuff", "<a value> things" (kept only after a value of the vocabulary).
    [GeneratedRegex(@" (?:stuff|things|goods)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ValueStuffRegex();

    // "(<examples> - the whole <a value> category)": examples of a value said before, then the value itself.
    [GeneratedRegex(@"\s*\([^()]*?\b(?:the )?(?:whole|entire|full|complete) (?<v>[A-Za-z][\w&-]*(?: [A-Za-z][\w&-]*){0,2}) (?:category|department|range|section)\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex WholeValueAsideRegex();

    // "- I only care about <a value> here, not <others>": the value said before, said again.
    [GeneratedRegex(@"\s*[-,;(]\s*(?:I|we) only care about (?<v>[A-Za-z][\w&-]*(?: [A-Za-z][\w&-]*)??)(?: here)?(?:,? not [^()?.]*)?\)?", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OnlyCareAboutRegex();

    // "- every event type and device counted together": breakdowns said to be added up, which a total is.
    [GeneratedRegex(@"\s*[-,;(]?\s*(?:with )?(?<dims>(?:every|all|each|any) [a-z ,]{1,60}?) (?:counted|added|summed|lumped|taken|put) together\)?", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CountedTogetherRegex();

    [GeneratedRegex(@"^(?:every|all|each|any)\s+|\b(?:every|all|each|any)\s+", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex EveryWordRegex();

    [GeneratedRegex(@"\b(?:share|percent|percentage|fraction|proportion|pct)\b|%", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ShareSaidStop55Regex();

    // "what share of our <place> customers have (ever) bought <X>": "have (ever) bought" is "bought" (over all time);
    // "customers who have purchased have made ..." is a group of buyers and is read as it is.
    [GeneratedRegex(@"(?<=\b(?:customers|people|shoppers|users|clients)(?: (?:in|from) (?:the )?[A-Za-z]+(?: [A-Za-z]+)?)?) (?:who |that )?(?:have|has)(?: ever)? (?=(?:bought|purchased|ordered)\b(?! (?:at least|something|anything|once|twice|before|again|more|in|during|this|last|since|have|has|had|made|placed|are|were|is|was)\b)(?![?.,!]|$))", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ShareHaveBoughtRegex();

    // "what percentage of <X> customers made a purchase": they bought something (the purchase is not the rows counted);
    // "have made at least one purchase" is read as it is.
    [GeneratedRegex(@"(?<=\b(?:customers|people|shoppers|users|clients)\b[^?]{0,40}?\s)(?<!\b(?:have|has|had|never|not|ever|nt) )(?:made|placed) a (?:purchase|order)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SharePurchaseMadeRegex();

    // A measure of the orders said before "for orders placed in <a period>".
    [GeneratedRegex(@"\b(?:average|avg|mean|median|total|sum|revenue|sales|value|spend|units)\b.*\b(?:for|of|on|from|across) (?:the |all )?(?:orders|purchases|transactions) (?:placed|made) ", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex MeasureBeforeRowsPlacedRegex();

    // "for orders placed in November 2026": the orders measured are those of the period said after it.
    [GeneratedRegex(@"\b(?:for|of|on|from|across) (?:the |all )?(?:orders|purchases|transactions) (?:placed|made) (?=(?:in|during|on|this|last|since|between|over|within|from)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex RowsPlacedInRegex();

    // "(plain mean of <a column> over the orders)".
    [GeneratedRegex(@"\s*\((?:a |the )?(?:plain|simple|straight|ordinary|arithmetic|regular|just the)? ?(?:mean|average) of [a-z_ ]{1,40}? (?:over|across) (?:the |all |all the |each of the )?(?<rows>orders|rows|transactions|purchases|carts|events|sessions)\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex MeanOverRowsAsideRegex();

    // "by customer country", "per customer city": a customer attribute said with "customer" before it.
    [GeneratedRegex(@"\b(?<by>by|per|for each|each) (?:the )?customer(?:'s|s'|s)? (?<d>[a-z]+)(?<d2> [a-z]+)?", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ByCustomerAttributeRegex();

    // "(any UK city)": any place within a value said before, which the filter already is.
    [GeneratedRegex(@"\s*\((?:in |from )?any (?<v>[A-Za-z][\w&-]*(?: [A-Za-z][\w&-]*)??) (?<d>[a-z]+)\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AnyValueDimensionRegex();

    // "(ignore events without a category)", "excluding orders with no country".
    [GeneratedRegex(@"\s*[-,;(]?\s*(?:ignore|ignoring|excluding|exclude|leave out|leaving out|not counting|skip|skipping|drop|dropping) (?:the )?(?:any )?(?:events|rows|orders|ones|carts|transactions|records) (?:without|with no|missing|that have no|that lack|lacking) (?:a |an |any )?(?<dim>[a-z][a-z ]{0,30}?)\)?(?=[?.!]|\s*$)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex IgnoreWithoutRegex();

    // "by <a breakdown>", "per <a breakdown>", "top 3 <breakdowns>".
    [GeneratedRegex(@"\b(?:by|per|each|every|top (?:[0-9]{1,3}|" + LanguageWords.CountWordPattern + @")) (?<d>[a-z]+)(?<d2> [a-z]+)?", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BreakdownSaidBeforeRegex();

    // "this quarter (since the start of Q4)": the period's start said again.
    [GeneratedRegex(@"(?<=\bthis (?<said>quarter|year|month)\b)\s*\((?:i\.?e\.?,? )?(?:since|from) (?:the )?(?:start|beginning) of (?:the |this )?(?<unit>q[1-4]|quarter|year|month|january|jan)\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex StartOfThisPeriodAsideRegex();

    // "joined", "joined us" before a time range ("people who joined this year", "customers who joined in 2025").
    [GeneratedRegex(@"\bjoined(?: us)?(?= (?:in|during|this|last|since|before|after|between|on|from|within|over|(?:19|20)\d\d)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex JoinedWhenRegex();

    [GeneratedRegex(@"\bon file\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OnFileSaidRegex();

    // "bought anything from us", "bought a <product> and a <product> from us": "us" is the business the data is of when a
    // purchase is said before it in the same clause, and not the people ("customers from us" stays as it is read); "US"
    // written so is the country ("bought <X> from US last month"), as the lexicon reads it.
    [GeneratedRegex(@"(?<=\b(?:bought|purchased|ordered|buy|buys|purchase|order|spent|spend|shopped|shop)\b[^,.;?!()]{0,80}) (?<!\b(?:customers|people|shoppers|buyers|users|ones|those|who|are|is|were|was) )(?:from|with|through) (?-i:us)\b(?![-.]?\s*(?:customers|based|states|market)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
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

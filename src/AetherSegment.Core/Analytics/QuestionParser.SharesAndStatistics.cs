using System.Text.RegularExpressions;
using AetherSegment.Profiles;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

/// <content>
/// Customers, revenue, shares and per-customer statistics said in the words the unseen sets use.
/// </content>
internal static partial class QuestionParser
{
    // "revenue from customers acquired through <source> in the last 30 days": a joining word said right before the
    // acquisition source it names ("acquired through", "signed up via", "who joined from") says where the customers came
    // from, not when, so the range stays on the measure. The first joining word that names no source (or "new customers"),
    // or null when every one names a source.
    private static Match? UnsourcedJoin(string afterTime, List<(QueryFilter Filter, int At)> placed, SemanticLayer layer)
    {
        foreach (Match said in JoinedRegex().Matches(afterTime))
        {
            int end = said.Index + said.Length;
            bool sourced = said.Value != "new customers" && placed.Exists(p => p.At >= end && !p.Filter.Negated
                && layer.Dimension(p.Filter.Dimension)?.Role == DimensionRole.AcquisitionSource
                && afterTime[end..p.At].Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => w is "through" or "via" or "from" or "by" or "with" or "on" or "using" or "the" or "a" or "an" or "our"));
            if (!sourced)
            {
                return said;
            }
        }

        return null;
    }

    // "what % of customers have never bought anything", "what share of UK customers haven't ordered in the last 90 days":
    // the part is the customers without any such row, the whole every customer the filters pick (a filter is said with
    // the customers, never after the "never" part, which ends the question or precedes its range). Only with no other
    // condition (a whole with a condition is read by ReadConditionedWhole). The filters are marked as the whole's.
    private static bool NeverShare(int conditions, int members, List<QueryFilter> filters)
    {
        if (conditions > 0 || members > 0)
        {
            return false;
        }

        for (int i = 0; i < filters.Count; i++)
        {
            filters[i] = filters[i] with { NamesMeasure = true };
        }

        return true;
    }

    // Other wordings of what is read, said as the parser reads them: "in each calendar year" as "by year", and "customers
    // with no orders", "without any purchases", "who have no abandoned carts" as "never ordered" and "never abandoned a
    // cart" (read where "never" is: at the end of the question or before its range). On normalized text.
    private static string RephraseSharesAndStatistics(string text)
    {
        // Each pattern only where the text holds a word every match of it contains (stop 42, parse speed).
        text = text.Contains("calendar year", StringComparison.Ordinal) ? EachCalendarYearRegex().Replace(text, "by year") : text;
        text = text.Contains("as 0", StringComparison.Ordinal) || text.Contains("as zero", StringComparison.Ordinal) || text.Contains("as dollars 0", StringComparison.Ordinal) ? CountedAsZeroRegex().Replace(text, m => new string(' ', m.Length)) : text;
        text = text.Contains("to date", StringComparison.Ordinal) || text.Contains("so far", StringComparison.Ordinal) || text.Contains(" now", StringComparison.Ordinal) ? MonthToDateRegex().Replace(text, m => new string(' ', m.Length)) : text;
        text = text.Contains(" behind", StringComparison.Ordinal) ? LeftBehindRegex().Replace(text, "abandoned a cart") : text;
        text = text.Contains("purchase", StringComparison.Ordinal) || text.Contains("order", StringComparison.Ordinal) || text.Contains("transaction", StringComparison.Ordinal) ? OnePurchaseOverRegex().Replace(text, "an order ${op}") : text;
        text = text.Contains(" how many ", StringComparison.Ordinal) ? AmongHowManyRegex().Replace(text, " how many ${whole} ${part}") : text;
        text = text.Contains("belong", StringComparison.Ordinal) ? BelongToRegex().Replace(text, "from") : text;

        // "repeat purchase rate": the share of buyers with more than one order; said before its own definition ("repeat
        // purchase rate, i.e. % of buyers with more than one order"), the definition is read.
        if (RepeatRateRegex().Match(text) is { Success: true } repeat)
        {
            text = ShareWordRegex().IsMatch(text[(repeat.Index + repeat.Length)..])
                ? string.Concat(text.AsSpan(0, repeat.Index), text.AsSpan(repeat.Index + repeat.Length))
                : string.Concat(text.AsSpan(0, repeat.Index), " what share of buyers", text.AsSpan(repeat.Index + repeat.Length).TrimEnd(), " have more than 1 order ");
        }

        if (text.Contains(" never ", StringComparison.Ordinal))
        {
            // "never purchased anything (zero transactions ever)": the same said twice.
            text = ZeroRowsRegex().Replace(text, "");
        }


        // "bought something in the last 90 days, how much did each spend during those 90 days": the range said again.
        text = !(text.Contains(" those ", StringComparison.Ordinal) || text.Contains(" these ", StringComparison.Ordinal) || text.Contains(" same ", StringComparison.Ordinal) || text.Contains(" that ", StringComparison.Ordinal) || text.Contains(" this ", StringComparison.Ordinal)) ? text : ThoseDaysRegex().Replace(text, m =>
        {
            string said = text[..m.Index];
            string unit = m.Groups["unit"].Value;
            return Regex.IsMatch(said, $@" (?:last|past|previous|trailing) {Regex.Escape(m.Groups["n"].Value)} {unit}s? ", RegexOptions.None, TimeSpan.FromSeconds(1))
                ? new string(' ', m.Length)
                : m.Value;
        });
        return !(text.Contains(" no ", StringComparison.Ordinal) || text.Contains("without ", StringComparison.Ordinal) || text.Contains(" not got ", StringComparison.Ordinal)) ? text : NoRowsRegex().Replace(text, m => m.Groups["cart"].Success ? "never abandoned a cart" : "never ordered");
    }

    [GeneratedRegex(@"(?<= )(?:during|in|over|within|for|across) (?:those same|these same|those|these|the same|that|this) (?<n>\d{1,3}|" + LanguageWords.CountWordPattern + @") (?<unit>hour|day|week|month|year)s?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ThoseDaysRegex();

    // "counting customers with no purchases as zero", "with customers who bought nothing counted as dollars 0": every
    // customer, which a per-customer figure is over already.
    [GeneratedRegex(@"(?<= )(?:counting|treating|with|including) (?:the ones|those|customers|people|shoppers|anyone|non buyers) ?(?:who (?:have )?(?:" + LanguageWords.NotDonePattern + @") (?:ever )?(?:bought|purchased|ordered|buy|purchase|order)(?: anything)?|with no (?:purchases|orders|transactions)|who bought nothing)? (?:counted |counting |treated )?as (?:0|zero|dollars 0)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CountedAsZeroRegex();

    // "in November 2026 to date", "November so far": the named month, which ends at the data's as-of when it is the current one.
    [GeneratedRegex(@"(?<=(?:january|february|march|april|may|june|july|august|september|october|november|december)(?: \d{4})? )(?:to date|so far|up to now|until now)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex MonthToDateRegex();

    [GeneratedRegex(@"(?<= )(?:in |for )?(?:each|every|per|by) calendar years?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex EachCalendarYearRegex();

    [GeneratedRegex(@"(?<= )(?:(?:who|that) )?(?:with no |without (?:a |an |any )?|(?:have|has|had|having) no |(?:have|has|had) not got (?:a |an |any )?)(?:(?<cart>abandoned (?:carts?|baskets?)|carts?)|orders?|purchases?|transactions?)(?= (?:(?:in|during|since|over|within|for|this|last|past) |$))", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NoRowsRegex();

    // "how many different product categories has each buyer bought from": a product level in the plural (its label or a
    // plural word of it, not a goods word alone), optionally after "different", "distinct", "unique" or "separate".
    private static Match DistinctLevelSaid(string text, DimensionDefinition level, SemanticLayer layer)
    {
        IEnumerable<string> plurals = level.Synonyms.Where(w => w.EndsWith('s') && !IsGoodsWord(w, layer)).Append(level.PluralLabel)
            .Select(w => QuestionText.Normalize(w).Trim()).Distinct(StringComparer.Ordinal).OrderByDescending(w => w.Length);
        string words = string.Join("|", plurals.Select(Regex.Escape));
        return Regex.Match(text, $@"(?<= )(?:(?:different|distinct|unique|separate) )?(?:{words})(?= )", RegexOptions.None, TimeSpan.FromSeconds(1));
    }

    // A statistic of each customer's total split by an attribute of the customers ("average total spend per buying
    // customer, broken down by country", "the top 3 cities by median spend per customer"): each group's customers. Not by
    // time or a value of the rows (which customers would a row's category pick?); a top N only with the breakdown.
    private static bool StatisticBreakdown(AnalyticsQuery query) =>
        query.Dimension is null ? query.Limit is null : query.Dimension is { OnCustomers: true, IsTime: false, Missing: null };

    // "What percentage of customers with an abandoned cart are exclusivity seekers?", "Among customers who abandoned a cart,
    // what share have never bought anything?", "what share of customers who bought <A> also bought <B>": the whole is the
    // customers said before the verb (or in the leading clause), with their filters and conditions; the part is the same
    // customers with what is said after it. Both are read as counts ("how many <whole>", "how many <whole> <part>") and
    // said alike (buyers of a product as customers with such a purchase, members of a flag as customers who are); answered
    // only when the part keeps every filter and condition of the whole and adds one, over one time range, with no
    // breakdown. conditionRequired: only a whole with a condition (which the other readings of a share drop). Null
    // otherwise (the caller keeps its reading).
    private static ParsedQuestion? ReadConditionedWholeAsSaid(string text, string? head, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds, bool conditionRequired)
    {
        string whole;
        string part;
        if (LeadingWholeClauseRegex().Match(text) is { Success: true } leading)
        {
            whole = leading.Groups["whole"].Value;
            part = leading.Groups["part"].Value;
        }
        else if (ShareOfRegex().Match(text) is { Success: true } of && WholeEndsRegex().Match(" " + of.Groups["rest"].Value) is { Success: true } verb && verb.Index > 0)
        {
            string rest = " " + of.Groups["rest"].Value;
            whole = rest[..verb.Index];
            part = rest[verb.Index..];
        }
        else
        {
            return null;
        }

        // "<country>: of the customers who have ordered": the heading's values are the whole's (QuestionParser.PerCustomerFigures.cs).
        whole = head is null ? whole : $"{head} {whole.Trim()}";

        // "what share of buyers bought <A>": the buyers' own reading (a share of buyers) stands; a purchase of anything is read
        // into the part's only when the whole says more than the buyers (red team rt7).
        bool buyersOnly = BuyersOnlyRegex().IsMatch(whole);

        // "customers who have ordered": said as "customers who ordered" (the buyers), as the whole's count reads it.
        whole = HaveBeforePurchaseRegex().Replace(BuyerWholeRegex().Replace(" " + whole.Trim() + " ", "customers who bought"), " ").Trim();
        ParsedQuestion wholeRead = ReadAnswered($" how many {whole} ", layer, campaignNames, campaignIds);

        // A whole that is not a count of customers answers nothing whatever the part: its part is not read (parse speed, stop 44).
        if (wholeRead is not { Status: AnalyticsAnswerStatus.Answered, Query: { } wholeAsked } || AsCustomers(wholeAsked, layer) is null)
        {
            return null;
        }

        ParsedQuestion partRead = ReadAnswered($" how many {whole} {part.Trim()} ", layer, campaignNames, campaignIds);
        if (partRead.Status != AnalyticsAnswerStatus.Answered && PartHasAnyRegex().IsMatch(" " + part.Trim() + " "))
        {
            // "... have an abandoned cart": at least one, as "have at least 1 abandoned cart" reads it.
            partRead = ReadAnswered($" how many {whole} {PartHasAnyRegex().Replace(" " + part.Trim() + " ", "${verb} at least 1 ").Trim()} ", layer, campaignNames, campaignIds);
        }

        if (wholeRead is not { Status: AnalyticsAnswerStatus.Answered, Query: { } wholeQuery } || partRead is not { Status: AnalyticsAnswerStatus.Answered, Query: { } partQuery }
            || AsCustomers(wholeQuery, layer) is not { } w || AsCustomers(partQuery, layer) is not { } p)
        {
            return null;
        }

        // "of the customers with a churn probability above 0.7, what percentage ordered in the last 90 days": the range is the
        // part's purchase only (QuestionParser.PerCustomerFigures.cs).
        p = w.Time is null && p.Time is not null && TimedPart(w, p) is { } timed ? timed : p;

        // "Of the customers who purchased anything this year, what percentage bought something from <A> this year": the part's
        // purchase of <A> is a purchase too, so the whole's "purchased anything" is read into it (red team rt7); it adds one.
        int refined = buyersOnly ? 0 : w.Conditions.Count(c => !p.Conditions.Any(d => SameCondition(c, d)) && p.Conditions.Any(d => Refines(d, c)));
        if (!Plain(w) || !Plain(p) || w.Time != p.Time || w.Conditions.Count + w.Filters.Count == 0 || (conditionRequired && w.Conditions.Count == 0)
            || w.TimeOnConditions != p.TimeOnConditions || p.Conditions.Count + p.Filters.Count + refined <= w.Conditions.Count + w.Filters.Count
            || !w.Filters.All(f => p.Filters.Any(g => SameFilter(f, g))) || !w.Conditions.All(c => p.Conditions.Any(d => SameCondition(c, d) || (!buyersOnly && Refines(d, c)))))
        {
            return null;
        }

        return partRead with { Query = p with { Share = true, ShareWhole = w } };

        static bool Plain(AnalyticsQuery q) => q is { Dimension: null, Limit: null, Share: false, Ratio: null, FilterRatio: null, ComparedTime: null, Having: null, RowComparison: null, Statistic: null };
    }

    // A count of customers said as one: buyers (of a product, in a range) as the customers with such a purchase, the members
    // of a flag as the customers who are. Null when the query counts something else.
    private static AnalyticsQuery? AsCustomers(AnalyticsQuery query, SemanticLayer layer)
    {
        if (ReferenceEquals(query.Measure, layer.CustomerCount))
        {
            return query;
        }

        if (query.Measure.Membership is not null && layer.Fact(query.Measure.Fact) is { IsCustomerGrain: true } && query.Time is null)
        {
            CustomerCondition member = new(query.Measure, [], new NumericComparison(ComparisonOperator.Greater, 0, null, "over 0", false), null, false);
            return query with { Measure = layer.CustomerCount, Conditions = [member, .. query.Conditions] };
        }

        if (query.Measure.Name == "buyers" && query.Measure.Missing is null)
        {
            List<QueryFilter> onRows = [.. query.Filters.Where(f => layer.Dimension(f.Dimension)?.OnCustomers != true)];
            CustomerCondition bought = new(query.Measure, onRows, null, null, false);
            return query with
            {
                Measure = layer.CustomerCount,
                Filters = [.. query.Filters.Where(f => !onRows.Contains(f))],
                Conditions = [bought, .. query.Conditions],
                TimeOnConditions = query.Time is not null || query.TimeOnConditions,
            };
        }

        return null;
    }

    private static bool SameFilter(QueryFilter a, QueryFilter b) =>
        a.Dimension == b.Dimension && a.Negated == b.Negated && a.Values.SequenceEqual(b.Values, StringComparer.Ordinal);

    // "bought something from <A> this year" is a case of "purchased anything this year": the same rows' measure over the same
    // range, the general one with no value, amount or number said.
    private static bool Refines(CustomerCondition specific, CustomerCondition general) =>
        general.Measure.Fact == EntityKind.Orders && general is { Negated: false, Comparison: null, RowComparison: null, Filters.Count: 0 } && specific is { Negated: false, Comparison: null, RowComparison: null, Filters.Count: > 0 }
        && specific.Measure.Name == general.Measure.Name && specific.Time == general.Time && specific.RowsRequired == general.RowsRequired;

    [GeneratedRegex(@"^ *(?:the |all |all the |our |those )?(?:buyers|purchasers|paying customers|customers who bought|customers who have bought) *$", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BuyersOnlyRegex();

    private static bool SameCondition(CustomerCondition a, CustomerCondition b) =>
        a.Measure.Name == b.Measure.Name && a.Negated == b.Negated && a.Comparison == b.Comparison && a.RowComparison == b.RowComparison
        && a.RowsRequired == b.RowsRequired && a.Time == b.Time && a.Filters.Count == b.Filters.Count && a.Filters.All(f => b.Filters.Any(g => SameFilter(f, g)));

    // "Among customers who abandoned a cart, what share are exclusivity seekers?", "of the buyers, what percent ...".
    [GeneratedRegex(@"^ (?:of|among|amongst|out of|for|across) (?:the |all |all the |our |those )?(?<whole>.+?) (?:what|which) (?:share|percentage|percent|proportion|fraction|portion|pct)(?: of (?:them|those|these|this group))? (?<part>.+)$", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex LeadingWholeClauseRegex();

    // Where the whole ends: a verb not said of the whole itself ("who are", "who have bought"), or "also" ("customers who
    // bought <A> also bought <B>").
    [GeneratedRegex(@"(?<! who| that| have| has| had| not| never) (?:are|is|were|was|have|has|had|do|did|live|lives|come|came|belong|bought|purchased|ordered|made|placed|also)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex WholeEndsRegex();

    [GeneratedRegex(@"^ (?<verb>have|has|had) (?:a|an|any) (?=[a-z])", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PartHasAnyRegex();

    // "buyers", "purchasers", "paying customers", "buying customers" said as the whole: the customers who bought.
    [GeneratedRegex(@"^ (?:buyers|purchasers|(?:paying|buying|purchasing) (?:customers|shoppers|people))(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex BuyerWholeRegex();

    [GeneratedRegex(@"(?<= (?:who|that)) (?:have|has|had)(?: ever)? (?=(?:ordered|bought|purchased) $)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex HaveBeforePurchaseRegex();

    // "what percentage of customers with an abandoned cart are ...": the share said first, the whole after "of".
    [GeneratedRegex(@"^ (?:(?:what|which) )?(?:(?:is|s) )?(?:the )?(?:share|percentage|percent|proportion|fraction|portion|pct) of (?:the |all |all the |our )?(?<rest>.+)$", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ShareOfRegex();


    // "how many exclusivity seekers have an abandoned cart": the members of a flag are customers, so the count is of them.
    private static bool CountsMembers(Match howMany, SemanticLayer layer)
    {
        string noun = howMany.Groups["w2"].Success ? howMany.Groups["w1"].Value + " " + howMany.Groups["w2"].Value : howMany.Groups["w1"].Value;
        return layer.Measures.Any(m => m.Membership is not null && m.Missing is null && layer.Fact(m.Fact) is { IsCustomerGrain: true }
            && m.Synonyms.Any(w => string.Equals(w, noun, StringComparison.Ordinal)));
    }

    // "customers with a churn probability over 0.7 have an abandoned cart": a verb between a comparison and the measure after
    // it ends the comparison's phrase, so the comparison is of the measure before it.
    private static bool VerbBetween(string text, int from, int to) =>
        to > from && text[from..to].Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => w is "have" or "has" or "had" or "are" or "is" or "was" or "were" or "made" or "placed" or "bought" or "purchased");

    // Shorthand read on the question as written, before it is normalized: "> 0.6" and ">= 0.6" (over, at least), "i.e." and
    // "e.g." (that is), "whose biggest single order was over X" (customers with an order over X: the largest is over X
    // exactly when one is). Word shorthand ("custs", "3+", "2k", "who've") is QuestionText's.
    private static string Shorthand(string question)
    {
        // "which 10 customers spent the most (ids pls)", "... - customer ids please", "Just the customer id.": a top N of
        // customers is answered with their ids (pseudonymous keys, no other personal data); asking for them adds nothing.
        if (TopCustomersRegex().IsMatch(question))
        {
            question = IdsAskedRegex().Replace(question, " ");
            // "which customer has spent the most": the one customer first by the measure, with ties.
            question = OneCustomerMostRegex().Replace(question, "which 1 ${noun}");
        }

        if (!ShorthandRegex().IsMatch(question))
        {
            return question;
        }

        string text = ShorthandRegex().Replace(question, m => m.Value.ToLowerInvariant() switch
        {
            "i.e." or "ie." or "e.g." or "eg." => " ",
            ">=" => " at least ",
            "<=" => " at most ",
            ">" => " over ",
            "<" => " under ",
            _ => m.Value,
        });
        return LargestOrderOverRegex().Replace(text, "with an order ${op} $$${n}");
    }

    [GeneratedRegex(@"(?<![A-Za-z])(?:i\.e\.|ie\.|e\.g\.|eg\.)|>=|<=|(?<![-=])>|<(?![-=])|(?:biggest|largest|highest|max|maximum) (?:single )?(?:order|purchase|transaction)|['\u2019]ve\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ShorthandRegex();


    [GeneratedRegex(@"\b(?:(?:top|which|the|list) (?:\d{1,3}|ten|five|three|twenty) (?:customers|shoppers|buyers)|which (?:single )?(?:customer|shopper|buyer))\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex TopCustomersRegex();

    [GeneratedRegex(@"\bwhich (?:single )?(?<noun>customer|shopper|buyer)\b(?=(?: (?:has|have|had|is|was))? (?:spent|bought|placed|ordered|purchased|made|generated|brought|contributed)\b[^?.]* the (?:most|highest|biggest|largest)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OneCustomerMostRegex();

    [GeneratedRegex(@"\((?:their |the )?(?:customer[ _])?ids?(?:,? ?(?:pls|please|only|biggest first|highest first|largest first))?\)|(?:[-\u2013\u2014:.,;] ?|\? )(?:(?:just|only|give me|show me|with) )?(?:the |their )?customer[ _]ids?(?:,? ?(?:pls|pleases?|only))?[.!]?\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex IdsAskedRegex();



    [GeneratedRegex(@"\bwhose (?:biggest|largest|highest|max|maximum) (?:single )?(?:order|purchase|transaction)(?: value)? (?:was|is|has been|were)? ?(?<op>over|above|more than|greater than|at least|exceeding) \$?(?<n>\d[\d,]*(?:\.\d+)?)(?![\d%])", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex LargestOrderOverRegex();

    // "instagram vs facebook - how many customers came from each": two words the vocabulary reads as the same value,
    // compared; the data holds only the value, so the split cannot be made. The reason, or null.
    private static string? SameValueCompared(List<(QueryFilter Filter, int At)> placed, string text)
    {
        if (!VersusRegex().IsMatch(text))
        {
            return null;
        }

        foreach ((QueryFilter filter, int at) in placed)
        {
            if (placed.Find(p => p.At != at && p.Filter.Dimension == filter.Dimension && p.Filter.Phrase != filter.Phrase && !p.Filter.Negated && !filter.Negated
                && p.Filter.Values.SequenceEqual(filter.Values, StringComparer.Ordinal)) is { Filter: { } other })
            {
                return $"\"{filter.Phrase}\" and \"{other.Phrase}\" are both {string.Join(" or ", filter.Values)} in the data, so I cannot compare them; ask for {string.Join(" or ", filter.Values)} as one";
            }
        }

        return null;
    }

    // "events from mobile (ios + android)": values listed after a word for their group restate it; one filter on the group,
    // not a comparison of the values.
    private static List<QueryFilter> GroupRestated(List<QueryFilter> filters)
    {
        List<QueryFilter> groups = filters.FindAll(f => f.Group && !f.Negated);
        return groups.Count == 0 ? filters
            : filters.FindAll(f => f.Group || f.Negated || !groups.Exists(g => g.Dimension == f.Dimension && f.Values.All(v => g.Values.Contains(v, StringComparer.Ordinal))));
    }

    [GeneratedRegex(@"(?<= )(?:purchase|purchases|buy|buys|shop|shops) (?:from|in|across)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PurchaseFromRegex();

    // "top 3 countries ranked by median CLV score": the median of a score each customer has once (a table of one row per
    // customer, id_unique), read as its average is; with its filters, breakdown and top N.
    private static ParsedQuestion? ScoreMedian(string text, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds)
    {
        string averaged = StatisticWordRegex().Replace(text, m => m.Value == "median" ? "average" : m.Value);
        ParsedQuestion parsed = Parse(averaged, layer, campaignNames, campaignIds, legacy: false);
        if (parsed is not { Status: AnalyticsAnswerStatus.Answered, Query: { Share: false, Ratio: null, FilterRatio: null, ComparedTime: null, Statistic: null, Having: null, RowComparison: null, Conditions.Count: 0 } query }
            || query.Measure is not { Missing: null, RowValue: { } value, Additive: false, Membership: null } measure || !layer.OneRowPerCustomer(measure.Fact)
            || !measure.Label.StartsWith("average ", StringComparison.Ordinal))
        {
            return null;
        }

        string label = "median " + measure.Label["average ".Length..];
        MeasureDefinition median = measure with { Name = "median_" + measure.Name.Replace("average_", "", StringComparison.Ordinal), Label = label, Synonyms = [], EachRow = null, Population = " (the middle of the customers' values)" };
        return parsed with { Query = query with { Measure = median, Statistic = new MeasureStatistic(StatisticKind.Median, measure) { Row = new EachRowValue(value, "customer") } } };
    }

    // "what's the typical (median) number ...": the statistic said is the one read; "typical" beside it adds nothing.
    [GeneratedRegex(@"(?<= )(?:typical|usual)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex TypicalRegex();

    // "customers who left a cart behind": an abandoned cart.
    [GeneratedRegex(@"(?<= )left (?:a |an |their |the |items in (?:a |their |the )?)?(?:cart|basket|shopping cart)s? behind(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex LeftBehindRegex();

    // "among customers with at least one behavioral event", "who had an event": the customers with rows of the events.
    [GeneratedRegex(@"(?<= )(?:with (?:at least one|any|an|a) (?:behavioral |site |app )?(?:events?|activity)|(?:who|that) (?:have |has )?had (?:at least one|any|an|a) (?:behavioral |site |app )?(?:events?|activity))(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex EventsBaseRegex();

    // "made at least one single purchase over dollars 800": an order over the amount.
    [GeneratedRegex(@"(?<= )(?:at least one|one or more|an|a) (?:single |individual )?(?:purchase|order|transaction) (?<op>over|above|of more than|more than|worth more than|greater than|exceeding)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OnePurchaseOverRegex();

    [GeneratedRegex(@" (?:zero|no|0) (?:transactions|orders|purchases)(?: ever| at all)?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ZeroRowsRegex();

    // "Among customers with a CLV score below 0.2, how many made an order over $800?": the customers counted, said first.
    [GeneratedRegex(@"^ (?:among|amongst|of|for|out of) (?:the |all |all the |our |those )?(?<whole>(?:customers|shoppers|people|clients|users|buyers) .+?) how many (?<part>.+)$", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AmongHowManyRegex();

    // "carts that belong to customers with ...": whose rows, as "from customers with ..." says it.
    [GeneratedRegex(@"(?<= )(?:belong|belongs|belonged|belonging) to(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex BelongToRegex();

    [GeneratedRegex(@" (?:the |our )?repeat (?:purchase|customer|buyer|order) rate(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex RepeatRateRegex();

    // A condition on an attribute or score each customer has ("with a CLV score over 0.7"): it picks the customers, so
    // "customers with a CLV score over 0.7 who bought in the last 30 days" are still buyers (the verb was dropped).
    private static bool OnTheCustomers(CustomerCondition condition, SemanticLayer layer) =>
        !condition.Negated && condition.Time is null && layer.Fact(condition.Measure.Fact) is { IsCustomerGrain: true };
}

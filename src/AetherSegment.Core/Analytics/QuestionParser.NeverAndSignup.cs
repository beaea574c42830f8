using System.Text.RegularExpressions;
using AetherSegment.Profiles;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

/// <content>
/// A last look at a reading against the question's own words, once per question (stop 39): a "never" clause that a second
/// verb follows, a purchase said without a value beside a negated purchase, and a time range said of when the customers
/// signed up. Each was found by a property test over every pair of a condition kind and a "never" part
/// (<c>ask-never39</c>), where the reading answered a different question.
/// </content>
internal static partial class QuestionParser
{
    private static ParsedQuestion Audit(string question, ParsedQuestion parsed, SemanticLayer layer)
    {
        if (parsed is not { Status: AnalyticsAnswerStatus.Answered, Query: { } query })
        {
            return parsed;
        }

        // A cheap test first: most questions have no condition, range, share or event count, and say no negation or join.
        // "(summing all their 2025 <a value> orders)" after a spend says its values again (stop 49, QuestionParser.RangesSaidTwice.cs).
        string lower = SummingTheirOrdersSaid(question).ToLowerInvariant();
        // A base and a second condition read apart (QuestionParser.BasesAndScopes.cs).
        parsed = BasesAndScopesRead(lower, question, parsed, query, layer);
        query = parsed.Query!;
        // "how many <value> orders ... placed by customers in <a place>" read as the customers (QuestionParser.RedTeamRt7.cs).
        if (RowsOfPeopleReread(question, query, layer) is { } rowsOfPeople)
        {
            return rowsOfPeople;
        }

        // "For US customers who ...": a value written in capitals lost where a reading read the question in lower case
        // (QuestionParser.RedTeamRt9.cs).
        if (CapitalValueLost(question, query, layer, null, null) is { } capital)
        {
            return capital;
        }

        // "In <a value>, what share of orders ...": the values said before the share word are the whole's (QuestionParser.RedTeamRt9.cs).
        switch (ScopeBeforeShare(lower, query))
        {
            case ({ } scoped, _):
                parsed = parsed with { Query = scoped };
                query = scoped;
                break;
            case (_, { } declined):
                return ParsedQuestion.Unplaced(declined);
        }

        // "Total revenue from <A> and <B>": one figure over the values listed (QuestionParser.RedTeamRt7.cs).
        switch (OneFigureOfList(question, query, layer))
        {
            case ({ } total, _):
                parsed = parsed with { Query = total };
                query = total;
                break;
            case (_, { } declined):
                return ParsedQuestion.Unplaced(declined);
        }

        // "total ... across every X campaign": a dimension said only as "all"/"every" of it (QuestionParser.LeadStop50.cs);
        // asked back after the other audits, whose reasons say more.
        string? allAsked = null;
        if (AllOfTheDimension(question, query, out allAsked) is { } overAll)
        {
            parsed = parsed with { Query = overAll };
            query = overAll;
        }

        // "converted" said of the customers: which group's conversions (QuestionParser.ConvertedGroup.cs).
        switch (ConvertedGroupRead(lower, query, layer))
        {
            case ({ } groupRead, _):
                parsed = parsed with { Query = groupRead };
                query = groupRead;
                break;
            case (_, { } declined):
                return ParsedQuestion.Unplaced(declined);
        }

        bool negated = lower.Contains("never", StringComparison.Ordinal) || lower.Contains("not", StringComparison.Ordinal) || lower.Contains("n't", StringComparison.Ordinal) || lower.Contains("nt ", StringComparison.Ordinal);
        bool joined = JoinWords.Any(w => lower.Contains(w, StringComparison.Ordinal));
        bool parts = query.Conditions.Count > 0 || query.Time is not null || query.Share || query.Measure.Fact == EntityKind.Events;
        // Stop 44 red team (rt4): an exclusion read as a breakdown, and the whole of a share read as the part over all time.
        if (RedTeamRt4Reread(lower, question, query) is { } reread)
        {
            parsed = parsed with { Query = reread };
            query = reread;
        }

        // "give me the mobile share" of "events on mobile vs web": the group's share (QuestionParser.RatiosTwoNumbersSessions.cs).
        if (GroupShareAsked(lower, query, layer) is { } groupShare)
        {
            query = groupShare;
            parsed = parsed with { Query = groupShare };
        }

        // "converted at the highest rate", "searches made by ... customers - how many?" (QuestionParser.RedTeamRt10.cs).
        if (RedTeamRt10Reread(lower, query, layer) is { } rt10)
        {
            query = rt10;
            parsed = parsed with { Query = rt10 };
        }

        // Readings found to answer a different question (stop 43: probing, the held-out sets, the red team), in that order.
        if ((ExclusivePurchase(lower, question) ?? HeldOutStop43(lower, question, query, layer) ?? BasesAndScopes(lower, query, layer) ?? RedTeamRt3(lower, question, query, layer)
            ?? RedTeamRt2(lower, question, query) ?? RedTeamRt1(lower, question, query) ?? RedTeamRt4(lower, question, query) ?? RedTeamRt4Spend(lower, question, query, layer)
            ?? Ask51(lower, query, layer) ?? LeadStop44(lower, question, query) ?? RedTeamRt5(query, layer) ?? RedTeamRt6(lower, question, query) ?? LeadStop45(question, query) ?? RedTeamRt7(question, query, layer)
            ?? RedTeamRt8(lower, question, query, layer) ?? ThresholdDropped(lower, query) ?? LeadStop46(question, query, layer) ?? RedTeamRt10(lower, query, layer)
            ?? LeadStop49(question, query, layer) ?? LeadStop50(question, query) ?? CampaignsStop51(query) ?? LeadStop51(question, query, layer) ?? LeadStop59(question, query, layer) ?? VersusReadAsOne(lower, query) ?? allAsked) is { } different)
        {
            return ParsedQuestion.Unplaced(different);
        }

        if (!parts && !negated && !joined)
        {
            return parsed;
        }

        string normalized = QuestionText.Normalize(question);
        if (parts && VerbsDisagree(normalized, query, layer) is { } disagree)
        {
            return ParsedQuestion.Unplaced(disagree);
        }

        // "of the sessions with <A>, what share also had <B>" (QuestionParser.EventsSessionsFunnels.cs).
        if (query.Share && SessionsBaseReason(normalized, query) is { } sessionsBase)
        {
            return ParsedQuestion.Unplaced(sessionsBase);
        }

        // "how many treated customers converted in the <campaign type> campaigns": a customer who converted in two of those
        // campaigns is one customer but two conversions; which is meant cannot be told unless each customer is said once.
        if (ReferenceEquals(query.Measure, layer.CustomerCount) && query.Dimension is null
            && query.Conditions.FirstOrDefault(c => c is { Negated: false } && c.Measure.Name is "conversions" or "arm_conversions"
                && c.Filters.Any(f => layer.Dimension(f.Dimension)?.Role is DimensionRole.CampaignType or DimensionRole.Trigger)) is { } converted
            && !EachCustomerOnceRegex().IsMatch(normalized))
        {
            string over = converted.Filters.First(f => layer.Dimension(f.Dimension)?.Role is DimensionRole.CampaignType or DimensionRole.Trigger).Phrase;
            return ParsedQuestion.Unplaced($"{People(layer)} who converted in {over} could count each {layer.CustomerWords[^1]} once, or once per campaign they converted in (the conversions); ask for \"how many distinct {People(layer)} converted ...\" or \"how many conversions ...\"");
        }

        // "total revenue from customers in the treatment group of <a campaign>", "how much have customers in the treatment
        // group spent": the revenue attributed to the campaign, or everything those customers bought? Said of the
        // customers without "attributed" or "campaign revenue", either could be meant.
        if (query.Measure.Name is "attributed_revenue" or "treatment_attributed_revenue" && !AttributedSaidRegex().IsMatch(normalized) && CustomersSpendRegex().IsMatch(normalized))
        {
            return ParsedQuestion.Unplaced($"revenue said of the {People(layer)} in a campaign group could be the {query.Measure.Label} or everything those {People(layer)} bought; ask for \"attributed campaign revenue ...\" or for \"revenue from {People(layer)} who were in ...\" as a condition");
        }

        if (negated && NeverClauseThenVerbRegex().Match(normalized) is { Success: true } clause)
        {
            // "customers who have never bought anything viewed <a category>": the negation belongs to the clause, the second
            // verb is what the customers did. Read apart, the negation was put on the second verb or its value.
            return ParsedQuestion.Unplaced($"\"{clause.Groups["clause"].Value}\" followed by \"{clause.Groups["verb"].Value}\": I could not tell which verb the negation belongs to; ask with the negation last, as in \"customers who {clause.Groups["verb"].Value} ... and never bought anything\"");
        }

        if (negated && DroppedPositivePurchase(normalized, query, layer) is { } dropped)
        {
            return ParsedQuestion.Unplaced(dropped);
        }

        return joined ? SignupRange(normalized, parsed, query, layer) : parsed;
    }

    // The verbs of a part, said once here: of purchases and of events, in the past ("bought", "viewed") and in the other
    // forms read ("buy", "viewing"); the past forms alone make PastVerbs.
    private static readonly string[] PastPurchaseVerbs = ["bought", "purchased", "ordered", "shopped", "spent", "placed"];

    private static readonly string[] PastEventVerbs = ["viewed", "looked", "browsed", "searched", "added", "wishlisted", "saved", "used", "clicked", "abandoned", "started"];

    private static readonly HashSet<string> PurchaseVerbs = new([.. PastPurchaseVerbs, "buy", "buying", "purchase", "spend"], StringComparer.Ordinal);

    private static readonly HashSet<string> EventVerbs = new([.. PastEventVerbs, "view", "viewing"], StringComparer.Ordinal);

    // A value read on a verb other than the one it follows, a comparison that took a value said with another verb, a
    // count of events asked as customers, or one range said beside two verbs: each a reading of a different question.
    private static string? VerbsDisagree(string normalized, AnalyticsQuery query, SemanticLayer layer)
    {
        string[] words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        List<int> verbs = [.. Enumerable.Range(0, words.Length).Where(i => PurchaseVerbs.Contains(words[i]) || EventVerbs.Contains(words[i]))];

        // "customers in <city> and who searched", "in the last 30 days, how many customers searched": the customers counted,
        // not their events ("top 3 product types people wishlisted" ranks by the events).
        int subject = verbs.Count > 0 ? Array.FindIndex(words, 0, verbs[0], w => layer.CustomerCount.Synonyms.Contains(w)) : -1;
        bool counted = subject == 0 || (subject >= 2 && words[subject - 2] is "how" or "number" && words[subject - 1] is "many" or "of") || (subject >= 1 && words[subject - 1] is "count");
        if (query.Measure.Fact == EntityKind.Events && subject >= 0 && counted && (subject == 0 || !query.Share)
            && !words.Any(w => w is "events" or "event" or "sessions" or "session" or "views" or "searches" or "clicks"))
        {
            return $"\"{words[subject]} ... {words[verbs[0]]}\" asks for {People(layer)}, but I read a count of events; ask \"how many {People(layer)} ...\"";
        }

        // "used <a tool> and also viewed something in <another view type>": "viewed" is read as the product views beside another
        // event type of viewing named with it; which one was meant cannot be told.
        List<string> eventTypes = [.. query.Conditions.Where(c => c.Measure.Fact == EntityKind.Events).SelectMany(c => c.Filters).Where(f => f.Dimension == "event_type").SelectMany(f => f.Values)];
        if (layer.Profile.Catalog.EventTypes.Where(e => e.Kind == EventTypeKind.View).Select(e => e.Name).ToList() is [string viewType] && eventTypes.Contains(viewType)
            && eventTypes.Exists(t => t != viewType && t.Contains("view", StringComparison.Ordinal)))
        {
            return $"\"viewed\" could be {viewType.Replace('_', ' ')} or {eventTypes.First(t => t != viewType && t.Contains("view", StringComparison.Ordinal)).Replace('_', ' ')} here; ask with the event types named, as in \"customers with {viewType.Replace('_', ' ')} events\"";
        }

        // "what percentage of all customers bought at least once in the last 30 days" read as a share of the buyers out of
        // all buyers (always 1): the whole said is every customer.
        // The same for "what percentage of customers viewed <a category>" read as a share of the events, and "what
        // percentage of customers were in the treatment group of <a campaign>" read out of every treated customer.
        if (query is { Share: true, ShareWhole: null } && !ReferenceEquals(query.Measure, layer.CustomerCount) && AllCustomersWholeRegex().IsMatch(normalized))
        {
            return $"a share out of all {People(layer)}, but I read it out of all {query.Measure.Label}; ask for the two counts, as in \"how many {People(layer)} ...\" and \"how many {People(layer)} are there\"";
        }

        // "of the customers who viewed a product in the last 30 days, what % also added something to cart" was read as the
        // share of each event type out of all events (stop 42, held out): a share whose base is customers who did something
        // is of customers, never of the rows read.
        if (query is { Share: true } && query.Measure.Fact is not (EntityKind.Customers or EntityKind.Scores) && query.Measure.Name != "buyers"
            && normalized.Contains(" who ", StringComparison.Ordinal) && CustomersWhoBaseRegex().IsMatch(normalized))
        {
            return $"a share out of the {People(layer)} who did something, but I read it out of all {query.Measure.Label}; ask for the two counts, as in \"how many {People(layer)} ...\"";
        }

        if (PeopleBaseOfRows(normalized, query, layer) is { } peopleBase)
        {
            return peopleBase;
        }

        foreach (CustomerCondition condition in query.Conditions)
        {
            bool purchase = condition.Measure.Fact == EntityKind.Orders;
            bool events = condition.Measure.Fact == EntityKind.Events;
            foreach (QueryFilter filter in condition.Filters)
            {
                List<int> said = WordIndexes(normalized, filter.Phrase);
                // "viewed a <X> and bought a <X>" (stop 58): the value said after both verbs but read on one part only, the
                // other part counting rows of any value.
                // The phrase may be two mentions merged by a list rewrite ("<x> and <x>"): each mention is looked for.
                EntityKind otherFact = purchase ? EntityKind.Events : EntityKind.Orders;
                List<int> mentions = said.Count > 0 ? said : [.. filter.Phrase.Split([" and ", " or "], StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).SelectMany(p => WordIndexes(normalized, p))];
                // A base said first ("of the customers who added a <X> to their cart, how many bought a <X>") is read apart
                // by its own path, which places the value on both parts.
                if ((purchase || events) && !normalized.StartsWith(" of ", StringComparison.Ordinal) && !normalized.StartsWith(" among ", StringComparison.Ordinal) && mentions.Find(at => VerbBefore(at) is { } verb && (purchase ? EventVerbs : PurchaseVerbs).Contains(verb)) is > 0 and int otherAt
                    && query.Conditions.Any(c => c.Measure.Fact == otherFact)
                    && !query.Conditions.Any(c => c.Measure.Fact == otherFact && c.Filters.Any(f => f.Values.Intersect(filter.Values, StringComparer.OrdinalIgnoreCase).Any()))
                    && !query.Filters.Any(f => f.Values.Intersect(filter.Values, StringComparer.OrdinalIgnoreCase).Any()))
                {
                    return $"\"{filter.Phrase.Split([" and ", " or "], StringSplitOptions.RemoveEmptyEntries)[0]}\" is said after \"{VerbBefore(otherAt)}\" too, but I read it only on {condition.Measure.Label}; ask with each value next to its own verb";
                }

                if (said.Count == 0)
                {
                    continue;
                }

                // "viewed <a category> and bought <a product type>": the category is what was viewed, not bought.
                string? VerbBefore(int at) => verbs.FindLastIndex(v => v < at) is >= 0 and int verb ? words[verbs[verb]] : null;
                if ((purchase && !(condition.Negated && BoughtOneRegex().IsMatch(normalized)) && said.TrueForAll(at => VerbBefore(at) is { } verb && EventVerbs.Contains(verb)))
                    || (events && said.TrueForAll(at => VerbBefore(at) is { } verb && PurchaseVerbs.Contains(verb))))
                {
                    return $"\"{filter.Phrase}\" follows \"{VerbBefore(said[0])}\", but I read it on {condition.Measure.Label}; ask with each value next to its own verb";
                }

                // "searched but never viewed <a category>": the category is said with the negated verb, but read on the
                // searches (and the other way round). "viewed <a product type> but didn't buy one" says it for both, and so does
                // a part with a range of its own ("bought <a category> in 2025 but not in 2026").
                if (filter.Dimension != "event_type" && condition.Time is null && !(condition.Negated && BoughtOneRegex().IsMatch(normalized))
                    && said.TrueForAll(at => verbs.FindLastIndex(v => v < at) is >= 0 and int verb && NegatedVerb(words, verbs[verb], at) != condition.Negated))
                {
                    return condition.Negated
                        ? $"\"{filter.Phrase}\" is said with \"{words[verbs.FindLast(v => v < said[0])]}\", not with the negation, but I read it on the {condition.Measure.Label} that are negated; ask with each value next to its own verb"
                        : $"\"{filter.Phrase}\" is said with the negation (\"{words[verbs.FindLast(v => v < said[0])]}\"), but I read it on {condition.Measure.Label} that are not negated; ask with each value next to its own verb";
                }

                // "spent over $1,000 and bought <a category>", "placed 3 or more orders, bought <a category>": the amount is the
                // customers' whole spend, and the category a purchase of its own, not the spend on it.
                if (purchase && condition.Comparison is { } comparison && WordIndexes(normalized, comparison.Phrase) is [int compared, ..]
                    && said.TrueForAll(at => verbs.Exists(v => v > Math.Min(compared, at) && v < Math.Max(compared, at))))
                {
                    return $"\"{comparison.Phrase}\" and \"{filter.Phrase}\" are said with two verbs: {condition.Measure.Label} {comparison.Phrase} in total and a purchase of {filter.Phrase}, or {condition.Measure.Label} on {filter.Phrase} {comparison.Phrase}? Ask one of them, as in \"{People(layer)} whose {condition.Measure.Label} on {filter.Phrase} is {comparison.Phrase}\"";
                }
            }
        }

        // "viewed <a category> and bought something in the last 30 days", "bought <a category> and bought in the last 30
        // days", "with 3 or more orders who bought in the last 30 days": one range said beside two verbs (or a verb and a
        // compared count) could be either's or both's. A negated part after the range is read as before (QuestionParser.Ranges.cs).
        List<int> parts = [.. verbs, .. query.Conditions.Where(c => c.Comparison is not null && layer.Fact(c.Measure.Fact) is { Time: not null, IsCustomerGrain: false })
            .SelectMany(c => WordIndexes(normalized, c.Comparison!.Phrase).Take(1))];
        parts.Sort();
        if (query is { Time: { } time, SignupTime: false, ComparedTime: null, Statistic: null } && (ReferenceEquals(query.Measure, layer.CustomerCount) || query.Measure.Name == "buyers")
            && !query.Conditions.Any(c => c.Time is not null) && parts.Count >= 2 && WordIndexes(normalized, time.Phrase) is [int rangeAt] && rangeAt > parts[0]
            && !words.Any(w => w is "both" or "same" or "those" or "each" or "either")
            && !SamePeriodSaid(normalized)
            && !AnyWord(words, rangeAt, words.Length, NegatingAfterRange)
            && (TwoVerbsWithoutNegation(words, verbs) || Enumerable.Range(0, parts.Count - 1).Any(i => AnyWord(words, parts[i], parts[i + 1], "and", "who", "also", "then", "with"))))
        {
            return $"\"{time.Phrase}\" is said beside two parts ({words[parts[0]]} ... {words[parts[^1]]}): the range could bound either or both; say the range next to each part it bounds";
        }

        // "revenue in the last 30 days from customers who spent over $1,000": the range is said once, for the revenue and
        // for the customers' own total compared; it could bound either or both.
        if (query is { Time: { } measured, ComparedTime: null, SignupTime: false } && !ReferenceEquals(query.Measure, layer.CustomerCount) && query.Measure.Name != "buyers"
            && query.Conditions.FirstOrDefault(c => c is { Comparison: not null, AllTime: false, Time: null } && layer.Fact(c.Measure.Fact) is { Time: not null, IsCustomerGrain: false }) is { } totalled
            && WordIndexes(normalized, measured.Phrase).Count == 1)
        {
            return $"\"{measured.Phrase}\" is said once for the {query.Measure.Label} and for the {People(layer)}' {totalled.Measure.Label} {totalled.Comparison!.Phrase}: it could bound either or both; say the range next to each, as in \"{query.Measure.Label} {measured.Phrase} from {People(layer)} whose {totalled.Measure.Label} {measured.Phrase} is {totalled.Comparison.Phrase}\"";
        }

        return null;
    }

    private static readonly string[] NegatingWords = [.. LanguageWords.NegationWords, "nothing", "none", "neither", "nor"];

    // The negations said between a verb and its value ("bought nothing from", "bought <one> but not <another>").
    private static readonly string[] NegatingAfterVerb = [.. NegatingWords.Except(LanguageWords.NegationContractions), "excluding", "except", "exclude"];

    // The negations of a part said after the question's one range (not "dont" or "doesnt": a part said in the present).
    private static readonly string[] NegatingAfterRange = [.. LanguageWords.NegationWords.Where(w => w is not ("dont" or "doesnt")), "nothing"];

    // Past-tense verbs of two parts ("bought in the last 30 days, bought <a product type>"); "view" or "purchase" may be nouns.
    private static readonly HashSet<string> PastVerbs = new([.. PastPurchaseVerbs, .. PastEventVerbs], StringComparer.Ordinal);

    // Two verbs of two parts with nothing negated (a negated part keeps its own reading of the range).
    private static bool TwoVerbsWithoutNegation(string[] words, List<int> verbs) =>
        verbs.Count(v => PastVerbs.Contains(words[v])) >= 2 && !AnyWord(words, 0, words.Length, NegatingWords);

    // Whether the verb at word index verb is negated for a value said at word index at: a negation within the three words
    // before the verb and after any verb before it ("never viewed", "haven't ever bought", "without buying"; not "never
    // bought <a category> bought"), or between the verb and the value ("bought nothing from", "bought <one> but not <another>").
    private static bool NegatedVerb(string[] words, int verb, int at) =>
        NegatedBefore(words, verb) || AnyWord(words, verb + 1, at, NegatingAfterVerb);

    private static bool NegatedBefore(string[] words, int verb)
    {
        for (int i = verb - 1; i >= Math.Max(0, verb - 3); i--)
        {
            if (Array.IndexOf(NegatingWords, words[i]) >= 0)
            {
                return true;
            }

            if (PurchaseVerbs.Contains(words[i]) || EventVerbs.Contains(words[i]))
            {
                return false;
            }
        }

        return false;
    }

    // Whether one of the words is said from word index from up to (not including) to.
    private static bool AnyWord(string[] words, int from, int to, params string[] said)
    {
        for (int i = from; i < to; i++)
        {
            if (Array.IndexOf(said, words[i]) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    // The indexes of the words where a phrase starts in normalized text.
    private static List<int> WordIndexes(string normalized, string phrase)
    {
        List<int> found = [];
        string padded = " " + QuestionText.Normalize(phrase).Trim() + " ";
        for (int at = padded.Length > 2 ? normalized.IndexOf(padded, StringComparison.Ordinal) : -1; at >= 0; at = normalized.IndexOf(padded, at + 1, StringComparison.Ordinal))
        {
            found.Add(normalized.AsSpan(0, at + 1).Count(' ') - 1);
        }

        return found;
    }

    private static readonly string[] JoinWords = ["signed up", "sign up", "signup", "joined", "registered", "acquired", "new customers"];

    // "customers who bought in the last 30 days but never bought <a category>": the purchase said with no value is a
    // condition of its own, which a reading of only the negated purchase drops (answering "customers who did not buy <it>").
    private static string? DroppedPositivePurchase(string normalized, AnalyticsQuery query, SemanticLayer layer)
    {
        if (query.Measure.Name == "buyers" || query.Measure.Fact == EntityKind.Orders
            || !query.Conditions.Any(c => c.Negated && c.Measure.Fact == EntityKind.Orders)
            || query.Conditions.Any(c => !c.Negated && c.Measure.Fact == EntityKind.Orders))
        {
            return null;
        }

        foreach (Match verb in PurchaseVerbRegex().Matches(normalized))
        {
            string before = normalized[..(verb.Index + 1)];
            string after = normalized[(verb.Index + verb.Length)..];
            if (!NegationBeforeVerbRegex().IsMatch(before) && !after.StartsWith("nothing ", StringComparison.Ordinal) && !after.StartsWith("no ", StringComparison.Ordinal) && !after.StartsWith("none ", StringComparison.Ordinal))
            {
                return $"I could not place \"{verb.Value.Trim()}\" beside a purchase that is negated; ask for the two parts with a value each, as in \"{People(layer)} who bought in the last 30 days\" and \"{People(layer)} who never bought ...\"";
            }
        }

        return null;
    }

    // "customers who signed up in 2026 and never ordered", "customers who joined in the last 90 days with an abandoned cart":
    // the range is when the customers signed up, and every condition is over all time. Read so only for a count of
    // customers with one range; the restatement says "who signed up". Elsewhere a range taken by the conditions while the
    // question said it of the sign-up is declined.
    private static ParsedQuestion SignupRange(string normalized, ParsedQuestion parsed, AnalyticsQuery query, SemanticLayer layer)
    {
        if (query.Time is not { } time || query.SignupTime
            || SignupRangeRegex().Matches(normalized).FirstOrDefault(m => SaidRightAfter(normalized[(m.Index + m.Length)..], time.Phrase, ReferenceEquals(query.Measure, layer.CustomerCount))) is not { } said)
        {
            return parsed;
        }

        if (!ReferenceEquals(query.Measure, layer.CustomerCount) || query.ComparedTime is not null || query.Dimension is { IsTime: true } || query.Share || query.Ratio is not null || query.FilterRatio is not null
            || query.Conditions.Any(c => c.Time is not null))
        {
            // A count of customers in a range is by when they signed up already ("new customers acquired, October vs
            // September"); a range on anything else ("buyers ... who signed up in 2026") is not the sign-up.
            return !query.TimeOnConditions && layer.Fact(query.Measure.Fact) is { IsCustomerGrain: true } ? parsed : ParsedQuestion.Unplaced($"I could not place \"{said.Groups["verb"].Value}\" with {time.Phrase}: the range would apply to the {(query.TimeOnConditions ? "rows in the condition" : query.Measure.Label)}, not to when the {People(layer)} signed up; ask for a count of {People(layer)} who signed up {time.Phrase}");
        }

        List<CustomerCondition> conditions = [.. query.Conditions.Select(c => layer.Fact(c.Measure.Fact) is { Time: not null, IsCustomerGrain: false } ? c with { AllTime = true } : c)];
        return parsed with { Query = query with { Conditions = conditions, TimeOnConditions = false, SignupTime = true } };
    }

    // The range's own words right after the verb, with at most two words of joining between ("in the", "during"), or
    // on a count of customers, after the channel said with the verb ("acquired via <a source> this year": one or two words
    // after "via"; "revenue from customers who signed up via email last month" keeps the range on the revenue).
    private static bool SaidRightAfter(string rest, string phrase, bool channel)
    {
        string[] words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int channelWords = 0;
        int limit = 2;
        for (int skip = 0; skip <= limit && skip <= words.Length; skip++)
        {
            if (string.Join(' ', words.Skip(skip)).StartsWith(phrase, StringComparison.Ordinal))
            {
                return true;
            }

            if (skip >= words.Length)
            {
                return false;
            }

            if (channel && skip == 0 && words[0] is "via" or "through" or "thru")
            {
                channelWords = 2;
                limit = 5;
            }
            else if (words[skip] is "in" or "during" or "within" or "over" or "since" or "from" or "the")
            {
                continue;
            }
            else if (channelWords > 0 && words[skip] is not ("and" or "or" or "but" or "who" or "that" or "which" or "with" or "how" or "whose"))
            {
                channelWords--;
            }
            else
            {
                return false;
            }
        }

        return false;
    }

    // "who have never bought anything viewed", "that never ordered searched": a negated purchase with no value, or with a
    // value, then a verb of events or (with no value) of purchases, with no "and" or "but" between them.
    [GeneratedRegex(@"(?<= )(?<clause>(?:who|that) (?:have |has |had )?(?:" + LanguageWords.NotDonePattern + "|" + LanguageWords.HasNotPattern + @") (?:ever )?(?:bought|purchased|ordered|placed (?:an |any )?orders?|made (?:a |any )?purchases?))(?:(?: anything| at all| yet| ever)* (?<verb>bought|purchased|ordered|placed|made|viewed|searched|added|used|browsed|looked|wishlisted|clicked|started|visited|abandoned)| (?:anything )?(?:from |in |any )?(?:(?!and |but |or |who |that )[a-z0-9]+ ){1,3}?(?<verb>viewed|searched|added|used|browsed|looked|wishlisted|clicked|started|visited))(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NeverClauseThenVerbRegex();

    // "viewed <a product type> but didn't buy one": the purchase is of the value viewed, said again as "one" or "it".
    [GeneratedRegex(@" (?:buy|bought|buying|purchase|purchased|purchasing|order|ordered|ordering) (?:one|it|them|those|any of them)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex BoughtOneRegex();

    // "percentage of all customers", "share of our customers": the whole said is every customer.
    // Also with a value of the customers between ("what percent of our <city> customers"), but not a measure or a clause.
    [GeneratedRegex(@" (?:percentage|percent|share|proportion|fraction|%) of (?:all |our |all our |the )?(?:(?!(?:orders?|revenue|sales|events?|carts?|sessions?|units|from|by|of|with|who|that|which|in|on|at) )[a-z0-9]+ ){0,3}(?:customers|shoppers|people|users|clients) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AllCustomersWholeRegex();

    // A negation word within the three words before a purchase verb: "never bought", "haven't ever ordered".
    [GeneratedRegex(@"(?<= )(?:" + LanguageWords.NegationWordPattern + @")(?: (?:ever|yet|actually|really|even|have|has|had|been|then|go on to|end up|once|make|made|place|placed|a|an|any|single))* $", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NegationBeforeVerbRegex();

    // "distinct customers", "unique people", "each customer once", "at least once", "in a <campaign type> campaign": each
    // customer counted once.
    [GeneratedRegex(@" (?:distinct|unique|different|individual) (?:customers|shoppers|people|users|clients|buyers)| (?:each|every) (?:customer|person|shopper|one) (?:counted )?once| counted once| at least once| in any of | (?:in|of|from|with) (?:a|any|one|at least one) (?:[a-z0-9_]+ ){0,3}campaign ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex EachCustomerOnceRegex();

    // "attributed revenue", "campaign revenue", "revenue from the campaign": revenue said to be the campaign's.
    [GeneratedRegex(@" (?:attributed|attribution|attributable|campaign revenue|revenue (?:from|of|generated by|driven by) (?:the |that |this |each |every |a )?campaigns?|campaigns? (?:drove|generated|brought|produced))", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AttributedSaidRegex();

    // "revenue from customers", "have customers ... spent", "spend of customers": revenue said of the customers.
    [GeneratedRegex(@" (?:(?:revenue|sales|spend|spending) (?:from|of|by) (?:the )?(?:customers|shoppers|people|buyers)|(?:spent|spend|spending) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CustomersSpendRegex();

    // "signed up in", "joined during", "acquired within", "new customers from": the verb of joining right before a range.
    [GeneratedRegex(@"(?<= )(?<verb>signed up|sign up|signup|joined|registered|acquired|new customers)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SignupRangeRegex();

    // A share's base of customers who did something: "of the customers who ...", "among people that ...".
    [GeneratedRegex(@"(?<= )(?:of|among|out of|amongst) (?:the |all |our |those )?(?:customers|people|shoppers|users|buyers|visitors|clients) (?:who|that)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CustomersWhoBaseRegex();
}

using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AetherSegment.Profiles;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

// Events said as verbs (stop 38, ask19): "customers who searched in the last 14 days but did not add anything to cart in that
// same period", "how many customers wishlisted a product", "started a checkout", "the top 5 most wishlisted categories".
// Each verb is an event type of a kind Core knows (search, view, cart, wishlist, checkout); the profile names the type, so
// the verb is said again as the words the parser already reads: "had <type> events", "never had <type> events",
// "<dimension> by <type> events". Read only where the rest of the parser declined, so no reading that answered changes.
internal static partial class QuestionParser
{
    private static readonly ConditionalWeakTable<SemanticLayer, EventVerbRules> s_eventVerbRules = new();

    /// <summary>
    /// The question with its event verbs said as the event types' own words, or null when it says none (or the profile maps
    /// no events, or no event type of that kind).
    /// </summary>
    private static string? EventVerbsSaid(string question, SemanticLayer layer)
    {
        if (layer.Measure("events") is not { Missing: null } || layer.Dimension("event_type") is not { Missing: null })
        {
            return null;
        }

        EventVerbRules rules = s_eventVerbRules.GetValue(layer, static l => EventVerbRules.For(l.Profile));
        string rewritten = question;
        // A rule whose anchors the text (as rewritten so far) does not hold matches nothing and is skipped (QuestionParser.ParseSpeedStop44.cs).
        foreach ((Regex pattern, string replacement, string[]? anchors) in rules.Rules)
        {
            if (!AnchorSaid(rewritten, anchors))
            {
                continue;
            }

            rewritten = pattern.Replace(rewritten, replacement);
        }

        return string.Equals(rewritten, question, StringComparison.Ordinal) ? null : rewritten;
    }

    /// <summary>
    /// The product levels that say what a customer's events were about when a purchase of a level is excluded: "viewed
    /// &lt;A&gt; products but never bought anything from &lt;B&gt;" said &lt;A&gt; after the event type and before the first purchase
    /// verb. Empty when no level is excluded, or a level is said after the purchase verb ("viewed ... and bought &lt;A&gt; but
    /// not &lt;B&gt;" keeps the purchase).
    /// </summary>
    private static List<QueryFilter> EventLevelsBeforePurchase(string text, List<QueryFilter> levels, List<QueryFilter> onEvents)
    {
        if (onEvents.Count == 0 || !levels.Exists(f => f.Negated) || PurchaseVerbRegex().Match(text) is not { Success: true } verb)
        {
            return [];
        }

        int eventsAt = onEvents.Min(f => text.IndexOf(" " + f.Phrase + " ", StringComparison.Ordinal) is int at and >= 0 ? at : int.MaxValue);
        List<QueryFilter> about = [];
        foreach (QueryFilter level in levels.Where(f => !f.Negated))
        {
            int at = text.IndexOf(" " + level.Phrase + " ", StringComparison.Ordinal);
            if (at < 0 || at < eventsAt || at > verb.Index)
            {
                return [];
            }

            about.Add(level);
        }

        return about;
    }

    /// <summary>
    /// The events measure when a ratio names event types on both sides and no measure ("ratio of add to carts to checkout
    /// starts"), or null.
    /// </summary>
    private static MeasureDefinition? EventsOfTwoTypes(SemanticLayer layer, List<QueryFilter> filters, List<(QueryFilter Filter, int At)> placed, int join)
    {
        if (layer.Measure("events") is not { Missing: null } events || filters.Count != placed.Count)
        {
            return null;
        }

        bool before = false;
        bool after = false;
        for (int i = 0; i < placed.Count; i++)
        {
            if (filters[i].Dimension == "event_type" && !filters[i].Negated)
            {
                before |= placed[i].At < join;
                after |= placed[i].At > join;
            }
        }

        return before && after ? events : null;
    }

    /// <summary>
    /// A reading that keeps a value and excludes it on the same rows ("for X, excluding X": 0 whatever the data)
    /// read a question wrong: declined naming the value. A value bought and an exclusion of it by a condition of its own are
    /// other rows and stay.
    /// </summary>
    private static ParsedQuestion? ContradictoryFilter(ParsedQuestion parsed)
    {
        if (parsed.Query is not { } query)
        {
            return null;
        }

        foreach (QueryFilter kept in query.Filters.Where(f => !f.Negated))
        {
            if (query.Filters.FirstOrDefault(f => f.Negated && f.Dimension == kept.Dimension && f.Values.Any(kept.Values.Contains)) is { } excluded)
            {
                return ParsedQuestion.Unplaced($"I read \"{kept.Phrase}\" both kept and excluded (\"{excluded.Phrase}\"); say which rows each is about, as in \"customers who viewed ... but never bought ...\"");
            }
        }

        foreach (CustomerCondition condition in query.Conditions)
        {
            if (condition.Filters.Any(k => !k.Negated && condition.Filters.Any(f => f.Negated && f.Dimension == k.Dimension && f.Values.Any(k.Values.Contains))))
            {
                return ParsedQuestion.Unplaced("I read one value both kept and excluded in one condition; say which rows each is about");
            }
        }

        return null;
    }

    // "customers with an abandoned cart in the last 7 days who have never bought anything": the one range said before a never
    // part said with "never" is the other part's; "never" is over all time (it was read "did not buy in the time range").
    private static bool NeverAfterTheRange(string text, int neverAt, int neverCount)
    {
        if (neverCount != 1 || neverAt < 0)
        {
            return false;
        }

        List<RelativeTimeRange> all = [];
        string masked = ReadTimeRanges(text, all, quarters: true);
        return all.Count == 1 && masked.Length == text.Length && RangeSpans(text, masked) is [(_, int end)] && end <= neverAt;
    }

    // The never part of NeverAfterTheRange over all time: a count of customers with that one negated condition and another,
    // not negated, on timed rows that keeps the range.
    private static ParsedQuestion ApplyNeverAllTime(SemanticLayer layer, ParsedQuestion parsed, List<MeasureDefinition> never, bool allTime)
    {
        if (!allTime || parsed.Query is not { Time: not null, TimeOnConditions: true } query || !ReferenceEquals(query.Measure, layer.CustomerCount)
            || query is not { Share: false, Ratio: null, FilterRatio: null, ComparedTime: null, Dimension: null or { OnCustomers: true } })
        {
            return parsed;
        }

        int index = query.Conditions.ToList().FindIndex(c => c.Negated && never.Contains(c.Measure) && c.Time is null);
        if (index < 0 || query.Conditions.Count(c => c.Negated) != 1
            || !query.Conditions.Where((c, i) => i != index).Any(c => !c.Negated && c.Time is null && layer.Fact(c.Measure.Fact)?.Time is not null))
        {
            return parsed;
        }

        List<CustomerCondition> conditions = [.. query.Conditions];
        conditions[index] = conditions[index] with { AllTime = true };
        return parsed with { Query = query with { Conditions = conditions } };
    }

    // "abandoned a cart in the last 7 days but placed no order in the last 7 days", "started a checkout in the last 7 days but
    // did not buy in those 7 days": the one range said again after the negated part is the same range, once (as "in that same
    // period" reads); two different ranges are read as before.
    private static string SameRangeAfterNegation(string text)
    {
        // A cheap word test first: most questions say no negation and are left as they are.
        if (!text.Contains('#', StringComparison.Ordinal) && !Array.Exists(NegationWords, w => text.Contains(w, StringComparison.Ordinal)))
        {
            return text;
        }

        text = RangeSaidAgainRegex().Replace(text, m => ThoseDaysMatch(text, m));
        List<RelativeTimeRange> all = [];
        string masked = ReadTimeRanges(text, all, quarters: true);
        if (all.Count != 2 || masked.Length != text.Length || !SameInterval(all[0], all[1]) || RangeSpans(text, masked) is not [(_, int firstEnd), (int secondStart, int secondEnd)]
            || !(NegationWordRegex().IsMatch(text[firstEnd..secondStart]) || text.AsSpan(firstEnd, secondStart - firstEnd).Contains('#')))
        {
            return text;
        }

        return string.Concat(text.AsSpan(0, secondStart), new string('#', secondEnd - secondStart), text.AsSpan(secondEnd));
    }

    private static readonly string[] NegationWords = [.. LanguageWords.NegationWords.Select(w => $" {w} "), " nothing "];

    // "in those 7 days" after "in the last 7 days": the range said again, as the range itself (then read as said twice).
    private static string ThoseDaysMatch(string text, Match m)
    {
        string said = $"last {m.Groups["n"].Value} {m.Groups["unit"].Value}";
        return text.AsSpan(0, m.Index).Contains(said, StringComparison.Ordinal) ? " in the " + said : m.Value;
    }

    private static bool SameInterval(RelativeTimeRange a, RelativeTimeRange b) =>
        a.Kind == b.Kind && a.Amount == b.Amount && a.Year == b.Year && a.Months == b.Months && a.From == b.From && a.Until == b.Until;

    [GeneratedRegex(@"(?<= )(?:" + LanguageWords.NegationWordPattern + @"|nothing)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NegationWordRegex();

    [GeneratedRegex(@" (?:in|during|over|within) (?:those|these|the same|those same|these same) (?<n>\d+) (?<unit>hours|days|weeks|months)(?= |$)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex RangeSaidAgainRegex();

    // "placed no order in the last 7 days", "made no purchase": said as the never part reads it ("did not place an order").
    private static string NoOrderSaid(string text) =>
        text.Contains(" no ", StringComparison.Ordinal) ? NoOrderRegex().Replace(text, m => m.Groups["made"].Success ? " did not make a purchase" : " did not place an order") : text;

    [GeneratedRegex(@" (?:(?:placed|place|has placed|have placed) no orders?|(?<made>(?:made|make|has made|have made) no purchases?))(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NoOrderRegex();

    // "have never bought", "haven't bought anything": no purchase at any time.
    [GeneratedRegex(@"(?<= )(?:never|" + LanguageWords.HaveNotPattern + "|" + LanguageWords.HasNotPattern + @")(?: (?:ever|yet|once|actually))? (?:bought|buy|purchased|purchase|ordered|order)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NeverBoughtRegex();

    /// <summary>The rewrites of one profile's event verbs, built once per semantic layer (its event types' labels).</summary>
    private sealed class EventVerbRules
    {
        private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

        // A negation before a verb: "did not", "didn't", "never", "haven't", "without ...ing" is read separately.
        private const string Negation = @"(?:did ?n[’']?t|did not|never|have ?n[’']?t|have not|has ?n[’']?t|has not|had ?n[’']?t|had not|do ?n[’']?t|do not|does ?n[’']?t|does not)(?: (?:then|actually|ever|even|go on to|end up|yet|also))*";

        private const string Something = @"(?:(?:any|some)thing |items? |products? |an item |a product |things |stuff )?";

        // What was acted on, said right after the verb ("wishlisted a product", "searched for something"): nothing to place.
        private const string Thing = @"(?:(?:any|some)thing|items?|products?|an item|a product|things|stuff)";

        private const string Owner = @"(?:the |their |a |his |her |our )?";

        private EventVerbRules(List<(Regex Pattern, string Replacement, string[]? Anchors)> rules) => Rules = rules;

        /// <summary>Each rule with its anchors: words one of which every match of the pattern holds (null: none known).</summary>
        public List<(Regex Pattern, string Replacement, string[]? Anchors)> Rules { get; }

        public static EventVerbRules For(BusinessProfile profile)
        {
            List<(Regex, string, string[]?)> negated = [];
            List<(Regex, string, string[]?)> most = [];
            List<(Regex, string, string[]?)> positive = [];
            // Stop 41 (QuestionParser.DevicesAndSessions.cs): the other event types said as tools used, checks run, or
            // views in a medium ("viewed a product in <X>" is the "<X> view" event type, not the product views).
            List<(Regex, string, string[]?)> said = OtherEventTypesSaid(profile);
            foreach (EventTypeKind kind in (EventTypeKind[])[EventTypeKind.Search, EventTypeKind.View, EventTypeKind.Cart, EventTypeKind.CartRemoval, EventTypeKind.Wishlist, EventTypeKind.Checkout])
            {
                if (profile.Catalog.EventTypes.Where(e => e.Kind == kind).ToList() is not [{ } type])
                {
                    continue;
                }

                string events = (type.Label.Length > 0 ? type.Label : type.Name.Replace('_', ' ')) + " events";
                (string? bare, string? past, string? participle) = Verbs(kind);
                string[]? anchors = VerbAnchors(kind);
                if (bare is not null)
                {
                    negated.Add((new Regex($@"\b{Negation} (?:{bare})\b", Options, AnalyticsRegex.Timeout), $"never had {events}", anchors));
                    negated.Add((new Regex($@"\bwithout (?:{participle})\b", Options, AnalyticsRegex.Timeout), $"never had {events}", anchors));
                }

                if (past is not null)
                {
                    // "the top 5 most wishlisted categories": the dimension by the events of the type.
                    most.Add((new Regex($@"\bmost (?:{past}) (?=[a-z])", Options, AnalyticsRegex.Timeout), $"most {events} ", anchors));
                    positive.Add((new Regex($@"\b(?:{past})(?: {Thing})?\b", Options, AnalyticsRegex.Timeout), $"had {events}", anchors));
                    if (kind is EventTypeKind.Cart or EventTypeKind.Wishlist)
                    {
                        // "added a <product type> to their cart": the events about it. What was added is a few words with no
                        // "to", "but", "never" ... (stop 46: "added to wishlist but never added to cart" was taken as one thing
                        // added to a cart).
                        string container = kind == EventTypeKind.Cart ? "(?:carts?|baskets?)" : "wish ?-?lists?";
                        positive.Add((new Regex($@"\b(?:added|put|saved) (?<what>(?:an? |some |any )?(?!(?:to|in|into|on|but|and|or|never|not|no|had|who|that|then)\b)[a-z]+(?: (?!(?:to|but|and|or|never|not|no|had|who|that|then)\b)[a-z]+){{0,5}}?) (?:to|in|into|on) {Owner}{container}\b", Options, AnalyticsRegex.Timeout), $"had {events} for ${{what}}", anchors));
                    }
                }
            }

            return new EventVerbRules([.. said, .. negated, .. most, .. positive, .. Filler()]);
        }

        // The verb of each kind: its bare form (after a negation), its past form (said alone), its -ing form (after
        // "without").
        private static (string? Bare, string? Past, string? Participle) Verbs(EventTypeKind kind) => kind switch
        {
            EventTypeKind.Search => (
                @"search(?:ed)?(?: for (?:(?:any|some)thing|items?|products?|stuff))?",
                @"searched(?: for (?:(?:any|some)thing|items?|products?|stuff))?|(?:did|ran|run|made|performed|done) (?:a |any |at least one )?searche?s?",
                @"searching"),
            EventTypeKind.View => (
                @"view(?:ed)?|look(?:ed)? at|browse[d]?",
                @"viewed|looked at",
                @"viewing|looking at|browsing"),
            EventTypeKind.Cart => (
                $@"(?:add(?:ed)?|put) {Something}(?:to|in|into) {Owner}(?:carts?|baskets?)",
                $@"(?:added|put) {Something}(?:to|in|into) {Owner}(?:carts?|baskets?)",
                $@"(?:adding|putting) {Something}(?:to|in|into) {Owner}(?:carts?|baskets?)"),
            EventTypeKind.Wishlist => (
                $@"wish ?-?list(?:ed)?|(?:add(?:ed)?|save[d]?|put) {Something}(?:to|on|in|into) {Owner}wish ?-?lists?",
                $@"wish ?-?listed|(?:saved|put) {Something}(?:to|on|in|into) {Owner}wish ?-?lists?",
                $@"wish ?-?listing|(?:adding|saving|putting) {Something}(?:to|on|in|into) {Owner}wish ?-?lists?"),
            EventTypeKind.CartRemoval => (
                $@"(?:remove[d]?|take|took|taken) {Something}(?:out of|from) {Owner}(?:carts?|baskets?)",
                $@"(?:removed|took|taken) {Something}(?:out of|from) {Owner}(?:carts?|baskets?)",
                $@"(?:removing|taking) {Something}(?:out of|from) {Owner}(?:carts?|baskets?)"),
            EventTypeKind.Checkout => (
                @"(?:start(?:ed)?|begin|began|begun|initiate[d]?) (?:a |the |any )?check ?-?outs?",
                @"(?:started|began|begun|initiated) (?:a |the |any )?check ?-?outs?",
                @"(?:starting|beginning|initiating) (?:a |the |any )?check ?-?outs?"),
            _ => (null, null, null),
        };
    }
}

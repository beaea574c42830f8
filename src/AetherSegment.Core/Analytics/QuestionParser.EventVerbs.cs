using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AetherSegment.Profiles;

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
        foreach ((Regex pattern, string replacement) in rules.Rules)
        {
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
    /// A reading that keeps a value and excludes it on the same rows ("for Outdoor, excluding Outdoor": 0 whatever the data)
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

    // "have never bought", "haven't bought anything": no purchase at any time.
    [GeneratedRegex(@"(?<= )(?:never|have not|havent|has not|hasnt)(?: (?:ever|yet|once|actually))? (?:bought|buy|purchased|purchase|ordered|order)(?= )")]
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

        private EventVerbRules(List<(Regex Pattern, string Replacement)> rules) => Rules = rules;

        public List<(Regex Pattern, string Replacement)> Rules { get; }

        public static EventVerbRules For(BusinessProfile profile)
        {
            List<(Regex, string)> negated = [];
            List<(Regex, string)> most = [];
            List<(Regex, string)> positive = [];
            foreach (EventTypeKind kind in (EventTypeKind[])[EventTypeKind.Search, EventTypeKind.View, EventTypeKind.Cart, EventTypeKind.Wishlist, EventTypeKind.Checkout])
            {
                if (profile.Catalog.EventTypes.Where(e => e.Kind == kind).ToList() is not [{ } type])
                {
                    continue;
                }

                string events = (type.Label.Length > 0 ? type.Label : type.Name.Replace('_', ' ')) + " events";
                (string? bare, string? past, string? participle) = Verbs(kind);
                if (bare is not null)
                {
                    negated.Add((new Regex($@"\b{Negation} (?:{bare})\b", Options), $"never had {events}"));
                    negated.Add((new Regex($@"\bwithout (?:{participle})\b", Options), $"never had {events}"));
                }

                if (past is not null)
                {
                    // "the top 5 most wishlisted categories": the dimension by the events of the type.
                    most.Add((new Regex($@"\bmost (?:{past}) (?=[a-z])", Options), $"most {events} "));
                    positive.Add((new Regex($@"\b(?:{past})(?: {Thing})?\b", Options), $"had {events}"));
                }
            }

            return new EventVerbRules([.. negated, .. most, .. positive]);
        }

        // The verb of each kind: its bare form (after a negation), its past form (said alone), its -ing form (after
        // "without"). A kind whose past form would also be read otherwise has none ("added to cart" is read already).
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
                null,
                $@"(?:adding|putting) {Something}(?:to|in|into) {Owner}(?:carts?|baskets?)"),
            EventTypeKind.Wishlist => (
                $@"wish ?-?list(?:ed)?|(?:add(?:ed)?|save[d]?|put) {Something}(?:to|on|in|into) {Owner}wish ?-?lists?",
                $@"wish ?-?listed|(?:saved|put) {Something}(?:to|on|in|into) {Owner}wish ?-?lists?",
                $@"wish ?-?listing|(?:adding|saving|putting) {Something}(?:to|on|in|into) {Owner}wish ?-?lists?"),
            EventTypeKind.Checkout => (
                @"(?:start(?:ed)?|begin|began|begun|initiate[d]?) (?:a |the |any )?check ?-?outs?",
                @"(?:started|began|begun|initiated) (?:a |the |any )?check ?-?outs?",
                @"(?:starting|beginning|initiating) (?:a |the |any )?check ?-?outs?"),
            _ => (null, null, null),
        };
    }
}

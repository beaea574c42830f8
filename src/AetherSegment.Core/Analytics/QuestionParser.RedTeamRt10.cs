using System.Text.RegularExpressions;
using AetherSegment.Profiles;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

/// <content>
/// Red team rt10 (stop 47): six kinds of reading that answered a different question on the unseen hard sets.
/// <list type="bullet">
/// <item>A rate said of a count ("the 4 campaigns whose treatment group converted at the highest rate" read as the most
/// conversions): the conversions are read as the conversion rate when nothing else is said of them; any other count or
/// amount with "rate" said is declined.</item>
/// <item>Rows of one event type counted as the customers who had them ("searches made by (a country) customers over the
/// past 14 days - how many?"): the events are counted when the people are not what is counted and nothing else is said
/// of them; otherwise declined.</item>
/// <item>Visits to a physical store or a store location ("store visits", "our (a city) location"): the data records no
/// stores; declined, not read as the sessions of the customers acquired there.</item>
/// <item>The base of a share said with a condition ("of the (a country) customers who bought something in 2026, what
/// share ..."), where the whole kept the values but dropped the condition: declined.</item>
/// <item>"of the treatment group of A, how many were also in the treatment group of B": read as a breakdown by campaign
/// instead of the customers in both; declined.</item>
/// <item>A value said twice, on two parts ("an (a category) stock check ..., bought an (a category) item"), but read on one
/// of them only: declined.</item>
/// </list>
/// </content>
internal static partial class QuestionParser
{
    // The readings of this red team that are read again rather than declined: a rate said of the conversions, and the events
    // of one type counted as their customers. The query read again, or null.
    private static AnalyticsQuery? RedTeamRt10Reread(string lower, AnalyticsQuery query, SemanticLayer layer)
    {
        if (query is { Measure.Name: "conversions", Having: null, Conditions.Count: 0, Ratio: null, Statistic: null, Share: false, FilterRatio: null, RowComparison: null, ComparedTime: null }
            && RateSaidRegex().IsMatch(lower) && !CountOfConversionsRegex().IsMatch(lower)
            && layer.Measure("conversion_rate") is { Missing: null } rate)
        {
            return query with { Measure = rate };
        }

        if (EventsCountedAsCustomers(lower, query, layer) is { } condition && layer.Measure("events") is { Missing: null } events
            && query is { Dimension: null, Share: false, Having: null, RowComparison: null, Ratio: null, Statistic: null, FilterRatio: null, ShareWhole: null, ComparedTime: null, SignupTime: false }
            && condition is { Negated: false, Comparison: null, RowComparison: null, Time: null, AllTime: false }
            && query.Filters.All(f => !f.Negated && layer.Dimension(f.Dimension)?.Role is DimensionRole.Place or DimensionRole.AcquisitionSource or DimensionRole.ValueTier)
            && query.Conditions.Where(c => !ReferenceEquals(c, condition)).ToList() is var others
            && (others.Count == 0 || (query.Time is null && others.All(NeverBought))))
        {
            // Stop 48 (rt11): "searches made by (a country) customers who never ordered": the events of the customers who never
            // bought anything (over all time, so only when no range is said that the purchases could be meant in).
            return query with
            {
                Measure = events,
                Filters = [.. query.Filters, .. condition.Filters.Select(f => f with { NamesMeasure = true })],
                Conditions = others,
                TimeOnConditions = false,
            };
        }

        return null;
    }

    // The reasons to decline of this red team, or null.
    private static string? RedTeamRt10(string lower, AnalyticsQuery query, SemanticLayer layer)
    {
        if (RateSaidRegex().IsMatch(lower) && query is { Ratio: null, Share: false, Statistic: null, FilterRatio: null, PerPeriod: null }
            && query.Measure.Format is MeasureFormat.Count or MeasureFormat.Money && !query.Measure.Label.Contains("rate", StringComparison.OrdinalIgnoreCase))
        {
            return $"\"rate\" is said, but I read a number of {query.Measure.Label}, not a rate; ask for the rate by name, as in \"the conversion rate\"";
        }

        if (EventsCountedAsCustomers(lower, query, layer) is { } events)
        {
            string phrase = events.Filters.First(f => layer.Dimension(f.Dimension)?.Role == DimensionRole.EventType).Phrase;
            return $"\"{phrase}\" is what is counted, but I read the {People(layer)} who had them; ask as in \"how many {phrase} did ... make\"";
        }

        if (StoreVisitRegex().Match(lower) is { Success: true } visit)
        {
            return $"\"{visit.Value}\": the data records no physical stores or visits to them (only how {People(layer)} were acquired and their online sessions)";
        }

        if (OurPlaceRegex().Match(lower) is { Success: true } place
            && AllFilters(query).Any(f => layer.Dimension(f.Dimension)?.Role == DimensionRole.Place && SaidIn(place.Groups["place"].Value, f)))
        {
            return $"\"{place.Value.Trim()}\": the data records no store locations, only where {People(layer)} live";
        }

        if (BaseConditionDropped(lower, query) is { } dropped)
        {
            return dropped;
        }

        if (query.Dimension?.Role == DimensionRole.Campaign && AlsoInRegex().IsMatch(lower) && !EachAskedRegex().IsMatch(lower)
            && query.Filters.Any(f => f.Dimension == query.Dimension.Key && f.Values.Count > 1))
        {
            return $"\"also\" asks for the {People(layer)} in both, but I read each {query.Dimension.Label} apart; ask as in \"how many {People(layer)} were in the treatment group of both A and B\"";
        }

        return ValueSaidTwiceReadOnce(lower, query);
    }

    // Checked on the question as asked (the audit reads it after rewrites that can drop the part): a share's base condition
    // dropped from the whole, a value said twice but read once, events counted as their customers.
    internal static string? RedTeamRt10Late(string question, AnalyticsQuery query, SemanticLayer layer)
    {
        // "(summing all their 2025 <a value> orders)" after a spend says its values again (stop 49, QuestionParser.RangesSaidTwice.cs).
        string lower = SummingTheirOrdersSaid(question).ToLowerInvariant();
        // "how many custs used <a tool>": the shorthand as its word, as the reading read it (QuestionParser.LeadStop59.cs).
        lower = lower.Contains("cust", StringComparison.Ordinal) ? CustsRegex().Replace(lower, m => m.Value.EndsWith('s') ? "customers" : "customer") : lower;
        if (EventsCountedAsCustomers(lower, query, layer) is { } events)
        {
            string phrase = events.Filters.First(f => layer.Dimension(f.Dimension)?.Role == DimensionRole.EventType).Phrase;
            return $"\"{phrase}\" is what is counted, but I read the {People(layer)} who had them; ask as in \"how many {phrase} did ... make\"";
        }

        return BaseConditionDropped(lower, query) ?? ValueSaidTwiceReadOnce(lower, query);
    }

    // "who never ordered": no purchase of anything, over all time.
    private static bool NeverBought(CustomerCondition condition) =>
        condition is { Negated: true, Comparison: null, RowComparison: null, Time: null, Filters.Count: 0 } && condition.Measure.Fact == EntityKind.Orders;

    // The condition of a customer count on events of one type, when the question counts those events, not the people: "searches
    // made by ... customers - how many?". Null otherwise.
    private static CustomerCondition? EventsCountedAsCustomers(string lower, AnalyticsQuery query, SemanticLayer layer)
    {
        if (!ReferenceEquals(query.Measure, layer.CustomerCount) || PeopleCountedRegex().IsMatch(lower))
        {
            return null;
        }

        // The people said with a relative word ("customers who never ordered") are what is counted unless the events are said
        // before them as what is counted ("searches made by ... customers who never ordered").
        int peopleAt = PeopleRelativeRegex().Match(lower) is { Success: true } people ? people.Index : int.MaxValue;

        foreach (CustomerCondition condition in query.Conditions)
        {
            if (condition.Measure.Fact != EntityKind.Events || condition.Negated
                || condition.Filters.FirstOrDefault(f => layer.Dimension(f.Dimension)?.Role == DimensionRole.EventType) is not { } type
                || type.Phrase.Length == 0)
            {
                continue;
            }

            // The events' own name, said as what is counted: "searches made by", "how many searches", "number of stock checks".
            string phrase = Regex.Escape(type.Phrase.ToLowerInvariant());
            if (AnalyticsRegex.Cached(@"(?:^|(?:how many|number of|count of|count the|total)\s+(?:[a-z&'-]+\s+){0,2})" + phrase + @"(?![a-z])"
                    + @"|(?<![a-z])" + phrase + @"\s+(?:made|done|performed|run|carried out|logged|recorded|by|from)(?![a-z])").Match(lower) is { Success: true } counted
                && counted.Index < peopleAt)
            {
                return condition;
            }
        }

        return null;
    }

    // "of the <values> customers who bought something in 2026, what share ...": the whole kept the values but lost what the
    // base says of the customers.
    private static string? BaseConditionDropped(string lower, AnalyticsQuery query)
    {
        if (query is not { Share: true } || ShareAskedRegex().Match(lower) is not { Success: true } asked || asked.Index == 0)
        {
            return null;
        }

        string before = lower[..asked.Index];
        if (query.ShareWhole is not { } whole)
        {
            // No whole of its own: the whole is the part's rows without its conditions, so "of the (a country) customers who
            // bought something in 2026, what share ..." lost what the base says they did.
            return BasePeopleDidRegex().IsMatch(before)
                ? $"\"{before.Trim().TrimEnd(',', ':', '-')}\" before the share: I could not read all of it into the whole the share is out of; ask for the two figures"
                : null;
        }

        return BaseActionRegex().IsMatch(before) && whole.Conditions.Count == 0 && whole.RowComparison is null && whole.Having is null
            ? $"\"{before.Trim().TrimEnd(',', ':', '-')}\" before the share: I could not read all of it into the whole the share is out of; ask for the two figures"
            : null;
    }

    // A value said more often than the reading uses it ("an <a category> stock check ..., bought an <a category> item" read
    // on the purchases only).
    private static string? ValueSaidTwiceReadOnce(string lower, AnalyticsQuery query)
    {
        if (query.Conditions.Count == 0)
        {
            return null;
        }

        List<QueryFilter> all = [.. AllFilters(query)];
        foreach (QueryFilter filter in all.Where(f => f.Phrase.Length > 2 && f.Values.Count == 1).DistinctBy(f => f.Phrase.ToLowerInvariant()))
        {
            // The phrase, or the value's own name when a rewrite merged two mentions into one phrase ("<a value> and <a value>",
            // which is then said nowhere; stop 48, rt11).
            // Only when the phrase itself is said nowhere: a phrase said is the mention that counts ("<a value> products").
            string word = filter.Phrase.ToLowerInvariant();
            int said = TimesSaid(lower, word, all);
            if (said == 0)
            {
                (word, said) = filter.Values.Select(v => v.ToLowerInvariant()).Distinct().Select(w => (w, TimesSaid(lower, w, all))).MaxBy(p => p.Item2);
            }

            int read = all.Count(f => f.Values.Contains(filter.Values[0], StringComparer.OrdinalIgnoreCase));
            if (said > 1 && said > read)
            {
                return $"\"{(string.Equals(word, filter.Phrase, StringComparison.OrdinalIgnoreCase) ? filter.Phrase : filter.Values.First(v => v.Equals(word, StringComparison.OrdinalIgnoreCase)))}\" is said {said} times, but I read it {(read == 1 ? "once" : $"{read} times")}; ask about one part at a time";
            }
        }

        return null;
    }

    // How often a word is said whole in the question, said inside a longer value or phrase of the reading (a category's name
    // inside a product type's) left out: that is the longer value, not this one again.
    private static int TimesSaid(string lower, string word, List<QueryFilter> all)
    {
        string text = lower;
        foreach (string longer in all.SelectMany(f => f.Values.Select(v => v.ToLowerInvariant()).Append(f.Phrase.ToLowerInvariant()))
            .Where(p => p.Length > word.Length && p.Contains(word, StringComparison.Ordinal)).Distinct().OrderByDescending(p => p.Length))
        {
            text = text.Replace(longer, "#", StringComparison.Ordinal);
        }

        return AnalyticsRegex.WholeWord(word).Count(text);
    }

    // What a base says its customers did ("who bought something in 2026", "that ordered", "who never ..."); not how they came
    // ("who came to us through referral"), which a value of theirs already says.
    [GeneratedRegex(@"(?<![a-z])(?:bought|buy|purchased|ordered|placed|viewed|abandoned|searched|converted|spent|never|not)(?![a-z])", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex BaseActionRegex();

    // People said with what they bought: "customers who bought something", "buyers that placed an order", "shoppers who have
    // made a purchase".
    [GeneratedRegex(@"(?<![a-z])(?:customers|buyers|shoppers|people|clients)\s+(?:who|that)\s+(?:have\s+|had\s+|already\s+)?(?:bought|purchased|ordered|placed|made a purchase|made purchases|spent)(?![a-z])", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BasePeopleDidRegex();

    // "at the highest rate", "at a higher rate", "their rate", "rates": a rate asked for; not a growth rate (a change between
    // two periods, which is a rate already).
    [GeneratedRegex(@"(?<![a-z])(?<!(?:growth|change|increase|decrease|decline) )rates?(?![a-z])(?! of (?:growth|change|increase|decrease|decline))", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex RateSaidRegex();

    // "number of conversions", "most conversions": the count itself named.
    [GeneratedRegex(@"(?<![a-z])conversions(?![a-z])", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CountOfConversionsRegex();

    // The people named as what is counted: "how many customers", "number of distinct shoppers", "customers who".
    [GeneratedRegex(@"(?<![a-z])(?:how many|number of|count of|count the|share of|percentage of|proportion of|fraction of)\s+(?:[a-z&'-]+\s+){0,3}?(?:customers|shoppers|people|users|buyers|clients|members|accounts|households)(?![a-z])|(?<![a-z])(?:who|which)\s+(?:customers|shoppers)(?![a-z])|(?<![a-z])how many (?:of )?(?:them|those|these)(?![a-z])|(?<![a-z])how many (?:were|are|did|have|had)(?![a-z])", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex PeopleCountedRegex();

    // The people said with a relative word: "customers who", "shoppers that", "people with".
    [GeneratedRegex(@"(?<![a-z])(?:customers|shoppers|people|users|buyers|clients)\s+(?:who|that|with|having)(?![a-z])", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PeopleRelativeRegex();

    // Visits to a physical store: "store visits", "in-store visits", "foot traffic", "walk-ins".
    [GeneratedRegex(@"(?<![a-z])(?:store|shop|showroom|branch|outlet)[ -](?:visits?|visitors?|traffic|footfall)(?![a-z])|(?<![a-z])foot ?(?:traffic|fall)(?![a-z])|(?<![a-z])walk-?ins?(?![a-z])|(?<![a-z])visits? to (?:our|the|a) (?:[a-z]+ )?(?:store|shop|showroom|branch|outlet|location)s?(?![a-z])", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex StoreVisitRegex();

    // "our <a city> location", "the <a city> store": a store location.
    [GeneratedRegex(@"(?<![a-z])(?:our|the)\s+(?<place>[a-z][a-z .'-]{1,30}?)\s+(?:location|store|branch|showroom|shop|outlet)s?(?![a-z])", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OurPlaceRegex();

    // "also in", "both", "as well", "in common", "overlap": customers in two groups at once.
    [GeneratedRegex(@"(?<![a-z])(?:also|both|as well|in common|overlap\w*|too)(?![a-z])", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AlsoInRegex();

    // A breakdown asked for: "for each", "by campaign", "per campaign", "each campaign".
    [GeneratedRegex(@"(?<![a-z])(?:for each|each|by campaign|per campaign|respectively|broken down|split)(?![a-z])", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex EachAskedRegex();
}

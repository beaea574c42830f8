using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AetherSegment.Data;
using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

// Devices said of customers (stop 41, ask32). A device is recorded on the behavioral events, not on the customers: a customer
// is on a device when they have any event on it.
// - "customers who were on both <device> and <device> in the last 30 days", "have used both <device> and <device>", "active on
//   both <device> and the <device>": one condition per device, each "had any events on it" (in the range when one is said).
//   Only with "both": "customers on <device> and <device>" could also mean either.
// - "active customers by device in the last 7 days", "customers with events by device": the distinct customers with at least
//   one event on each device; a customer with events on two devices is counted under each (the restatement says so).
internal static partial class QuestionParser
{
    /// <summary>
    /// "both &lt;A&gt; and &lt;B&gt;" of a value recorded on the events alone (a device): a count of customers with events on each
    /// value, or the measure unchanged.
    /// </summary>
    private static MeasureDefinition BothEventValues(SemanticLayer layer, MeasureDefinition measure, ref DimensionDefinition? dimension, ref int? limit, List<QueryFilter> filters,
        List<CustomerCondition> conditions, bool namedDimension, bool customersAsked, bool other, string text)
    {
        if (other || namedDimension || dimension is not { OnCustomers: false, IsTime: false } split || split.Key == "event_type"
            || !text.Contains(" both ", StringComparison.Ordinal) || layer.Measure("events") is not { Missing: null } events
            || !(ReferenceEquals(measure, layer.CustomerCount) || (ReferenceEquals(measure, events) && (customersAsked || NamesCustomers(text, layer))))
            || split.Columns.Count == 0 || !split.Columns.All(c => c.Fact == EntityKind.Events)
            || VersusRegex().IsMatch(text) || EitherRegex().IsMatch(text)
            || filters.Find(f => f.Dimension == split.Key && !f.Negated && !f.Group && f.Values.Count == 2) is not { } values
            || filters.Exists(f => f != values && layer.Dimension(f.Dimension) is not { OnCustomers: true }))
        {
            return measure;
        }

        filters.Remove(values);
        conditions.AddRange(values.Values.Select(v => new CustomerCondition(events, [new QueryFilter(values.Dimension, [v], v)], null, null, false)));
        dimension = null;
        limit = null;
        return layer.CustomerCount;
    }

    // "active on both <device> and <device>": the conditions BothEventValues reads, one per value.
    private static bool OnBothEventValues(AnalyticsQuery query, string text) =>
        text.Contains(" both ", StringComparison.Ordinal)
        && query.Conditions.Count(c => !c.Negated && c.Comparison is null && c.Measure.Fact == EntityKind.Events && c.Filters is [{ Negated: false, Values.Count: 1 } f] && f.Dimension != "event_type") == 2;

    /// <summary>
    /// "how many customers had events, by device": the distinct customers with at least one event in each group of a value
    /// recorded on the events alone, or null when the question is not that.
    /// </summary>
    private static MeasureDefinition? CustomersWithEventsBy(SemanticLayer layer, MeasureDefinition measure, DimensionDefinition? dimension, List<QueryFilter> filters,
        List<CustomerCondition> conditions, bool customersAsked, bool namedDimension)
    {
        // The breakdown said ("by device"), not values compared or two event types read as one ("viewed ... and searched").
        if (!customersAsked || !namedDimension || conditions.Count > 0 || layer.Measure("events") is not { Missing: null } events || !ReferenceEquals(measure, events)
            || dimension is not { OnCustomers: false, IsTime: false } split || split.Key == "event_type" || filters.Exists(f => f.Dimension == split.Key)
            || split.Columns.Count == 0 || !split.Columns.All(c => c.Fact == EntityKind.Events)
            || layer.Fact(EntityKind.Events) is not { } fact)
        {
            return null;
        }

        Func<SqlDialect, string> customer = fact.CustomerId;
        return events with
        {
            Name = "customers_with_events",
            Label = "customers with any events",
            Expression = d => $"COUNT(DISTINCT {customer(d)})",
            Synonyms = [],
            Additive = false,
            Population = $" (distinct customers with at least one event; a customer with events on more than one {split.Label} is counted under each)",
        };
    }

    private const RegexOptions StopFortyOneOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    // What was looked at, said between the verb and the medium ("viewed a product in <X>").
    private const string LookedAtThing = @"(?:(?:any|some)thing|items?|products?|an item|a product|things|stuff|(?:a |an |some |any )?[a-z]+ (?:products?|items?))";

    /// <summary>
    /// The event types of no special kind said with a verb (read again only where the rest declined): "viewed a product in
    /// &lt;X&gt;" and "tried the &lt;X&gt; viewer" are the "&lt;X&gt; view" event type (before "viewed" is read as the product views),
    /// "ran a &lt;type&gt;" and "did a &lt;type&gt;" its events.
    /// </summary>
    private static List<(Regex Pattern, string Replacement, string[]? Anchors)> OtherEventTypesSaid(BusinessProfile profile)
    {
        List<(Regex, string, string[]?)> rules = [];
        foreach (EventTypeEntry type in profile.Catalog.EventTypes.Where(e => e.Kind == EventTypeKind.Other))
        {
            string label = OtherEventLabel(type);
            string events = label + " events";
            if (MediumOf(label) is { } medium)
            {
                (Regex viewed, string viewedAs) = ViewedInMediumRule(medium, events);
                rules.Add((viewed, viewedAs, ViewedInMediumAnchors));
                rules.Add((new Regex($@"\b(?:used|tried|tried out|opened|launched) (?:the |our |an? )?{medium} (?:viewer|feature|tool|mode)\b", StopFortyOneOptions, AnalyticsRegex.Timeout), $"had {events}", UsedToolAnchors));
            }

            rules.Add((new Regex($@"\b(?:ran|run|did|done|performed|carried out) (?:an? |any |at least one )?{Regex.Escape(label)}s?\b", StopFortyOneOptions, AnalyticsRegex.Timeout), $"had {events}", LabelAnchors(label)));
        }

        return rules;
    }

    private static string OtherEventLabel(EventTypeEntry type) => (type.Label.Length > 0 ? type.Label : type.Name.Replace('_', ' ')).ToLowerInvariant();

    // The medium of an "<X> view" event type (escaped for a pattern); null for any other label.
    private static string? MediumOf(string label) =>
        label.EndsWith(" view", StringComparison.Ordinal) && label.Length > 5 ? Regex.Escape(label[..^5]) : null;

    private static (Regex Pattern, string Replacement) ViewedInMediumRule(string medium, string events) =>
        (new Regex($@"\b(?:viewed|looked at|browsed|seen|saw) (?:{LookedAtThing} )?(?:in|using|with|via|through) (?:the )?{medium}\b(?: (?:viewer|view|mode|feature|tool))?", StopFortyOneOptions, AnalyticsRegex.Timeout), $"had {events}");

    // "on the site or apps", "across our website and app": every device (Filler drops them; the mention check skips them).
    private static readonly Regex EveryDeviceSiteFirst = new(@" (?:on|across|in) (?:the |our )?(?:site|website|web)s? (?:or|and|and on|or on) (?:the |our )?(?:mobile )?apps?\b", StopFortyOneOptions, AnalyticsRegex.Timeout);
    private static readonly Regex EveryDeviceAppFirst = new(@" (?:on|across|in) (?:the |our )?(?:mobile )?apps? (?:or|and|and on|or on) (?:the |our )?(?:site|website|web)s?\b", StopFortyOneOptions, AnalyticsRegex.Timeout);

    /// <summary>
    /// The text without its "every device" phrases ("across our website and app"), which name no one device.
    /// </summary>
    private static string WithoutEveryDevice(string text) =>
        text.Contains("app", StringComparison.OrdinalIgnoreCase)
            ? EveryDeviceAppFirst.Replace(EveryDeviceSiteFirst.Replace(text, " "), " ")
            : text;

    /// <summary>
    /// Words said with event verbs that add nothing to them: "at least once" (any event is one or more; not a frequency such
    /// as "at least once a month"), "on the site".
    /// </summary>
    private static List<(Regex Pattern, string Replacement, string[]? Anchors)> Filler() =>
    [
        (new Regex(@" at least once\b(?! (?:a|an|per|every|each|in a)\b)", StopFortyOneOptions, AnalyticsRegex.Timeout), "", AtLeastOnceAnchors),
        // "on the site or apps", "across our website and app" (stop 43, held out): every device, so no device at all; read
        // apart, "on the site" was dropped and "apps" kept, which counted the app devices only.
        (EveryDeviceSiteFirst, "", AppAnchors),
        (EveryDeviceAppFirst, "", AppAnchors),
        (new Regex(@" (?:on|across) (?:the|our) site\b(?! (?:or|and) )", StopFortyOneOptions, AnalyticsRegex.Timeout), "", SiteAnchors),
    ];

    // "sessions that had activity in the last 24 hours", "browsing sessions with any activity": the sessions themselves.
    private static string SessionActivitySaid(string text) =>
        text.Contains(" activity ", StringComparison.Ordinal) ? SessionActivityRegex().Replace(text, "") : text;

    [GeneratedRegex(@"(?<= (?:sessions|visits) )(?:that |which )?(?:had|have|has|with|showing|saw|see) (?:any |some )?activity (?=in |during |over |within |on |from |yesterday |today |this |last )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SessionActivityRegex();

    private static readonly ConditionalWeakTable<SemanticLayer, List<(Regex Pattern, string Replacement)>> s_viewedInMedium = new();

    /// <summary>
    /// "viewed a product in &lt;X&gt;", "looked at items in &lt;X&gt;": the "&lt;X&gt; view" event type's events, said as its words
    /// before "viewed" is read as the product views (both were read, and the question declined). The question unchanged when
    /// it says no such view (a cheap word test first).
    /// </summary>
    private static string ViewedInMediumSaid(string question, SemanticLayer layer)
    {
        if (question.IndexOf("view", StringComparison.OrdinalIgnoreCase) < 0 && question.IndexOf("look", StringComparison.OrdinalIgnoreCase) < 0
            && question.IndexOf("brows", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return question;
        }

        // Only the "viewed ... in <X>" rules, built once per layer (not every event-verb rule, filtered by its pattern text).
        List<(Regex Pattern, string Replacement)> rules = s_viewedInMedium.GetValue(layer, static l =>
            [.. l.Profile.Catalog.EventTypes.Where(e => e.Kind == EventTypeKind.Other).Select(OtherEventLabel)
                .Select(label => (Label: label, Medium: MediumOf(label))).Where(m => m.Medium is not null)
                .Select(m => ViewedInMediumRule(m.Medium!, m.Label + " events"))]);
        foreach ((Regex pattern, string replacement) in rules)
        {
            question = pattern.Replace(question, replacement);
        }

        return question;
    }

    // "active customers by device (distinct customers with at least one event on that device)": what "active by device"
    // means, said again.
    private static string OnThatDeviceSaid(string text) =>
        text.Contains(" that device ", StringComparison.Ordinal) || text.Contains(" that platform ", StringComparison.Ordinal) ? OnThatDeviceRegex().Replace(text, " ") : text;

    [GeneratedRegex(@"(?<= (?:device|devices|platform|platforms) (?:[a-z0-9 ]{0,40} )?)(?:distinct |unique )?(?:customers|users|people|shoppers) (?:with|having) (?:at least one|any|an?) (?:behaviou?ral )?events? (?:on|from) (?:that|the|each|their) (?:device|platform)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OnThatDeviceRegex();
}

using System.Text.RegularExpressions;
using AetherSegment.Profiles;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

// Events per customer, included and excluded: "viewed <a product type> but didn't buy one", "added something to their cart
// in the last 30 days without starting a checkout in that same period".
internal static partial class QuestionParser
{
    /// <summary>What a question said about the events of each customer, read before the vocabulary.</summary>
    /// <param name="ViewedNotBought">Whether a product viewed was said not bought ("viewed X but didn't buy one").</param>
    /// <param name="SamePeriod">Whether a second part said "in that same period" of the one time range.</param>
    private sealed record EventWords(bool ViewedNotBought, bool SamePeriod)
    {
        public static readonly EventWords None = new(false, false);

        public bool Said => ViewedNotBought || SamePeriod;
    }

    private static string ReadEventWords(string text, out EventWords words)
    {
        bool viewed = false;
        bool same = false;
        if (ViewedRegex().Match(text) is { Success: true } verb && NotBoughtOneRegex().Match(text, verb.Index) is { Success: true } tail)
        {
            viewed = true;
            text = string.Concat(text.AsSpan(0, verb.Index), new string('#', verb.Length), text.AsSpan(verb.Index + verb.Length));
            text = string.Concat(text.AsSpan(0, tail.Index), new string('#', tail.Length), text.AsSpan(tail.Index + tail.Length));
        }

        text = Consume(text, SamePeriodRegex(), _ => same = true);
        // "how many behavioral events did we log on each device": recording them adds nothing to the count.
        text = Consume(text, WeLoggedRegex(), _ => { });
        words = new EventWords(viewed, same);
        return text;
    }

    private static ParsedQuestion ApplyEventWords(SemanticLayer layer, ParsedQuestion parsed, EventWords words)
    {
        if (!words.Said || parsed.Query is not { } query)
        {
            return parsed;
        }

        if (words.SamePeriod && query.Time is null)
        {
            return ParsedQuestion.Unplaced("\"that same period\" of which time range? Name it once, as in \"in the last 30 days\"");
        }

        if (!words.ViewedNotBought)
        {
            return parsed;
        }

        // "customers who viewed <product level> but didn't buy one": events of the view kind about the level, and no
        // purchase of it. One level value, over all time (a range could be the views' or the purchases').
        List<QueryFilter> levels = query.Filters.Where(f => layer.Dimension(f.Dimension) is { Role: DimensionRole.Taxonomy } d
            && d.Columns.Any(c => c.Fact == EntityKind.Events) && d.Columns.Any(c => c.Fact == EntityKind.Orders)).ToList();
        if (!ReferenceEquals(query.Measure, layer.CustomerCount) || levels.Count != 1 || levels[0].Negated || levels[0].Values.Count != 1
            || query is not { Time: null, Share: false, Ratio: null, FilterRatio: null, Having: null, RowComparison: null, ComparedTime: null, Conditions.Count: 0 }
            || query.Dimension is { OnCustomers: false }
            || layer.Profile.Catalog.EventTypes.Where(e => e.Kind == EventTypeKind.View).ToList() is not [{ } viewType]
            || layer.Dimension("event_type") is not { Missing: null } eventType || layer.Measure("events") is not { Missing: null } events
            || layer.Measure("buyers") is not { Missing: null } buyers)
        {
            return ParsedQuestion.Unplaced("\"viewed ... but didn't buy one\" is read on a count of customers who viewed one product value over all time, as in \"how many customers viewed <a product type> but didn't buy one\"");
        }

        QueryFilter level = levels[0];
        return parsed with
        {
            Query = query with
            {
                Filters = [.. query.Filters.Where(f => f != level)],
                Conditions =
                [
                    new CustomerCondition(events, [new QueryFilter(eventType.Key, [viewType.Name], "viewed"), level], null, null, false),
                    new CustomerCondition(buyers, [level], null, null, true),
                ],
            },
        };
    }

    [GeneratedRegex(@"(?<= )(?:(?:did|do|have|has|had) )?we (?:log|logged|track|tracked|capture|captured|record)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex WeLoggedRegex();

    [GeneratedRegex(@"(?<= )(?:viewed|looked at|browsed)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ViewedRegex();

    [GeneratedRegex(@"(?<= )(?:but|and) (?:" + LanguageWords.DidNotPattern + @"|never|" + LanguageWords.HaveNotPattern + "|" + LanguageWords.HasNotPattern + @")(?: (?:actually|then|go on to|end up))? (?:buy|bought|purchase|purchased|order|ordered)(?: (?:one|it|them|any|one of them|any of them))(?= |$)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NotBoughtOneRegex();

    [GeneratedRegex(@"(?<= )(?:in|during|over|within|for) (?:that|the|this) same (?:period|time|range|window|time range|timeframe|time frame)|(?<= )(?:in|during|over|within) (?:that|this) (?:period|time|window|time range|timeframe|time frame)(?= |$)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SamePeriodRegex();
}

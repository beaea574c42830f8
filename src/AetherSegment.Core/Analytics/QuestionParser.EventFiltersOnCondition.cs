using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

// "How many distinct customers added something to their cart on <device> in the last 30 days": a value recorded only on the
// events (the device) said with a count of customers who had events is a filter on those events, not on the customers
// (it was declined: "customers cannot be filtered to <device>").
internal static partial class QuestionParser
{
    private static ParsedQuestion EventFiltersOnCondition(SemanticLayer layer, ParsedQuestion parsed)
    {
        if (parsed.Query is not { } query || !ReferenceEquals(query.Measure, layer.CustomerCount) || query.Conditions.Count != 1
            || query.Conditions[0] is not { Negated: false } condition || condition.Measure.Fact != EntityKind.Events
            || query is not { Share: false, Ratio: null, FilterRatio: null, ComparedTime: null, Statistic: null }
            || query.Dimension is { OnCustomers: false })
        {
            return parsed;
        }

        List<QueryFilter> moved = [];
        foreach (QueryFilter filter in query.Filters)
        {
            if (layer.Dimension(filter.Dimension) is not { } dimension || dimension.OnCustomers)
            {
                continue;
            }

            // Only values recorded on the events alone, kept (an excluded one could be the customers' other events).
            if (filter.Negated || dimension.Columns.Count == 0 || !dimension.Columns.All(c => c.Fact == EntityKind.Events))
            {
                return parsed;
            }

            moved.Add(filter);
        }

        if (moved.Count == 0)
        {
            return parsed;
        }

        return parsed with
        {
            Query = query with
            {
                Filters = [.. query.Filters.Where(f => !moved.Contains(f))],
                Conditions = [condition with { Filters = [.. condition.Filters, .. moved] }],
            },
        };
    }
}

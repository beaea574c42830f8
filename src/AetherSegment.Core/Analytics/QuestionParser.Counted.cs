namespace AetherSegment.Analytics;

/// <content>A count per customer of some rows only: "customers with 5 or more events of a type", "at least 2 orders of a product type".</content>
internal static partial class QuestionParser
{
    // Whether the text between two positions holds only filler words and values placed as filters: "at least 5 <event type>
    // events" compares the events (of that type), not the customers said before it.
    private static bool OnlyFillerOrValues(string text, int from, int to, List<(QueryFilter Filter, int At)> placed)
    {
        if (to < from)
        {
            return false;
        }

        char[] span = text.ToCharArray(from, to - from);
        foreach ((QueryFilter filter, int at) in placed)
        {
            if (filter.Negated || at < from || at + filter.Phrase.Length > to)
            {
                continue;
            }

            Array.Fill(span, '#', at - from, filter.Phrase.Length);
        }

        string masked = new(span);
        return OnlyFiller(" " + masked + " ", 0, masked.Length + 2);
    }

    // The events of a type that customers had: with a count of their events compared ("5 or more <event type> events"), the
    // type is that count's filter; otherwise a condition of their own (any such event).
    private static void AddEventCondition(List<CustomerCondition> conditions, MeasureDefinition events, List<QueryFilter> positive)
    {
        int counted = conditions.FindIndex(c => ReferenceEquals(c.Measure, events) && c is { Comparison: not null, Negated: false, Filters.Count: 0, Time: null });
        if (counted >= 0)
        {
            conditions[counted] = conditions[counted] with { Filters = positive };
            return;
        }

        conditions.Add(new CustomerCondition(events, positive, null, null, false));
    }

    // Whether a measure of each customer's own (a score, not the customers or buyers counted, nor rows such as orders) is
    // named right before a comparison: "CLV score below 0.2", "churn probability is over 0.6". "orders of at least 2 units"
    // compares the units of each order.
    private static bool NamedRightBefore(string text, MeasureDefinition measure, int end, int comparisonStart, SemanticLayer layer) =>
        !ReferenceEquals(measure, layer.CustomerCount) && measure.Name != "buyers" && layer.Fact(measure.Fact) is { IsCustomerGrain: true } && comparisonStart >= end
        && text[end..comparisonStart].Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => w is "is" or "are" or "was" or "were" or "of");

    // "how many customers have both an <event type> event and a <event type> event", "customers who had <event type> and
    // <event type> events": customers with each of the types (an intersection), not the events of each type compared; the
    // measure to count (the customers), or the measure unchanged when the question is not of that shape.
    private static MeasureDefinition BothEventTypes(SemanticLayer layer, MeasureDefinition measure, ref DimensionDefinition? dimension, ref int? limit, List<QueryFilter> filters,
        List<CustomerCondition> conditions, bool namedDimension, bool customersAsked, bool other, string text)
    {
        if (other || namedDimension || dimension is not { Key: "event_type" } || layer.Measure("events") is not { Missing: null } events
            || !(ReferenceEquals(measure, layer.CustomerCount) || (ReferenceEquals(measure, events) && (customersAsked || (text.Contains(" both ", StringComparison.Ordinal) && NamesCustomers(text, layer)))))
            || VersusRegex().IsMatch(text) || EitherRegex().IsMatch(text)
            || filters.Find(f => f.Dimension == "event_type" && !f.Negated && f.Values.Count > 1) is not { } types
            || filters.Exists(f => f != types && layer.Dimension(f.Dimension) is not { OnCustomers: true }))
        {
            return measure;
        }

        filters.Remove(types);
        conditions.AddRange(types.Values.Select(v => new CustomerCondition(events, [new QueryFilter(types.Dimension, [v], v)], null, null, false)));
        dimension = null;
        limit = null;
        return layer.CustomerCount;
    }
}

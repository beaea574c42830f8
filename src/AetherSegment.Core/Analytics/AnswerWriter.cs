using System.Globalization;
using AetherSegment.Data;

namespace AetherSegment.Analytics;

/// <summary>Turns query results into the answer's sentence, rows and chart suggestion.</summary>
internal static class AnswerWriter
{
    public static IReadOnlyList<string> ExampleQuestions { get; } =
    [
        "How many customers do we have in Canada?",
        "Revenue by country last month",
        "Average order value by category in the last 30 days",
        "Which city has the most abandoned carts?",
        "Top 5 cities by revenue this year",
        "Revenue in the UK vs Canada",
        "Number of orders by week in the last 8 weeks",
        "Sessions by device",
        "Add to cart events on mobile last week",
        "Customers by value tier",
        "Average churn probability by country",
        "At-risk customers in London",
        "Conversion rate by trigger",
        "Campaign uplift by campaign",
        "Customers from referral by acquisition source",
        "Sales of Sofas in October",
    ];

    public static string Capabilities { get; } =
        "I can answer questions about " + string.Join(", ", SemanticLayer.Measures.Select(m => m.Label)) +
        "; broken down by " + string.Join(", ", SemanticLayer.Dimensions.Where(d => !d.IsTime).Select(d => d.Label)) + " or by day, week or month" +
        "; filtered to a country, city, category, product type, event type, device, acquisition source, value tier or trigger" +
        "; over a time range such as yesterday, last week, last month, the last 30 days, this year or in October; with top N and comparisons (UK vs Canada).";

    public static string Describe(AnalyticsQuery query, DateTimeOffset? asOf)
    {
        List<string> scope = [];
        foreach (QueryFilter filter in query.Filters)
        {
            string values = string.Join(filter.Values.Count > 2 ? ", " : " and ", filter.Values);
            scope.Add(filter.Dimension switch
            {
                DimensionKind.Country or DimensionKind.City => $"in {values}",
                DimensionKind.Device => $"on {(filter.Phrase.StartsWith("mobile", StringComparison.Ordinal) ? "mobile" : values)}",
                DimensionKind.AcquisitionSource => $"from {values}",
                DimensionKind.ValueTier => $"among {values}-value customers",
                DimensionKind.EventType => $"for {values} events",
                DimensionKind.Trigger => $"for {values} campaigns",
                _ => $"for {values}",
            });
        }

        if (query.Time is { } time && asOf is { } instant)
        {
            scope.Add(time.Describe(instant));
        }

        return scope.Count == 0 ? "" : " " + string.Join(", ", scope);
    }

    public static string Sentence(AnalyticsQuery query, CompiledQuery compiled, QueryResult result, string scope)
    {
        string label = query.Measure.Label;
        if (result.Rows.Count == 0)
        {
            return Capitalize($"no {label} found{scope}.");
        }

        if (query.Dimension is null)
        {
            return Capitalize($"{label}{scope}: {Format(query.Measure.Format, result.Rows[0][result.Columns.Count - 1])}.");
        }

        DimensionDefinition dimension = query.Dimension;
        int measureIndex = result.IndexOf(compiled.MeasureColumn);
        object?[] first = result.Rows[0];
        string firstName = FormatMember(first[0]);
        string firstValue = Format(query.Measure.Format, first[measureIndex]);
        bool ascending = query.Sort == AnalyticsSort.MeasureAscending;
        if (query.Limit == 1)
        {
            string most = query.Measure.Format == MeasureFormat.Count ? (ascending ? "fewest" : "most") : (ascending ? "lowest" : "highest");
            return $"{firstName} has the {most} {label}{scope}: {firstValue}.";
        }

        string count = string.Create(CultureInfo.InvariantCulture, $"{result.Rows.Count} {(result.Rows.Count == 1 ? dimension.Label : dimension.PluralLabel)}");
        if (dimension.IsTime)
        {
            object?[] last = result.Rows[^1];
            return Capitalize($"{label} by {dimension.Label}{scope}: {count}; the latest, {FormatMember(last[0])}, at {Format(query.Measure.Format, last[measureIndex])}.");
        }

        if (query.Sort == AnalyticsSort.DimensionAscending)
        {
            return Capitalize($"{label} by {dimension.Label}{scope}: {count}.");
        }

        return Capitalize($"{label} by {dimension.Label}{scope}: {firstName} {(ascending ? "is lowest" : "leads")} with {firstValue} ({count}).");
    }

    public static ChartSuggestion? Chart(AnalyticsQuery query, CompiledQuery compiled, int rowCount, string scope)
    {
        if (query.Dimension is null || compiled.DimensionColumn is null || rowCount < 2)
        {
            return null;
        }

        string title = Capitalize($"{query.Measure.Label} by {query.Dimension.Label}{scope}");
        if (query.Dimension.IsTime)
        {
            return new ChartSuggestion(ChartType.Line, compiled.DimensionColumn, compiled.MeasureColumn, title);
        }

        bool partsOfWhole = query.Measure.Additive && rowCount <= 6 && query.Limit is null
            && query.Dimension.Kind is DimensionKind.Country or DimensionKind.ValueTier or DimensionKind.Device or DimensionKind.AcquisitionSource;
        return new ChartSuggestion(partsOfWhole ? ChartType.Pie : ChartType.Bar, compiled.DimensionColumn, compiled.MeasureColumn, title);
    }

    public static IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows(QueryResult result)
    {
        List<IReadOnlyDictionary<string, object?>> rows = new(result.Rows.Count);
        int width = result.Columns.Count;
        foreach (object?[] row in result.Rows)
        {
            Dictionary<string, object?> values = new(width, StringComparer.Ordinal);
            for (int i = 0; i < width; i++)
            {
                values[result.Columns[i]] = row[i] is double d && !double.IsFinite(d) ? null : row[i];
            }

            rows.Add(values);
        }

        return rows;
    }

    public static string Format(MeasureFormat format, object? value)
    {
        if (value is null)
        {
            return "no data";
        }

        double number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        return format switch
        {
            MeasureFormat.Count => number.ToString("N0", CultureInfo.InvariantCulture),
            MeasureFormat.Money => "$" + number.ToString("N2", CultureInfo.InvariantCulture),
            MeasureFormat.Percent => (number * 100).ToString("N1", CultureInfo.InvariantCulture) + "%",
            MeasureFormat.PercentagePoints => (number >= 0 ? "+" : "") + (number * 100).ToString("N1", CultureInfo.InvariantCulture) + " percentage points",
            MeasureFormat.Seconds => number.ToString("N0", CultureInfo.InvariantCulture) + " seconds",
            _ => number.ToString("N3", CultureInfo.InvariantCulture),
        };
    }

    public static string FormatMember(object? value) => value switch
    {
        null => "(none)",
        DateTimeOffset time => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

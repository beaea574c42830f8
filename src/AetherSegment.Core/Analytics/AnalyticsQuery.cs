namespace AetherSegment.Analytics;

/// <summary>How the rows of a grouped answer are ordered.</summary>
internal enum AnalyticsSort
{
    Default,
    MeasureDescending,
    MeasureAscending,
    DimensionAscending,
}

/// <summary>A filter on a dimension: one value or several (a comparison).</summary>
/// <param name="Dimension">The key of the dimension filtered (<see cref="DimensionDefinition.Key"/>).</param>
/// <param name="Values">The canonical values as stored in the user's data.</param>
/// <param name="Phrase">How the question said it.</param>
/// <param name="Group">Whether the phrase named a vocabulary group of values (one filter, not a comparison).</param>
internal sealed record QueryFilter(string Dimension, IReadOnlyList<string> Values, string Phrase, bool Group = false);

/// <summary>A question placed on the semantic layer: one measure, at most one dimension, filters, a time range, a limit.</summary>
internal sealed record AnalyticsQuery(
    MeasureDefinition Measure,
    DimensionDefinition? Dimension,
    IReadOnlyList<QueryFilter> Filters,
    RelativeTimeRange? Time,
    int? Limit,
    AnalyticsSort Sort);

/// <summary>The parser's reading of a question.</summary>
/// <param name="Status">Answered (a query), refused, or unanswerable.</param>
/// <param name="Query">The query when the question was placed.</param>
/// <param name="Reason">Why it was refused or could not be placed.</param>
internal sealed record ParsedQuestion(AnalyticsAnswerStatus Status, AnalyticsQuery? Query, string? Reason)
{
    public static ParsedQuestion Refused(string reason) => new(AnalyticsAnswerStatus.Refused, null, reason);

    public static ParsedQuestion Unplaced(string reason) => new(AnalyticsAnswerStatus.Unanswerable, null, reason);
}

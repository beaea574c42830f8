namespace AetherSegment.Analytics;

/// <summary>Which statistic of a set of values is asked for.</summary>
internal enum StatisticKind
{
    Median,
    Maximum,
    Minimum,
    Average,
}

/// <summary>
/// A statistic over values rather than a total: each customer's total of a measure ("the median total spend of &lt;city&gt;
/// customers", "the most sessions any one customer has had") or each row's own value ("the median order value").
/// </summary>
/// <param name="Kind">The statistic.</param>
/// <param name="Of">
/// The measure each customer's total is (an additive measure of a table with many rows per customer), or, with
/// <see cref="Row"/>, the measure whose rows are read.
/// </param>
internal sealed record MeasureStatistic(StatisticKind Kind, MeasureDefinition Of)
{
    /// <summary>Each row's value (the median of the rows' values), or null for each customer's total.</summary>
    public EachRowValue? Row { get; init; }

    /// <summary>
    /// Whether only the customers with at least one row of <see cref="Of"/>'s table (in the time range) are counted
    /// ("among customers who have bought something", "per buying customer"); otherwise every customer in the filters is,
    /// those without rows with a total of zero.
    /// </summary>
    public bool WithRowsOnly { get; init; }
}

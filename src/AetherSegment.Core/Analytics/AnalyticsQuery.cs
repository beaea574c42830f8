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
internal sealed record QueryFilter(string Dimension, IReadOnlyList<string> Values, string Phrase, bool Group = false)
{
    /// <summary>Whether the filter excludes its values ("not in Denver", "excluding Tents").</summary>
    public bool Negated { get; init; }

    /// <summary>
    /// Whether the filter named the measure ("product views" are events of one type) and so stays in the whole of a
    /// share: "what share of product views are on iOS" is out of all product views, not out of all events.
    /// </summary>
    public bool NamesMeasure { get; init; }
}

/// <summary>How a number is compared.</summary>
internal enum ComparisonOperator
{
    Greater,
    GreaterOrEqual,
    Less,
    LessOrEqual,
    Between,
}

/// <summary>A numeric comparison read from a question ("over 0.7", "at least $1,000", "between 2 and 5").</summary>
/// <param name="Operator">The comparison.</param>
/// <param name="Value">The number (a fraction when the question said a percentage of a percent measure).</param>
/// <param name="Upper">The upper bound of <see cref="ComparisonOperator.Between"/> (inclusive).</param>
/// <param name="Phrase">How the question said it.</param>
/// <param name="Money">Whether the number was an amount of money ("$500").</param>
internal sealed record NumericComparison(ComparisonOperator Operator, double Value, double? Upper, string Phrase, bool Money)
{
    /// <summary>Whether the number was a percentage ("70%"); <see cref="Value"/> is then the fraction.</summary>
    public bool Percent { get; init; }

    /// <summary>
    /// Whether the number counts the items of each row ("carts with more than 2 items"): compared with the row's mapped
    /// <c>item_count</c>, not its value.
    /// </summary>
    public bool Items { get; init; }

    /// <summary>
    /// The comparison on each row that a count compares only the rows of ("at least 2 orders over $1,000": the orders over
    /// $1,000 are counted), or null when every row counts.
    /// </summary>
    public NumericComparison? OfRows { get; init; }

    /// <summary>The comparison in words: "over 0.7", "at least $1,000.00".</summary>
    public string Describe(MeasureFormat format)
    {
        if (Items)
        {
            format = MeasureFormat.Count;
        }

        string a = Number(Value, format);
        return Operator switch
        {
            ComparisonOperator.Greater => $"over {a}",
            ComparisonOperator.GreaterOrEqual => $"at least {a}",
            ComparisonOperator.Less => $"under {a}",
            ComparisonOperator.LessOrEqual => $"at most {a}",
            _ when Upper == Value => $"exactly {a}",
            _ => $"between {a} and {Number(Upper ?? Value, format)}",
        };
    }

    // Money as money, a fraction of a count as the number itself ("0.5"), otherwise in the measure's format.
    private string Number(double value, MeasureFormat format) =>
        Money ? AnswerWriter.Format(MeasureFormat.Money, value)
        : format == MeasureFormat.Count && value % 1 != 0 ? value.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : AnswerWriter.Format(format, value);
}

/// <summary>
/// A condition on customers, compiled as "customer id [NOT] IN (SELECT customer id FROM fact WHERE ... GROUP BY
/// customer id HAVING measure op value)": customers who bought a product, whose spend is over an amount, whose
/// churn probability is over a threshold.
/// </summary>
/// <param name="Measure">The per-customer measure (its fact is the condition's table).</param>
/// <param name="Filters">Row filters inside the condition (the product bought).</param>
/// <param name="Comparison">The per-customer comparison on <paramref name="Measure"/>, or null for "has any row".</param>
/// <param name="RowComparison">A comparison on each row's value ("an order over $500"), or null.</param>
/// <param name="Negated">Whether customers must NOT meet the condition ("but not Sleeping Bags").</param>
internal sealed record CustomerCondition(
    MeasureDefinition Measure,
    IReadOnlyList<QueryFilter> Filters,
    NumericComparison? Comparison,
    NumericComparison? RowComparison,
    bool Negated)
{
    /// <summary>
    /// Whether an upper bound on a per-customer total counts only the customers with rows (in the time range): "shoppers
    /// who spent less than $200 last month" are those who bought last month and spent under $200. Without it an upper
    /// bound counts the customers with no rows too ("customers with fewer than 2 orders").
    /// </summary>
    public bool RowsRequired { get; init; }

    /// <summary>
    /// The condition's own time range, when the question gave it one apart from the rest ("abandoned a cart in the last 7
    /// days and haven't bought anything in the last 30 days"), or null for the query's range.
    /// </summary>
    public RelativeTimeRange? Time { get; init; }

    /// <summary>
    /// Whether the condition is over all time while the question's range bounds the others ("viewed &lt;a category&gt; in the
    /// last 30 days but have never bought anything from it": the views in the range, no purchase ever).
    /// </summary>
    public bool AllTime { get; init; }

    /// <summary>The resolved <see cref="Time"/> (set by the service from the data's as-of before compiling).</summary>
    public (DateTimeOffset Start, DateTimeOffset End)? Range { get; init; }
}

/// <summary>A question placed on the semantic layer: one measure, at most one dimension, filters, a time range, a limit.</summary>
internal sealed record AnalyticsQuery(
    MeasureDefinition Measure,
    DimensionDefinition? Dimension,
    IReadOnlyList<QueryFilter> Filters,
    RelativeTimeRange? Time,
    int? Limit,
    AnalyticsSort Sort)
{
    /// <summary>Conditions on the customers counted or whose rows are measured (intersections, exclusions, per-customer thresholds).</summary>
    public IReadOnlyList<CustomerCondition> Conditions { get; init; } = [];

    /// <summary>A comparison on the measure of each group ("cities with revenue over $10,000"); needs a breakdown.</summary>
    public NumericComparison? Having { get; init; }

    /// <summary>A comparison on each row's value of the measure's own table ("orders over $500").</summary>
    public NumericComparison? RowComparison { get; init; }

    /// <summary>
    /// A second comparison on each row, on its other value: with <see cref="RowComparison"/> on the item count, this one is
    /// on the row's value ("abandoned carts over $1,000 with at least 3 items"); both must hold. Null for none.
    /// </summary>
    public NumericComparison? AlsoRowComparison { get; init; }

    /// <summary>
    /// What <see cref="RowComparison"/> reads on each row when it is not the table's value ("orders with at least 3
    /// units" reads each order's units), or null for the value.
    /// </summary>
    public EachRowValue? RowValue { get; init; }

    /// <summary>Whether the answer is the measure's share of its total without the filters and conditions.</summary>
    public bool Share { get; init; }

    /// <summary>The data's as-of instant, set by the service when the measure reads it (<see cref="MeasureDefinition.UsesAsOf"/>).</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>Whether the measure (or the measure a statistic is of) reads the data's as-of instant.</summary>
    public bool NeedsAsOf => Measure.UsesAsOf || Statistic?.Of.UsesAsOf == true;

    /// <summary>
    /// With <see cref="Share"/> and a breakdown: each group's share of its own total ("for each country, what share of its
    /// customers are exclusivity seekers"), not of the total over all groups.
    /// </summary>
    public bool WithinGroups { get; init; }

    /// <summary>
    /// Whether the share is of the time range: the measure in <see cref="Time"/> out of the same measure over all time
    /// ("what fraction of all orders were placed in the last 30 days"); needs <see cref="Share"/>.
    /// </summary>
    public bool ShareOfTime { get; init; }

    /// <summary>
    /// With <see cref="Share"/> and no breakdown: the whole the part is out of, when the whole has filters or conditions of its
    /// own ("what percentage of customers with an abandoned cart are exclusivity seekers": out of the customers with an
    /// abandoned cart); the part is this query, which holds every filter and condition of the whole. Null for the usual whole.
    /// </summary>
    public AnalyticsQuery? ShareWhole { get; init; }

    /// <summary>The time range applies to the conditions only (the measure's table has no time).</summary>
    public bool TimeOnConditions { get; init; }

    /// <summary>
    /// The time range is when the customers counted signed up ("customers who signed up in 2026 and never ordered"); every
    /// condition on timed rows is then over all time.
    /// </summary>
    public bool SignupTime { get; init; }

    /// <summary>A second period the measure is compared with ("this month vs last month"); <see cref="Time"/> is the first.</summary>
    public RelativeTimeRange? ComparedTime { get; init; }

    /// <summary>Whether the answer is the change from the earlier period to the later one (needs <see cref="ComparedTime"/>).</summary>
    public bool Growth { get; init; }

    /// <summary>Whether the change is asked as a percentage ("in percent", "% growth").</summary>
    public bool GrowthPercent { get; init; }

    /// <summary>
    /// For "how much more (or less) ... in A than in B": whether A, said first and held in <see cref="Time"/>, must be the
    /// later period ("more") or the earlier ("less"), so that the change from the earlier to the later is the difference
    /// asked; null when the question does not say it that way.
    /// </summary>
    public bool? FirstSaidIsLater { get; init; }

    /// <summary>
    /// The two measures of a ratio ("revenue per order", "ratio of abandoned carts to orders"), or null; <see cref="Measure"/>
    /// is then the ratio itself. Both are computed over the same filters and time range and divided.
    /// </summary>
    public RatioParts? Ratio { get; init; }

    /// <summary>
    /// Whether the query is read on the abandoned carts' items (<see cref="SemanticLayer.CartItems"/>: one row per item of
    /// each cart): <see cref="Measure"/> and <see cref="Dimension"/> are that layer's, and it is compiled there.
    /// </summary>
    public bool CartItems { get; init; }

    /// <summary>Whether the statement is a part of a larger one: grouped, but without ORDER BY or LIMIT.</summary>
    public bool Unordered { get; init; }

    /// <summary>
    /// The two sides of a ratio of one measure under two filters of the same dimension ("ratio of iOS sessions to
    /// Android sessions", "how many times more revenue does A bring in than B"), or null; <see cref="Filters"/> then
    /// holds only the filters both sides share.
    /// </summary>
    public FilterRatio? FilterRatio { get; init; }

    /// <summary>
    /// A statistic of each customer's total or of each row's value ("median order value", "the biggest total spend by a
    /// single customer"), or null; <see cref="Measure"/> is then the statistic in words, and <see cref="Filters"/> on a
    /// customer attribute pick the customers, the others the rows totalled.
    /// </summary>
    public MeasureStatistic? Statistic { get; init; }

    /// <summary>
    /// The same range said again in other words ("this month so far (November 2026 up to now)", "this year (i.e. since
    /// 2026-01-01)"), or null: whether it covers the same data as <see cref="Time"/> depends on the as-of, so the service
    /// answers only when both end up the same interval of data, and declines the two ranges otherwise.
    /// </summary>
    public RelativeTimeRange? RestatedTime { get; init; }

    /// <summary>
    /// The unit of an average per period ("average orders per day over the last 28 days": the total over the range divided
    /// by its whole days), or null; <see cref="Measure"/> is then the total divided by the <c>per_period_count</c> parameter,
    /// which the service binds from the resolved range.
    /// </summary>
    public TimeGrain? PerPeriod { get; init; }

    /// <summary>
    /// Whether the answer is the number of different values of <see cref="Dimension"/> ("how many different cities do our
    /// customers live in"): the rows of the breakdown, under every filter, condition and <see cref="Having"/>, counted.
    /// </summary>
    public bool CountOfValues { get; init; }
}

/// <summary>One measure under two filters of one dimension, divided: <paramref name="Numerator"/> over <paramref name="Denominator"/>.</summary>
/// <param name="Numerator">The filters of the side divided (besides the query's shared filters).</param>
/// <param name="Denominator">The filters of the side it is divided by.</param>
/// <param name="NumeratorLabel">The numerator in words ("sessions on ios").</param>
/// <param name="DenominatorLabel">The denominator in words ("sessions on android").</param>
internal sealed record FilterRatio(IReadOnlyList<QueryFilter> Numerator, IReadOnlyList<QueryFilter> Denominator, string NumeratorLabel, string DenominatorLabel)
{
    /// <summary>The name of the measure both sides compute.</summary>
    public string Measure { get; init; } = "";

    /// <summary>Whether the ratio was asked as a percentage ("A events as a % of B events"): 100 times the quotient.</summary>
    public bool Percent { get; init; }
}

/// <summary>The measures a ratio divides: <paramref name="Numerator"/> over <paramref name="Denominator"/>.</summary>
/// <param name="Numerator">The measure divided (a total: revenue, orders, abandoned carts).</param>
/// <param name="Denominator">The measure it is divided by (a count: orders, buyers, customers).</param>
/// <param name="Phrase">How the question said it ("revenue per order").</param>
internal sealed record RatioParts(MeasureDefinition Numerator, MeasureDefinition Denominator, string Phrase)
{
    /// <summary>Whether both measures are on one table (one statement divides the two aggregates).</summary>
    public bool SameTable => Numerator.Fact == Denominator.Fact;
}

/// <summary>The parser's reading of a question.</summary>
/// <param name="Status">Answered (a query), refused, or unanswerable.</param>
/// <param name="Query">The query when the question was placed.</param>
/// <param name="Reason">Why it was refused or could not be placed.</param>
internal sealed record ParsedQuestion(AnalyticsAnswerStatus Status, AnalyticsQuery? Query, string? Reason)
{
    /// <summary>A further reason or a clarifying question shown after <see cref="Reason"/> ("revenue over 500 of what? ...").</summary>
    public string? Detail { get; init; }

    /// <summary>
    /// For a declined question, what the parser did place (a named measure, its filters and breakdown), or
    /// <see langword="null"/>: the reading a language model's SQL is checked against.
    /// </summary>
    public AnalyticsQuery? Partial { get; init; }

    public static ParsedQuestion Refused(string reason) => new(AnalyticsAnswerStatus.Refused, null, reason);

    public static ParsedQuestion Unplaced(string reason) => new(AnalyticsAnswerStatus.Unanswerable, null, reason);
}

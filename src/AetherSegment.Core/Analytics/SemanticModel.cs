using AetherSegment.Data;
using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

/// <summary>The grain of a time dimension.</summary>
internal enum TimeGrain
{
    Day,
    Week,
    Month,

    /// <summary>The calendar quarter (January, April, July, October), as the timestamp of its first day.</summary>
    Quarter,

    /// <summary>The calendar year, as its number (2025), not a timestamp.</summary>
    Year,
}

/// <summary>How a measure's value reads in a sentence.</summary>
internal enum MeasureFormat
{
    Count,
    Money,
    Decimal,
    Percent,
    PercentagePoints,
    Seconds,
}

/// <summary>What a dimension is to the question reader and the answer writer.</summary>
internal enum DimensionRole
{
    /// <summary>A place level (a customer attribute): "in X".</summary>
    Place,

    /// <summary>A product taxonomy level (an order or event column).</summary>
    Taxonomy,

    /// <summary>The acquisition source (a customer attribute): "from X".</summary>
    AcquisitionSource,

    /// <summary>The value tier computed from the value score: "among X-value customers".</summary>
    ValueTier,

    /// <summary>The behavioral event type: "for X events".</summary>
    EventType,

    /// <summary>The device of behavioral events: "on X".</summary>
    Device,

    /// <summary>The campaign name.</summary>
    Campaign,

    /// <summary>The campaign type.</summary>
    CampaignType,

    /// <summary>The trigger of a campaign send: "for X campaigns".</summary>
    Trigger,

    /// <summary>A dimension of the profile's own (<c>analytics.dimensions</c>).</summary>
    Custom,

    /// <summary>A time grain over the fact's time column.</summary>
    Time,
}

/// <summary>The SQL of a dimension on one fact.</summary>
/// <param name="Fact">The entity whose table carries it.</param>
/// <param name="Sql">The alias-qualified SQL; takes the dialect for quoting.</param>
internal sealed record DimensionColumn(EntityKind Fact, Func<SqlDialect, string> Sql);

/// <summary>A mapped table as the analytics compiler sees it: its alias and its time expression.</summary>
/// <param name="Kind">The entity.</param>
/// <param name="Table">The user's table, from the profile's mapping.</param>
/// <param name="Alias">The alias the compiled SQL uses.</param>
/// <param name="Time">The SQL time ranges and time dimensions apply to (alias-qualified), or null when the table has none that means anything.</param>
/// <param name="CustomerId">The SQL of the customer id on the table (alias-qualified), for the join to the customers.</param>
/// <param name="Description">What a row is, for explanations ("purchases").</param>
/// <param name="ShortName">The short name in the list of what analytics answers about ("purchases", "carts").</param>
internal sealed record FactInfo(EntityKind Kind, string Table, string Alias, Func<SqlDialect, string>? Time, Func<SqlDialect, string> CustomerId, string Description, string ShortName)
{
    /// <summary>Whether a row is one customer (dimensions on other facts cannot split such a measure).</summary>
    public bool IsCustomerGrain => Kind is EntityKind.Customers or EntityKind.Scores;
}

/// <summary>A named measure: its SQL aggregate over one fact table.</summary>
/// <param name="Name">The result column name (snake_case).</param>
/// <param name="Label">The label in answers ("average order value").</param>
/// <param name="Fact">The entity it aggregates.</param>
/// <param name="Format">How values read.</param>
/// <param name="Expression">The aggregate SQL, written with the fact aliases; takes the dialect for quoting.</param>
/// <param name="Synonyms">Phrases that name it in questions (lower case).</param>
/// <param name="Additive">Whether values add up across dimension members (counts and sums), so a pie chart makes sense.</param>
internal sealed record MeasureDefinition(
    string Name,
    string Label,
    EntityKind Fact,
    MeasureFormat Format,
    Func<SqlDialect, string> Expression,
    IReadOnlyList<string> Synonyms,
    bool Additive)
{
    /// <summary>
    /// Why the measure cannot be computed for this profile (the mapping that enables it), or null when it can. A
    /// question naming it is declined with this, never answered with another measure.
    /// </summary>
    public string? Missing { get; init; }

    /// <summary>Whether the expression also reads the customers table (an attribute of the customers entity).</summary>
    public bool NeedsCustomers { get; init; }

    /// <summary>
    /// Whether the expression reads the data's as-of instant (the <see cref="AnalyticsCompiler.AsOfParameter"/> parameter):
    /// "days since the last purchase" counts to it.
    /// </summary>
    public bool UsesAsOf { get; init; }

    /// <summary>
    /// The value of one row the measure averages, when it is the average of one column (<c>AVG({churn_probability})</c>),
    /// else null. On a table with one row per customer a customer's measure is that value, so a comparison of it is a
    /// filter on the row.
    /// </summary>
    public Func<SqlDialect, string>? RowValue { get; init; }

    /// <summary>
    /// What the measure reads on one row of its fact, when a comparison of it can be each row's rather than each
    /// customer's total ("orders with at least 3 units", "abandoned carts worth over $500"): the row's column and its
    /// noun. Null when one row has no such value (a count).
    /// </summary>
    public EachRowValue? EachRow { get; init; }

    /// <summary>
    /// Who the measure counts, in words, when it counts fewer rows than its fact holds (" among customers who received
    /// the campaign (treatment group)"); the restatement says it after the measure's label. Null when it counts every row.
    /// </summary>
    public string? Population { get; init; }

    /// <summary>
    /// What a customer who has any of the measure is, in words after "who" ("are exclusivity seekers", "were in the
    /// control group"), for a condition that a customer's count is over 0; null when the restatement names the measure.
    /// </summary>
    public MemberWords? Membership { get; init; }

    /// <summary>
    /// Whether the measure reads each session once, on its start row (<c>columns.session_start</c>): exact only when every
    /// filter and breakdown holds one value per session (<c>session_columns</c>) and no time range cuts a session, so the
    /// compiler declines it otherwise.
    /// </summary>
    public bool PerSession { get; init; }

    /// <summary>
    /// The rows the measure counts, when it counts only some rows of its fact (a campaign arm's rows): the predicate and
    /// the measure over those rows alone. A customer with none of those rows has 0, so a per-customer comparison that 0
    /// fails reads the predicate as a filter and the plain aggregate (a semi-join on the filtered rows, not a
    /// <c>CASE</c> per row of every customer). Null when the measure reads every row.
    /// </summary>
    public CountedRows? Counted { get; init; }
}

/// <summary>The rows a measure counts (<see cref="MeasureDefinition.Counted"/>).</summary>
/// <param name="Where">The predicate of the counted rows, alias-qualified.</param>
/// <param name="Aggregate">The measure over the counted rows alone.</param>
internal sealed record CountedRows(Func<SqlDialect, string> Where, Func<SqlDialect, string> Aggregate);

/// <summary>The value a measure takes on one row of its fact (<see cref="MeasureDefinition.EachRow"/>).</summary>
/// <param name="Sql">The row's column, alias-qualified.</param>
/// <param name="Noun">What it is called on one row ("units", "items"; "value" for an amount of money).</param>
internal sealed record EachRowValue(Func<SqlDialect, string> Sql, string Noun)
{
    /// <summary>
    /// Whether the value is read on each row as it is, not totalled over the rows of one id (a session's duration is the
    /// same on each of its events).
    /// </summary>
    public bool OnEachRow { get; init; }
}

/// <summary>What a customer counted by a measure is, and is not, in words after "who".</summary>
/// <param name="Positive">"are exclusivity seekers".</param>
/// <param name="Negative">"are not exclusivity seekers".</param>
internal sealed record MemberWords(string Positive, string Negative);

/// <summary>A named dimension: the SQL that defines it on each fact it is available on.</summary>
/// <param name="Key">The dimension's identifier in filters ("country", "trigger", "event_type").</param>
/// <param name="Name">The result column name ("country", "trigger_type").</param>
/// <param name="Label">The singular label ("city").</param>
/// <param name="PluralLabel">The plural label ("cities").</param>
/// <param name="Role">What it is.</param>
/// <param name="OnCustomers">Whether it is a customer attribute (reachable from every fact through the customer id).</param>
/// <param name="Columns">The SQL per fact it lives on (alias-qualified), in order; for a customer attribute, the one entry of the customers entity.</param>
/// <param name="Synonyms">Words that name it (lower case, singular and plural).</param>
internal sealed record DimensionDefinition(
    string Key,
    string Name,
    string Label,
    string PluralLabel,
    DimensionRole Role,
    bool OnCustomers,
    IReadOnlyList<DimensionColumn> Columns,
    IReadOnlyList<string> Synonyms)
{
    /// <summary>Why the dimension is not available for this profile (the mapping that enables it), or null.</summary>
    public string? Missing { get; init; }

    /// <summary>The grain of a time dimension.</summary>
    public TimeGrain Grain { get; init; }

    /// <summary>Whether the dimension is the outermost level of its hierarchy (or a flat list), so its members can be parts of a whole.</summary>
    public bool Outermost { get; init; }

    /// <summary>Whether the dimension is a time grain over the fact's time column.</summary>
    public bool IsTime => Role == DimensionRole.Time;
}

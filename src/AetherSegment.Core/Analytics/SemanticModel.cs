using AetherSegment.Data;

namespace AetherSegment.Analytics;

/// <summary>The grain of a time dimension.</summary>
internal enum TimeGrain
{
    Day,
    Week,
    Month,
}

/// <summary>The tables a measure can be computed over.</summary>
internal enum FactKind
{
    Customers,
    Transactions,
    Events,
    Carts,
    Campaigns,
    Scores,
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

/// <summary>The dimensions the semantic layer can group or filter by.</summary>
internal enum DimensionKind
{
    Country,
    City,
    AcquisitionSource,
    ValueTier,
    Category,
    ProductType,
    EventType,
    Device,
    Campaign,
    CampaignType,
    Trigger,
    Day,
    Week,
    Month,
}

/// <summary>A table of the data model as the analytics compiler sees it: its alias and its time column.</summary>
/// <param name="Kind">The fact.</param>
/// <param name="Table">The table name from <see cref="DataModel.DataSchema"/>.</param>
/// <param name="Alias">The alias the compiled SQL uses.</param>
/// <param name="TimeColumn">The column time ranges and time dimensions apply to, or null when the table has none that means anything.</param>
/// <param name="Description">What a row is, for explanations.</param>
internal sealed record FactInfo(FactKind Kind, string Table, string Alias, string? TimeColumn, string Description)
{
    /// <summary>Whether a row is one customer (dimensions on other facts cannot split such a measure).</summary>
    public bool IsCustomerGrain => Kind is FactKind.Customers or FactKind.Scores;
}

/// <summary>A named measure: its SQL aggregate over one fact table.</summary>
/// <param name="Name">The result column name (snake_case).</param>
/// <param name="Label">The label in answers ("average order value").</param>
/// <param name="Fact">The fact it aggregates.</param>
/// <param name="Format">How values read.</param>
/// <param name="Expression">The aggregate SQL, written with the fact aliases; takes the dialect for quoting.</param>
/// <param name="Synonyms">Phrases that name it in questions (lower case).</param>
/// <param name="Additive">Whether values add up across dimension members (counts and sums), so a pie chart makes sense.</param>
internal sealed record MeasureDefinition(
    string Name,
    string Label,
    FactKind Fact,
    MeasureFormat Format,
    Func<SqlDialect, string> Expression,
    IReadOnlyList<string> Synonyms,
    bool Additive);

/// <summary>A named dimension: the SQL that defines it on each fact it is available on.</summary>
/// <param name="Kind">The dimension.</param>
/// <param name="Name">The result column name.</param>
/// <param name="Label">The singular label ("city").</param>
/// <param name="PluralLabel">The plural label ("cities").</param>
/// <param name="OnCustomers">Whether it is a customer attribute (reachable from every fact through customer_id).</param>
/// <param name="Facts">The facts it lives on when it is not a customer attribute.</param>
/// <param name="Column">The column on the customer or fact table, or null for computed dimensions.</param>
/// <param name="Synonyms">Words that name it (lower case, singular and plural).</param>
internal sealed record DimensionDefinition(
    DimensionKind Kind,
    string Name,
    string Label,
    string PluralLabel,
    bool OnCustomers,
    IReadOnlyList<FactKind> Facts,
    string? Column,
    IReadOnlyList<string> Synonyms)
{
    /// <summary>Whether the dimension is a time grain over the fact's time column.</summary>
    public bool IsTime => Kind is DimensionKind.Day or DimensionKind.Week or DimensionKind.Month;

    /// <summary>The time grain of a time dimension.</summary>
    public TimeGrain Grain => Kind switch
    {
        DimensionKind.Day => TimeGrain.Day,
        DimensionKind.Week => TimeGrain.Week,
        _ => TimeGrain.Month,
    };
}

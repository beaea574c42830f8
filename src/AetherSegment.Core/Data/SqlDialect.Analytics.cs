using AetherSegment.Analytics;

namespace AetherSegment.Data;

/// <content>The conversational analytics compiler's dialect differences: time truncation and list membership.</content>
public abstract partial class SqlDialect
{
    /// <summary>Truncates a TIMESTAMP expression to the start of its day, as a TIMESTAMP.</summary>
    /// <param name="expression">A TIMESTAMP expression built from data model identifiers.</param>
    public abstract string TruncateToDay(string expression);

    /// <summary>Truncates a TIMESTAMP expression to the start of its ISO week (Monday), as a TIMESTAMP.</summary>
    /// <param name="expression">A TIMESTAMP expression built from data model identifiers.</param>
    public abstract string TruncateToIsoWeek(string expression);

    /// <summary>Truncates a TIMESTAMP expression to the start of its month, as a TIMESTAMP.</summary>
    /// <param name="expression">A TIMESTAMP expression built from data model identifiers.</param>
    public abstract string TruncateToMonth(string expression);

    /// <summary>Truncates a TIMESTAMP expression to the start of its day, ISO week (Monday) or month, as a TIMESTAMP.</summary>
    internal string TruncateTimestamp(string expression, TimeGrain grain) => grain switch
    {
        TimeGrain.Day => TruncateToDay(expression),
        TimeGrain.Week => TruncateToIsoWeek(expression),
        TimeGrain.Year => YearOf(expression),
        TimeGrain.Quarter => TruncateToQuarter(expression),
        _ => TruncateToMonth(expression),
    };

    /// <summary>Truncates a TIMESTAMP expression to the first day of its calendar quarter, as a TIMESTAMP.</summary>
    /// <param name="expression">A TIMESTAMP expression built from data model identifiers.</param>
    internal virtual string TruncateToQuarter(string expression) => $"CAST(date_trunc('quarter', {expression}) AS TIMESTAMP)";

    /// <summary>The calendar year (UTC) of a TIMESTAMP expression, as an integer (2025).</summary>
    /// <param name="expression">A TIMESTAMP expression built from data model identifiers.</param>
    internal virtual string YearOf(string expression) => $"EXTRACT(YEAR FROM {expression})";

    /// <summary>
    /// The number of distinct non-null values of <paramref name="column"/> in a group, for a column of few values (a
    /// level of the product taxonomy): <c>COUNT(DISTINCT column)</c> here; a dialect may answer the same count faster.
    /// </summary>
    /// <param name="column">The column, qualified by <paramref name="alias"/>.</param>
    /// <param name="table">The table the column belongs to (from the profile's mapping).</param>
    /// <param name="alias">The table's alias in <paramref name="column"/>.</param>
    internal virtual string CountDistinctFew(string column, string table, string alias) => $"COUNT(DISTINCT {column})";

    /// <summary>The English name of the day of the week of a TIMESTAMP expression ("Monday"), as a string.</summary>
    /// <param name="expression">A TIMESTAMP expression built from data model identifiers.</param>
    internal virtual string DayName(string expression) => $"dayname({expression})";

    /// <summary>
    /// The exact median of an expression over a group (the mean of the two middle values for an even count), or null when
    /// the dialect has no exact median aggregate (a question asking for one is then declined, not approximated).
    /// </summary>
    /// <param name="expression">A numeric expression built from data model identifiers.</param>
    internal virtual string? Median(string expression) => null;

    /// <summary>Membership of an expression in an ARRAY&lt;STRING&gt; parameter.</summary>
    internal string InStringList(string expression, string parameterName) => InArray(expression, parameterName);
}

using System.Globalization;

namespace AetherSegment.Data;

/// <content>The dialect differences the segment compiler needs.</content>
public abstract partial class SqlDialect
{
    /// <summary>
    /// Tests a column against an ARRAY&lt;STRING&gt; parameter: <c>column = ANY($name)</c> in DuckDB,
    /// <c>column IN UNNEST(@name)</c> in GoogleSQL.
    /// The parameter is a <see cref="QueryParameterType.StringArray"/>.
    /// </summary>
    /// <param name="column">The column expression, built from data model identifiers.</param>
    /// <param name="parameterName">The parameter name without prefix.</param>
    public abstract string InArray(string column, string parameterName);

    /// <summary>Counts the rows where a boolean expression is true: <c>SUM(CASE WHEN e THEN 1 ELSE 0 END)</c> in both dialects.</summary>
    /// <param name="condition">A boolean expression; unknown (NULL) counts as false.</param>
    public static string CountWhere(string condition) =>
        string.Create(CultureInfo.InvariantCulture, $"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)");

    /// <summary>Sums an expression over the rows where a boolean expression is true.</summary>
    /// <param name="condition">A boolean expression; unknown (NULL) counts as false.</param>
    /// <param name="value">The summed numeric expression.</param>
    public static string SumWhere(string condition, string value) =>
        string.Create(CultureInfo.InvariantCulture, $"SUM(CASE WHEN {condition} THEN {value} ELSE 0 END)");
}

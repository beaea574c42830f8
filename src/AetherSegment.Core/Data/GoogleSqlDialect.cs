using System.Globalization;

namespace AetherSegment.Data;

/// <summary>BigQuery's GoogleSQL dialect (<see cref="SqlDialect.BigQuery"/>); tables resolve through the job's default dataset.</summary>
internal sealed class GoogleSqlDialect : SqlDialect
{
    public GoogleSqlDialect()
        : base("bigquery", '@', '`')
    {
    }

    public override string Description => "BigQuery GoogleSQL (tables resolve in the default dataset; do not qualify them)";

    public override string InArray(string column, string parameterName) =>
        string.Create(CultureInfo.InvariantCulture, $"{column} IN UNNEST({Parameter(parameterName)})");

    public override string TruncateToDay(string expression) => $"TIMESTAMP_TRUNC({expression}, DAY)";

    public override string TruncateToIsoWeek(string expression) => $"TIMESTAMP_TRUNC({expression}, ISOWEEK)";

    internal override string DayName(string expression) => $"FORMAT_TIMESTAMP('%A', {expression}, 'UTC')";

    // A JSON column or its text: JSON_QUERY_ARRAY reads both, and JSON_VALUE reads an element of either.
    internal override string UnnestJsonArray(string table, string alias, string items, string item) =>
        $"(SELECT {alias}.*, {item} FROM {table} AS {alias} CROSS JOIN UNNEST(JSON_QUERY_ARRAY({items})) AS {item})";

    internal override string JsonText(string json, string key) => $"JSON_VALUE({json}, '$.{key}')";

    internal override string JsonNumber(string json, string key) => $"SAFE_CAST(JSON_VALUE({json}, '$.{key}') AS FLOAT64)";

    public override string TruncateToMonth(string expression) => $"TIMESTAMP_TRUNC({expression}, MONTH)";

    internal override string TruncateToQuarter(string expression) => $"TIMESTAMP_TRUNC({expression}, QUARTER)";

    public override string Fingerprint(string expression) => $"FARM_FINGERPRINT({expression})";

    public override string RowsChecksum(params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        string text = string.Join(", '|', ", columns.Select(c => $"COALESCE({CastToString(c)}, '')"));
        return $"BIT_XOR(FARM_FINGERPRINT(CONCAT({text})))";
    }

    public override string EpochMicros(string expression) => $"UNIX_MICROS({expression})";

    public override string EpochSeconds(string expression) => $"UNIX_SECONDS({expression})";

    public override string IsNan(string expression) => $"IS_NAN({expression})";

    public override string CastToString(string expression) => $"CAST({expression} AS STRING)";

    public override string CastToDouble(string expression) => $"CAST({expression} AS FLOAT64)";

    public override string StringLiteral(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
    }

    protected override string EscapeColumnName(string name)
    {
        string q = IdentifierQuote.ToString();
        return name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(q, "\\" + q, StringComparison.Ordinal);
    }

    public override string StarExcept(params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return $"EXCEPT ({string.Join(", ", columns)})";
    }

    public override string SampleColumn(string table, string column, int rows, int seed) =>
        string.Create(CultureInfo.InvariantCulture, $"SELECT {column} FROM {table} ORDER BY {Fingerprint(column)} LIMIT {rows}");
}

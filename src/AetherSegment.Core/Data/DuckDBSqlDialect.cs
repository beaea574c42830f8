using System.Globalization;

namespace AetherSegment.Data;

/// <summary>The embedded DuckDB dialect (<see cref="SqlDialect.DuckDB"/>).</summary>
internal sealed class DuckDBSqlDialect : SqlDialect
{
    public DuckDBSqlDialect()
        : base("duckdb", '$', '"')
    {
    }

    public override string Description => "DuckDB";

    public override string InArray(string column, string parameterName) =>
        string.Create(CultureInfo.InvariantCulture, $"{column} = ANY({Parameter(parameterName)})");

    public override string TruncateToDay(string expression) => $"CAST(date_trunc('day', {expression}) AS TIMESTAMP)";

    public override string TruncateToIsoWeek(string expression) => $"CAST(date_trunc('week', {expression}) AS TIMESTAMP)";

    public override string TruncateToMonth(string expression) => $"CAST(date_trunc('month', {expression}) AS TIMESTAMP)";

    public override string Fingerprint(string expression) => $"hash({expression})";

    public override string RowsChecksum(params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return $"bit_xor(hash({string.Join(", ", columns)}))";
    }

    public override string EpochMicros(string expression) => $"epoch_us({expression})";

    public override string EpochSeconds(string expression) => $"epoch({expression})";

    public override string IsNan(string expression) => $"isnan({expression})";

    public override string CastToDouble(string expression) => $"CAST({expression} AS DOUBLE)";

    public override string StarExcept(params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return $"EXCLUDE ({string.Join(", ", columns)})";
    }

    public override string SampleColumn(string table, string column, int rows, int seed) =>
        string.Create(CultureInfo.InvariantCulture, $"SELECT {column} FROM {table} USING SAMPLE reservoir({rows} ROWS) REPEATABLE ({seed})");
}

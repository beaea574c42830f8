using System.Globalization;
using AetherSegment.Data;

namespace AetherSegment.DuckDB.Tests.Dialects;

/// <summary>
/// A dialect written outside Core, the way a team with a PostgreSQL-flavoured warehouse would: list membership through
/// <c>IN (SELECT unnest(...))</c>, <c>EXTRACT(EPOCH FROM ...)</c>, <c>md5</c> fingerprints and <c>TEXT</c> casts. Its
/// placeholders are <c>$name</c> (named parameters, as DuckDB and several PostgreSQL drivers bind them), so the segment
/// SQL it writes also runs on DuckDB, which speaks this flavour.
/// </summary>
internal sealed class PostgresFlavouredDialect : SqlDialect
{
    public PostgresFlavouredDialect()
        : base("postgres-flavoured", '$', '"')
    {
    }

    public override string Description => "PostgreSQL";

    public override string InArray(string column, string parameterName) =>
        string.Create(CultureInfo.InvariantCulture, $"{column} IN (SELECT unnest({Parameter(parameterName)}))");

    public override string TruncateToDay(string expression) => $"date_trunc('day', {expression})";

    public override string TruncateToIsoWeek(string expression) => $"date_trunc('week', {expression})";

    public override string TruncateToMonth(string expression) => $"date_trunc('month', {expression})";

    public override string Fingerprint(string expression) => $"md5({expression})";

    public override string RowsChecksum(params string[] columns) =>
        $"bit_xor(('x' || substr(md5(concat_ws('|', {string.Join(", ", columns)})), 1, 15))::bit(60)::bigint)";

    public override string EpochMicros(string expression) => $"CAST(EXTRACT(EPOCH FROM {expression}) * 1000000 AS BIGINT)";

    public override string EpochSeconds(string expression) => $"EXTRACT(EPOCH FROM {expression})";

    public override string IsNan(string expression) => $"({expression} = 'NaN'::float8)";

    public override string CastToString(string expression) => $"CAST({expression} AS TEXT)";

    public override string StarExcept(params string[] columns) =>
        throw new NotSupportedException("PostgreSQL has no SELECT * EXCEPT: the uplift feature query cannot run on this dialect.");
}

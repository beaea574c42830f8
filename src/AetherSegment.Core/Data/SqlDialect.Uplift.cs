using System.Globalization;

namespace AetherSegment.Data;

/// <content>The members uplift scoring SQL and the feature query need.</content>
public sealed partial class SqlDialect
{
    /// <summary>A string literal, escaped for the dialect (<c>''</c> in DuckDB, a backslash in GoogleSQL).</summary>
    /// <param name="value">The text; a model's level name, never user SQL.</param>
    public string StringLiteral(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string escaped = IsBigQuery
            ? value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)
            : value.Replace("'", "''", StringComparison.Ordinal);
        return "'" + escaped + "'";
    }

    /// <summary>A FLOAT64/DOUBLE literal that reads back as exactly <paramref name="value"/> (shortest round-trip digits with an exponent, so DuckDB does not read it as DECIMAL).</summary>
    /// <param name="value">A finite number.</param>
    public static string DoubleLiteral(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite numbers have SQL literals.");
        }

        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('E', StringComparison.Ordinal) ? text : text + "E0";
    }

    /// <summary>Quotes a column name that comes from a model or a file header, escaping the quote character.</summary>
    /// <param name="name">The column name.</param>
    /// <exception cref="AetherSegmentInputException">The name is empty or holds control characters.</exception>
    public string QuoteColumnName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Any(char.IsControl))
        {
            throw new AetherSegmentInputException(name ?? string.Empty, $"'{name}' cannot be used as a SQL column name.");
        }

        string q = IdentifierQuote.ToString();
        string escaped = IsBigQuery ? name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(q, "\\" + q, StringComparison.Ordinal) : name.Replace(q, q + q, StringComparison.Ordinal);
        return IdentifierQuote + escaped + IdentifierQuote;
    }

    /// <summary>A test that a numeric expression is NaN (<c>isnan(x)</c> in DuckDB, <c>IS_NAN(x)</c> in GoogleSQL).</summary>
    public string IsNan(string expression) => IsBigQuery ? $"IS_NAN({expression})" : $"isnan({expression})";

    /// <summary>A cast of an expression to the dialect's string type (VARCHAR or STRING).</summary>
    public string CastToString(string expression) => IsBigQuery ? $"CAST({expression} AS STRING)" : $"CAST({expression} AS VARCHAR)";

    /// <summary>A cast of an expression to the dialect's double type (DOUBLE or FLOAT64).</summary>
    public string CastToDouble(string expression) => IsBigQuery ? $"CAST({expression} AS FLOAT64)" : $"CAST({expression} AS DOUBLE)";

    /// <summary>Seconds since the Unix epoch of a TIMESTAMP expression (<c>epoch(x)</c> in DuckDB, <c>UNIX_SECONDS(x)</c> in GoogleSQL).</summary>
    public string EpochSeconds(string expression) => IsBigQuery ? $"UNIX_SECONDS({expression})" : $"epoch({expression})";
}

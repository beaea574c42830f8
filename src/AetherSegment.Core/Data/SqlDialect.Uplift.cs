using System.Globalization;

namespace AetherSegment.Data;

/// <content>The members uplift scoring SQL and the feature query need.</content>
public abstract partial class SqlDialect
{
    /// <summary>A string literal, escaped for the dialect (<c>''</c> in DuckDB, a backslash in GoogleSQL).</summary>
    /// <param name="value">The text; a model's level name, never user SQL.</param>
    /// <value>The default doubles single quotes, as standard SQL does.</value>
    public virtual string StringLiteral(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
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

        return IdentifierQuote + EscapeColumnName(name) + IdentifierQuote;
    }

    /// <summary>Escapes the quote character inside a column name that <see cref="QuoteColumnName(string)"/> quotes.</summary>
    /// <param name="name">A non-empty column name without control characters.</param>
    /// <value>The default doubles <see cref="IdentifierQuote"/>, as standard SQL does.</value>
    protected virtual string EscapeColumnName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string q = IdentifierQuote.ToString();
        return name.Replace(q, q + q, StringComparison.Ordinal);
    }

    /// <summary>
    /// A cheap statement describing a table's state (<c>n</c>, <c>last_sent_us</c>, <c>layout</c>, <c>pending_updates</c>:
    /// its row count, the latest <paramref name="timestampColumn"/> in microseconds, a hash of its storage layout, and
    /// whether in-place updates are not yet checkpointed), so a cached checksum of the table can be reused while the
    /// state is unchanged (<c>CampaignHistoryVersion</c>); null when the engine exposes no storage layout (the checksum is
    /// then computed every time).
    /// </summary>
    /// <param name="table">The table, from the profile's mapping (configuration, not a request value).</param>
    /// <param name="timestampColumn">The table's send time column, already quoted for the dialect.</param>
    /// <value>The default is null.</value>
    internal virtual string? TableStateProbe(string table, string timestampColumn) => null;

    /// <summary>A test that a numeric expression is NaN (<c>isnan(x)</c> in DuckDB, <c>IS_NAN(x)</c> in GoogleSQL).</summary>
    public abstract string IsNan(string expression);

    /// <summary>A cast of an expression to the dialect's string type (VARCHAR or STRING).</summary>
    /// <value>The default casts to <c>VARCHAR</c>.</value>
    public virtual string CastToString(string expression) => $"CAST({expression} AS VARCHAR)";

    /// <summary>A cast of an expression to the dialect's double type (DOUBLE or FLOAT64).</summary>
    /// <value>The default casts to standard SQL's <c>DOUBLE PRECISION</c>.</value>
    public virtual string CastToDouble(string expression) => $"CAST({expression} AS DOUBLE PRECISION)";

    /// <summary>Seconds since the Unix epoch of a TIMESTAMP expression (<c>epoch(x)</c> in DuckDB, <c>UNIX_SECONDS(x)</c> in GoogleSQL).</summary>
    public abstract string EpochSeconds(string expression);

    /// <summary>
    /// The modifier after <c>*</c> that leaves columns out of a star select: <c>EXCLUDE (a, b)</c> in DuckDB,
    /// <c>EXCEPT (a, b)</c> in GoogleSQL. The uplift feature query needs it.
    /// </summary>
    /// <param name="columns">Column names, data model identifiers.</param>
    public abstract string StarExcept(params string[] columns);
}

using System.Globalization;

namespace AetherSegment.Data;

/// <summary>
/// The differences between the SQL dialects AetherSegment compiles to (DuckDB and GoogleSQL). One compiler per feature
/// writes SQL through a dialect; features add their own members in <c>SqlDialect.&lt;Feature&gt;.cs</c> partial files.
/// </summary>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed partial class SqlDialect
{
    private SqlDialect(string name, char parameterPrefix, char identifierQuote)
    {
        Name = name;
        ParameterPrefix = parameterPrefix;
        IdentifierQuote = identifierQuote;
    }

    /// <summary>The embedded DuckDB dialect.</summary>
    public static SqlDialect DuckDB { get; } = new("duckdb", '$', '"');

    /// <summary>BigQuery's GoogleSQL dialect (tables are resolved through the job's default dataset).</summary>
    public static SqlDialect BigQuery { get; } = new("bigquery", '@', '`');

    /// <summary>The dialect's short name: <c>duckdb</c> or <c>bigquery</c>.</summary>
    public string Name { get; }

    /// <summary>The character that starts a named parameter placeholder.</summary>
    public char ParameterPrefix { get; }

    /// <summary>The character that quotes an identifier.</summary>
    public char IdentifierQuote { get; }

    /// <summary>Whether this is BigQuery's GoogleSQL.</summary>
    public bool IsBigQuery => ReferenceEquals(this, BigQuery);

    /// <summary>Finds a dialect by name (<c>duckdb</c>, <c>bigquery</c> or <c>googlesql</c>).</summary>
    /// <returns>The dialect, or <see langword="null"/> for an unknown name.</returns>
    public static SqlDialect? FromName(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "duckdb" => DuckDB,
        "bigquery" or "googlesql" => BigQuery,
        _ => null,
    };

    /// <summary>The placeholder for a named parameter (<c>$name</c> or <c>@name</c>).</summary>
    public string Parameter(string name) => string.Create(CultureInfo.InvariantCulture, $"{ParameterPrefix}{name}");

    /// <summary>Quotes an identifier that comes from the data model (never from user input).</summary>
    public string Quote(string identifier) =>
        string.Create(CultureInfo.InvariantCulture, $"{IdentifierQuote}{identifier}{IdentifierQuote}");

    /// <inheritdoc />
    public override string ToString() => Name;
}

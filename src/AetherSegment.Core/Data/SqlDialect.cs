using System.Globalization;

namespace AetherSegment.Data;

/// <summary>
/// The differences between the SQL dialects AetherSegment compiles to. One compiler per feature writes SQL through a
/// dialect; features add their own members in <c>SqlDialect.&lt;Feature&gt;.cs</c> partial files. Core ships DuckDB
/// (<see cref="DuckDB"/>) and BigQuery's GoogleSQL (<see cref="BigQuery"/>); a store for another engine derives its
/// own dialect from this class and overrides the members whose SQL differs.
/// </summary>
/// <remarks>
/// Instances must be immutable and thread-safe. Every member builds SQL text from data model identifiers, model values
/// and parameter names, never from user input: user values always travel as parameters.
/// </remarks>
public abstract partial class SqlDialect
{
    /// <summary>Initializes a dialect.</summary>
    /// <param name="name">The dialect's short name, recorded with stored segments and in model cache keys.</param>
    /// <param name="parameterPrefix">The character that starts a named parameter placeholder (<c>$</c>, <c>@</c>, <c>:</c>).</param>
    /// <param name="identifierQuote">The character that quotes an identifier (<c>"</c> or <c>`</c>).</param>
    protected SqlDialect(string name, char parameterPrefix, char identifierQuote)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        ParameterPrefix = parameterPrefix;
        IdentifierQuote = identifierQuote;
    }

    /// <summary>The embedded DuckDB dialect.</summary>
    public static SqlDialect DuckDB { get; } = new DuckDBSqlDialect();

    /// <summary>BigQuery's GoogleSQL dialect (tables are resolved through the job's default dataset).</summary>
    public static SqlDialect BigQuery { get; } = new GoogleSqlDialect();

    /// <summary>The dialect's short name, for example <c>duckdb</c> or <c>bigquery</c>.</summary>
    public string Name { get; }

    /// <summary>The character that starts a named parameter placeholder.</summary>
    public char ParameterPrefix { get; }

    /// <summary>The character that quotes an identifier.</summary>
    public char IdentifierQuote { get; }

    /// <summary>How the dialect is named to a language model writing SQL for it (for example <c>DuckDB</c>).</summary>
    /// <value>The default value is <see cref="Name"/>.</value>
    public virtual string Description => Name;

    /// <summary>Finds one of Core's dialects by name (<c>duckdb</c>, <c>bigquery</c> or <c>googlesql</c>).</summary>
    /// <returns>The dialect, or <see langword="null"/> for an unknown name.</returns>
    public static SqlDialect? FromName(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "duckdb" => DuckDB,
        "bigquery" or "googlesql" => BigQuery,
        _ => null,
    };

    /// <summary>The placeholder for a named parameter (<c>$name</c> or <c>@name</c>).</summary>
    public virtual string Parameter(string name) => string.Create(CultureInfo.InvariantCulture, $"{ParameterPrefix}{name}");

    /// <summary>Quotes an identifier that comes from the data model (never from user input).</summary>
    public virtual string Quote(string identifier) =>
        string.Create(CultureInfo.InvariantCulture, $"{IdentifierQuote}{identifier}{IdentifierQuote}");

    /// <inheritdoc />
    public override string ToString() => Name;
}

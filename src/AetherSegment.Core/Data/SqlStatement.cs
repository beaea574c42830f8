using System.Text.Json.Serialization;

namespace AetherSegment.Data;

/// <summary>A parameterized SQL statement in one dialect: the text references parameters by name only.</summary>
/// <param name="Sql">The SQL text, with placeholders written by the dialect (<c>$name</c> in DuckDB, <c>@name</c> in GoogleSQL).</param>
/// <param name="Parameters">The named parameters the text references.</param>
public sealed record SqlStatement(
    [property: JsonPropertyName("sql")] string Sql,
    [property: JsonPropertyName("parameters")] IReadOnlyList<QueryParameter> Parameters)
{
    /// <summary>A statement without parameters.</summary>
    public SqlStatement(string sql)
        : this(sql, [])
    {
    }
}

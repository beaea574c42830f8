using System.Text.Json;
using AetherSegment.Data;
using AetherSegment.Profiles;

namespace AetherSegment.DuckDB.Profiles;

/// <summary>
/// Parses a profile's column expression with DuckDB's own parser (<c>json_serialize_sql</c>, the statement passed as a
/// parameter, never run) and accepts only one SELECT of exactly one expression from one base table, with no WHERE,
/// GROUP BY, HAVING, ORDER, LIMIT, CTE, set operation or subquery: an expression such as
/// <c>x FROM t UNION SELECT secret FROM other</c> or <c>(SELECT ...)</c> is refused.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class DuckDBProfileExpressionValidator : IProfileExpressionValidator
{
    private readonly IDataStore _store;

    /// <summary>Creates the validator over a DuckDB store.</summary>
    /// <param name="store">The store (its dialect must be DuckDB's).</param>
    public DuckDBProfileExpressionValidator(IDataStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <inheritdoc/>
    public async Task<string?> ValidateAsync(string selectSql, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selectSql);
        QueryResult result = await _store.QueryAsync(
            new SqlStatement("SELECT json_serialize_sql(CAST($sql AS VARCHAR)) AS tree", [QueryParameter.String("sql", selectSql)]),
            cancellationToken).ConfigureAwait(false);
        return Check(result.Scalar() as string ?? "");
    }

    internal static string? Check(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 512 });
        JsonElement root = document.RootElement;
        if (!root.TryGetProperty("error", out JsonElement error) || error.ValueKind != JsonValueKind.False)
        {
            string message = root.TryGetProperty("error_message", out JsonElement m) ? m.GetString() ?? "" : "";
            return $"the parser refused it ({message.ReplaceLineEndings(" ")})";
        }

        if (!root.TryGetProperty("statements", out JsonElement statements) || statements.GetArrayLength() != 1)
        {
            return "it reads as more than one statement";
        }

        JsonElement node = statements[0].GetProperty("node");
        if (Text(node, "type") != "SELECT_NODE")
        {
            return "it reads as more than one query (a set operation)";
        }

        if (!node.TryGetProperty("select_list", out JsonElement list) || list.GetArrayLength() != 1)
        {
            return "it reads as more than one column";
        }

        if (!node.TryGetProperty("from_table", out JsonElement from) || Text(from, "type") != "BASE_TABLE")
        {
            return "it adds a join or another relation";
        }

        foreach (string clause in (string[])["where_clause", "having", "qualify", "sample"])
        {
            if (node.TryGetProperty(clause, out JsonElement value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            {
                return $"it adds a clause ({clause})";
            }
        }

        foreach (string clause in (string[])["modifiers", "group_expressions"])
        {
            if (node.TryGetProperty(clause, out JsonElement value) && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0)
            {
                return $"it adds a clause ({clause})";
            }
        }

        if (node.TryGetProperty("group_sets", out JsonElement sets) && sets.ValueKind == JsonValueKind.Array && sets.GetArrayLength() > 0)
        {
            return "it adds a GROUP BY";
        }

        if (node.TryGetProperty("cte_map", out JsonElement cte) && cte.TryGetProperty("map", out JsonElement map) && map.ValueKind == JsonValueKind.Array && map.GetArrayLength() > 0)
        {
            return "it adds a WITH clause";
        }

        return HasSubquery(list[0]) ? "it contains a subquery" : null;
    }

    private static bool HasSubquery(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => (Text(element, "class") == "SUBQUERY" || Text(element, "type") == "SUBQUERY")
            || element.EnumerateObject().Any(p => HasSubquery(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Any(HasSubquery),
        _ => false,
    };

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

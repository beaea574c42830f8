using System.Text.Json;
using AetherSegment.Analytics;

namespace AetherSegment.DuckDB.Analytics;

/// <summary>
/// Decides what a statement reads from DuckDB's own parse tree (<c>json_serialize_sql</c>), not from the text: exactly
/// one SELECT; relations only the listed base views (no catalog or schema, no table function, no VALUES, PIVOT or
/// recursive CTE) or CTEs in scope; columns only listed columns or names the statement itself defines, never a bare
/// relation or alias used as a value (DuckDB reads that as the whole row as a struct); functions only an allowlist of
/// scalar, aggregate and window functions; no parameters, lambdas or unknown node kinds. Anything it does not know is
/// refused.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class DuckDBSqlTreeGuard
{
    private static readonly HashSet<string> QueryNodes = new(StringComparer.Ordinal) { "SELECT_NODE", "SET_OPERATION_NODE" };

    private static readonly HashSet<string> PlainTypes = new(StringComparer.Ordinal)
    {
        "ORDER_MODIFIER", "LIMIT_MODIFIER", "DISTINCT_MODIFIER", "LIMIT_PERCENT_MODIFIER", "ASCENDING", "DESCENDING", "ORDER_DEFAULT",
    };

    private static readonly HashSet<string> JoinRefTypes = new(StringComparer.Ordinal) { "REGULAR", "CROSS", "NATURAL" };

    private static readonly HashSet<string> ExpressionClasses = new(StringComparer.Ordinal)
    {
        "CONSTANT", "COLUMN_REF", "FUNCTION", "WINDOW", "CAST", "COMPARISON", "CONJUNCTION", "OPERATOR", "CASE", "BETWEEN",
        "SUBQUERY", "STAR", "POSITIONAL_REFERENCE",
    };

    private static readonly HashSet<string> OperatorTypes = new(StringComparer.Ordinal)
    {
        "OPERATOR_NOT", "OPERATOR_IS_NULL", "OPERATOR_IS_NOT_NULL", "COMPARE_IN", "COMPARE_NOT_IN", "OPERATOR_COALESCE", "OPERATOR_NULLIF",
    };

    /// <summary>Operators and the internal names DuckDB's parser gives to SQL syntax (LIKE, ||, INTERVAL, EXTRACT, count(*)).</summary>
    private static readonly HashSet<string> SyntaxFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "+", "-", "*", "/", "//", "%", "^", "**", "||", "~~", "!~~", "~~*", "!~~*", "count_star", "date_part", "trunc", "to_years",
        "to_months", "to_weeks", "to_days", "to_hours", "to_minutes", "to_seconds", "to_milliseconds", "to_microseconds", "today",
        "get_current_timestamp", "current_date", "current_timestamp", "epoch", "yearweek", "isodow", "dayofmonth", "quarter", "list_value",
    };

    /// <summary>Checks a <c>json_serialize_sql</c> result.</summary>
    /// <param name="json">The parse tree as DuckDB serialized it.</param>
    /// <param name="tables">The relations a statement may read, each with the columns it may name.</param>
    /// <returns>The verdict, with the reason when refused.</returns>
    public static SqlGuardVerdict Check(string json, IReadOnlyDictionary<string, IReadOnlyList<string>> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 512 });
        }
        catch (JsonException)
        {
            return SqlGuardVerdict.Refuse("the engine's parse tree could not be read.");
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out JsonElement error) || error.ValueKind != JsonValueKind.False)
            {
                string message = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error_message", out JsonElement m) && m.ValueKind == JsonValueKind.String
                    ? m.GetString()!
                    : "unknown error";
                return SqlGuardVerdict.Refuse($"the engine's parser refused it: only a single SELECT statement may run ({OneLine(message)}).");
            }

            if (!root.TryGetProperty("statements", out JsonElement statements) || statements.ValueKind != JsonValueKind.Array || statements.GetArrayLength() != 1)
            {
                return SqlGuardVerdict.Refuse("only one statement may run.");
            }

            Walker walker = new(tables);
            JsonElement statement = statements[0];
            if (!statement.TryGetProperty("node", out JsonElement node))
            {
                return SqlGuardVerdict.Refuse("the statement is not a SELECT.");
            }

            walker.Collect(statement);
            walker.Query(node, []);
            return walker.Reason is null ? SqlGuardVerdict.Allow("") : SqlGuardVerdict.Refuse(walker.Reason);
        }
    }

    private static string OneLine(string text)
    {
        string line = text.ReplaceLineEndings(" ");
        return line.Length > 200 ? line[..200] + "…" : line;
    }

    private sealed class Walker
    {
        private readonly Dictionary<string, HashSet<string>> _tables;
        private readonly HashSet<string> _columns = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _relations = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _defined = new(StringComparer.OrdinalIgnoreCase);

        public Walker(IReadOnlyDictionary<string, IReadOnlyList<string>> tables)
        {
            _tables = new(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, IReadOnlyList<string>> table in tables)
            {
                _tables[table.Key] = new HashSet<string>(table.Value, StringComparer.OrdinalIgnoreCase);
                _columns.UnionWith(table.Value);
            }
        }

        public string? Reason { get; private set; }

        /// <summary>First pass: every relation name and alias, and every name the statement defines (aliases, CTE columns).</summary>
        public void Collect(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in element.EnumerateArray())
                {
                    Collect(item);
                }

                return;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            bool expression = element.TryGetProperty("class", out _);
            foreach (JsonProperty property in element.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "alias" when property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is { Length: > 0 } alias:
                        (expression ? _defined : _relations).Add(alias);
                        break;
                    case "table_name" when property.Value.ValueKind == JsonValueKind.String:
                        _relations.Add(property.Value.GetString()!);
                        break;
                    case "column_name_alias" or "aliases" when property.Value.ValueKind == JsonValueKind.Array:
                        foreach (JsonElement name in property.Value.EnumerateArray())
                        {
                            if (name.ValueKind == JsonValueKind.String)
                            {
                                _defined.Add(name.GetString()!);
                            }
                        }

                        break;
                    case "cte_map" when property.Value.TryGetProperty("map", out JsonElement map) && map.ValueKind == JsonValueKind.Array:
                        foreach (JsonElement entry in map.EnumerateArray())
                        {
                            if (entry.TryGetProperty("key", out JsonElement key) && key.ValueKind == JsonValueKind.String)
                            {
                                _relations.Add(key.GetString()!);
                            }
                        }

                        break;
                }

                Collect(property.Value);
            }
        }

        /// <summary>A query node (SELECT or set operation) with the CTE names visible to it.</summary>
        public void Query(JsonElement node, IReadOnlyCollection<string> ctes)
        {
            if (Reason is not null)
            {
                return;
            }

            string type = TypeOf(node);
            if (!QueryNodes.Contains(type))
            {
                Refuse(type == "RECURSIVE_CTE_NODE"
                    ? "recursive CTEs are not allowed."
                    : $"{Describe(type)} is not allowed: only SELECT queries may run.");
                return;
            }

            HashSet<string> scope = new(ctes, StringComparer.OrdinalIgnoreCase);
            if (node.TryGetProperty("cte_map", out JsonElement cteMap) && cteMap.TryGetProperty("map", out JsonElement map))
            {
                foreach (JsonElement entry in map.EnumerateArray())
                {
                    string name = entry.GetProperty("key").GetString()!;
                    JsonElement value = entry.GetProperty("value");
                    if (value.TryGetProperty("query", out JsonElement statement) && statement.TryGetProperty("node", out JsonElement body))
                    {
                        // A CTE sees the CTEs written before it, not itself: a reference to its own name reads the table.
                        Query(body, scope);
                    }
                    else
                    {
                        Refuse($"CTE {name} has no query.");
                    }

                    Walk(value, scope, skip: "query");
                    scope.Add(name);
                }
            }

            foreach (JsonProperty property in node.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "cte_map" or "type":
                        break;
                    case "left" or "right" when type == "SET_OPERATION_NODE":
                        Query(property.Value, scope);
                        break;
                    case "from_table":
                        TableRef(property.Value, scope);
                        break;
                    default:
                        Walk(property.Value, scope);
                        break;
                }
            }
        }

        private void TableRef(JsonElement table, HashSet<string> ctes)
        {
            if (Reason is not null)
            {
                return;
            }

            string type = TypeOf(table);
            switch (type)
            {
                case "EMPTY":
                    return;
                case "BASE_TABLE":
                    string name = Text(table, "table_name");
                    if (Text(table, "schema_name").Length > 0 || Text(table, "catalog_name").Length > 0)
                    {
                        Refuse($"{Text(table, "catalog_name")}.{Text(table, "schema_name")}.{name} is not allowed: name the views without a schema or catalog.".TrimStart('.'));
                    }
                    else if (!ctes.Contains(name) && !_tables.ContainsKey(name))
                    {
                        Refuse($"relation {name} is not allowed: only {string.Join(", ", _tables.Keys)} may be read.");
                    }
                    else if (table.TryGetProperty("at_clause", out JsonElement at) && at.ValueKind != JsonValueKind.Null)
                    {
                        Refuse("AT (time travel) clauses are not allowed.");
                    }

                    Walk(table, ctes, skip: "at_clause");
                    return;
                case "JOIN":
                    string refType = Text(table, "ref_type");
                    if (!JoinRefTypes.Contains(refType))
                    {
                        Refuse($"{refType} joins are not allowed.");
                        return;
                    }

                    TableRef(table.GetProperty("left"), ctes);
                    TableRef(table.GetProperty("right"), ctes);
                    foreach (JsonProperty property in table.EnumerateObject())
                    {
                        if (property.Name is not ("left" or "right"))
                        {
                            Walk(property.Value, ctes);
                        }
                    }

                    return;
                case "SUBQUERY":
                    if (table.TryGetProperty("subquery", out JsonElement subquery) && subquery.TryGetProperty("node", out JsonElement node))
                    {
                        Query(node, ctes);
                    }
                    else
                    {
                        Refuse("a subquery without a query is not allowed.");
                    }

                    Walk(table, ctes, skip: "subquery");
                    return;
                case "TABLE_FUNCTION":
                    string function = table.TryGetProperty("function", out JsonElement call) ? Text(call, "function_name") : "?";
                    Refuse($"table function {function} is not allowed: only {string.Join(", ", _tables.Keys)} may be read.");
                    return;
                default:
                    Refuse($"{Describe(type)} is not allowed in FROM: only {string.Join(", ", _tables.Keys)} may be read.");
                    return;
            }
        }

        private void Walk(JsonElement element, HashSet<string> ctes, string? skip = null)
        {
            if (Reason is not null)
            {
                return;
            }

            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in element.EnumerateArray())
                {
                    Walk(item, ctes);
                }

                return;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            if (element.TryGetProperty("class", out JsonElement kind) && kind.ValueKind == JsonValueKind.String && skip is null)
            {
                Expression(element, kind.GetString()!, ctes);
                return;
            }

            if (skip is null && element.TryGetProperty("type", out JsonElement type) && type.ValueKind == JsonValueKind.String)
            {
                string name = type.GetString()!;
                if (QueryNodes.Contains(name) || name == "RECURSIVE_CTE_NODE")
                {
                    Query(element, ctes);
                    return;
                }

                if (!PlainTypes.Contains(name))
                {
                    TableRef(element, ctes);
                    return;
                }
            }

            foreach (JsonProperty property in element.EnumerateObject())
            {
                if (property.Name != skip && property.Name != "type")
                {
                    Walk(property.Value, ctes);
                }
            }
        }

        private void Expression(JsonElement expression, string kind, HashSet<string> ctes)
        {
            string type = Text(expression, "type");
            switch (kind)
            {
                case "COLUMN_REF":
                    ColumnRef(expression);
                    return;
                case "FUNCTION" or "WINDOW":
                    string name = Text(expression, "function_name");
                    if (Text(expression, "catalog").Length > 0 || Text(expression, "schema") is { Length: > 0 } schema && !(schema == "main" && SyntaxFunctions.Contains(name)))
                    {
                        Refuse($"function {name} is not allowed with a schema or catalog.");
                        return;
                    }

                    if (!AnalyticsSqlGuard.AllowedFunctions.Contains(name) && !SyntaxFunctions.Contains(name))
                    {
                        Refuse($"function {name} is not allowed.");
                        return;
                    }

                    break;
                case "OPERATOR" when !OperatorTypes.Contains(type):
                    Refuse($"operator {type} is not allowed.");
                    return;
                case "STAR":
                    string relation = Text(expression, "relation_name");
                    if (relation.Length > 0 && !_relations.Contains(relation))
                    {
                        Refuse($"{relation}.* does not name a relation of the statement.");
                        return;
                    }

                    break;
                case "PARAMETER":
                    Refuse("parameters are not allowed.");
                    return;
                default:
                    if (!ExpressionClasses.Contains(kind))
                    {
                        Refuse($"{Describe(kind)} expressions are not allowed.");
                        return;
                    }

                    break;
            }

            foreach (JsonProperty property in expression.EnumerateObject())
            {
                if (property.Name is "type" or "class" or "value" or "cast_type")
                {
                    continue;
                }

                if (kind == "SUBQUERY" && property.Name == "subquery")
                {
                    if (property.Value.TryGetProperty("node", out JsonElement node))
                    {
                        Query(node, ctes);
                    }
                    else
                    {
                        Refuse("a subquery without a query is not allowed.");
                    }

                    continue;
                }

                Walk(property.Value, ctes);
            }
        }

        private void ColumnRef(JsonElement expression)
        {
            JsonElement names = expression.GetProperty("column_names");
            int count = names.GetArrayLength();
            string column = names[count - 1].GetString() ?? "";
            if (count > 2)
            {
                Refuse($"{string.Join('.', names.EnumerateArray().Select(n => n.GetString()))} is not allowed: name a column as column or relation.column.");
                return;
            }

            if (count == 2)
            {
                string qualifier = names[0].GetString() ?? "";
                if (!_relations.Contains(qualifier))
                {
                    Refuse($"{qualifier}.{column} is not allowed: {qualifier} is not a relation of the statement.");
                    return;
                }
            }
            else if (_relations.Contains(column))
            {
                Refuse($"{column} names a relation, not a column: a relation used as a value returns whole rows and is not allowed.");
                return;
            }

            if (!_columns.Contains(column) && !_defined.Contains(column))
            {
                Refuse($"{column} is not a column of the analytics views.");
            }
        }

        private void Refuse(string reason) => Reason ??= reason;

        private static string TypeOf(JsonElement element) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty("type", out JsonElement type) && type.ValueKind == JsonValueKind.String ? type.GetString()! : "?";

        private static string Text(JsonElement element, string property) =>
            element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

        private static string Describe(string type) => type.Replace('_', ' ').ToLowerInvariant();
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AetherSegment.BigQuery.Tests.Fake;

/// <summary>
/// Rewrites the GoogleSQL AetherSegment emits into DuckDB SQL for the DuckDB-backed fake BigQuery: backticked
/// identifiers, GoogleSQL string literals (backslash escapes, double quotes), named @parameters (inlined as typed
/// literals from the request's queryParameters), <c>IN UNNEST(@list)</c>, <c>* EXCEPT</c>, type names and the few
/// functions whose DuckDB spelling differs (the rest are DuckDB macros, see <see cref="Macros"/>).
/// Anything it does not know stays as it is, so an unsupported construct fails in DuckDB, loudly.
/// </summary>
internal static partial class GoogleSqlToDuckDb
{
    /// <summary>Macros that give DuckDB GoogleSQL's function names with GoogleSQL's semantics.</summary>
    public static readonly string[] Macros =
    [
        // UNIX_SECONDS truncates to whole seconds (toward negative infinity for times before 1970).
        "CREATE OR REPLACE MACRO unix_seconds(x) AS CAST(floor(epoch(x)) AS BIGINT)",
        "CREATE OR REPLACE MACRO unix_micros(x) AS epoch_us(x)",
        // FARM_FINGERPRINT is a signed INT64: DuckDB's 64-bit hash() (UBIGINT) shifted into the signed range.
        "CREATE OR REPLACE MACRO farm_fingerprint(x) AS CAST(CAST(hash(x) AS HUGEINT) - 9223372036854775808 AS BIGINT)",
        "CREATE OR REPLACE MACRO is_nan(x) AS isnan(x)",
        "CREATE OR REPLACE MACRO safe_divide(a, b) AS CASE WHEN b = 0 THEN NULL ELSE a / b END",
        "CREATE OR REPLACE MACRO timestamp_trunc(x, part) AS CAST(date_trunc(part, x) AS TIMESTAMP)",
        "CREATE OR REPLACE MACRO timestamp_sub(x, i) AS x - i",
        "CREATE OR REPLACE MACRO timestamp_add(x, i) AS x + i",
        "CREATE OR REPLACE MACRO timestamp_diff(a, b, part) AS date_diff(part, b, a)",
        "CREATE OR REPLACE MACRO logical_or(x) AS bool_or(x)",
        "CREATE OR REPLACE MACRO logical_and(x) AS bool_and(x)",
    ];

    public static string Translate(string sql, JsonArray? parameters)
    {
        Dictionary<string, JsonNode> byName = new(StringComparer.OrdinalIgnoreCase);
        foreach (JsonNode? p in parameters ?? [])
        {
            byName[p!["name"]!.GetValue<string>()] = p;
        }

        StringBuilder output = new();
        StringBuilder code = new();
        int i = 0;
        while (i < sql.Length)
        {
            char c = sql[i];
            if (c is '\'' or '"')
            {
                FlushCode(code, output);
                (string text, int end) = ReadString(sql, i);
                output.Append(Literal(text));
                i = end;
            }
            else if (c == '`')
            {
                int end = sql.IndexOf('`', i + 1);
                string name = sql[(i + 1)..end].Replace("\\`", "`", StringComparison.Ordinal);
                code.Append('"').Append(name.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
                i = end + 1;
            }
            else if (c == '@' && i + 1 < sql.Length && (char.IsLetter(sql[i + 1]) || sql[i + 1] == '_'))
            {
                int end = i + 1;
                while (end < sql.Length && (char.IsLetterOrDigit(sql[end]) || sql[end] == '_'))
                {
                    end++;
                }

                string name = sql[(i + 1)..end];
                code.Append('\u0001').Append(name).Append('\u0001');
                i = end;
            }
            else
            {
                code.Append(c);
                i++;
            }
        }

        FlushCode(code, output);
        string translated = output.ToString();
        translated = InUnnest().Replace(translated, m => $"IN (SELECT UNNEST({Value(byName, m.Groups[1].Value)}))");
        translated = ParameterMarker().Replace(translated, m => Value(byName, m.Groups[1].Value));
        translated = InformationSchemaColumns().Replace(translated, InformationSchemaColumnsView);
        return translated;
    }

    private static void FlushCode(StringBuilder code, StringBuilder output)
    {
        string s = code.ToString();
        s = TypeName().Replace(s, m => "AS " + m.Groups[1].Value.ToUpperInvariant() switch
        {
            "FLOAT64" => "DOUBLE",
            "INT64" => "BIGINT",
            "STRING" => "VARCHAR",
            "BOOL" => "BOOLEAN",
            "NUMERIC" => "DECIMAL(38, 9)",
            _ => m.Groups[1].Value,
        });
        s = DatePart().Replace(s, m => ", '" + (string.Equals(m.Groups[1].Value, "ISOWEEK", StringComparison.OrdinalIgnoreCase) ? "week" : m.Groups[1].Value.ToLowerInvariant()) + "')");
        s = StarExcept().Replace(s, "* EXCLUDE (");
        s = CurrentTimestamp().Replace(s, "CAST(now() AS TIMESTAMP)");
        // GoogleSQL's SHA256 gives BYTES and TO_HEX spells them; DuckDB's sha256 gives the hex text at once.
        s = HexOfSha256().Replace(s, "(sha256(");
        output.Append(s);
        code.Clear();
    }

    private static (string Text, int End) ReadString(string sql, int start)
    {
        char quote = sql[start];
        StringBuilder text = new();
        int i = start + 1;
        while (i < sql.Length)
        {
            char c = sql[i];
            if (c == '\\' && i + 1 < sql.Length)
            {
                char next = sql[i + 1];
                text.Append(next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => next });
                i += 2;
                continue;
            }

            if (c == quote)
            {
                return (text.ToString(), i + 1);
            }

            text.Append(c);
            i++;
        }

        throw new FormatException("Unterminated string literal in: " + sql);
    }

    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Value(Dictionary<string, JsonNode> parameters, string name)
    {
        if (!parameters.TryGetValue(name, out JsonNode? p))
        {
            throw new FormatException($"Query parameter '{name}' not found");
        }

        JsonNode type = p["parameterType"]!;
        JsonNode? value = p["parameterValue"];
        string typeName = type["type"]!.GetValue<string>();
        if (typeName == "ARRAY")
        {
            JsonArray? items = value?["arrayValues"]?.AsArray();
            return items is null || items.Count == 0
                ? "CAST([] AS VARCHAR[])"
                : "[" + string.Join(", ", items.Select(item => Literal(item!["value"]!.GetValue<string>()))) + "]";
        }

        string? text = value?["value"]?.GetValue<string>();
        if (text is null)
        {
            return typeName switch
            {
                "INT64" => "CAST(NULL AS BIGINT)",
                "FLOAT64" => "CAST(NULL AS DOUBLE)",
                "BOOL" => "CAST(NULL AS BOOLEAN)",
                "TIMESTAMP" => "CAST(NULL AS TIMESTAMP)",
                _ => "CAST(NULL AS VARCHAR)",
            };
        }

        return typeName switch
        {
            "INT64" => "CAST(" + long.Parse(text, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) + " AS BIGINT)",
            "FLOAT64" => "CAST(" + Literal(double.Parse(text, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)) + " AS DOUBLE)",
            "BOOL" => bool.Parse(text) ? "TRUE" : "FALSE",
            "TIMESTAMP" => "CAST(" + Literal(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)) + " AS TIMESTAMP)",
            _ => "CAST(" + Literal(text) + " AS VARCHAR)",
        };
    }

    [GeneratedRegex("\\bIN\\s+UNNEST\\(\\s*\u0001(\\w+)\u0001\\s*\\)", RegexOptions.IgnoreCase)]
    private static partial Regex InUnnest();

    [GeneratedRegex("\u0001(\\w+)\u0001")]
    private static partial Regex ParameterMarker();

    [GeneratedRegex("\\bAS\\s+(FLOAT64|INT64|STRING|BOOL|NUMERIC)\\b", RegexOptions.IgnoreCase)]
    private static partial Regex TypeName();

    [GeneratedRegex(",\\s*(DAY|ISOWEEK|WEEK|MONTH|YEAR|HOUR|MINUTE|SECOND)\\s*\\)", RegexOptions.IgnoreCase)]
    private static partial Regex DatePart();

    [GeneratedRegex("\\*\\s*EXCEPT\\s*\\(", RegexOptions.IgnoreCase)]
    private static partial Regex StarExcept();

    [GeneratedRegex("\\bCURRENT_TIMESTAMP\\(\\)", RegexOptions.IgnoreCase)]
    private static partial Regex CurrentTimestamp();

    /// <summary>
    /// The dataset's <c>INFORMATION_SCHEMA.COLUMNS</c> (qualified or not) as BigQuery shows it: table_name, column_name,
    /// ordinal_position and data_type with GoogleSQL type names.
    /// </summary>
    private const string InformationSchemaColumnsView =
        """
        (SELECT table_name, column_name, ordinal_position,
           CASE WHEN data_type = 'VARCHAR' THEN 'STRING'
                WHEN data_type IN ('BIGINT', 'INTEGER', 'SMALLINT', 'TINYINT', 'HUGEINT') THEN 'INT64'
                WHEN data_type IN ('DOUBLE', 'FLOAT') THEN 'FLOAT64'
                WHEN data_type LIKE 'DECIMAL%' THEN 'NUMERIC'
                WHEN data_type = 'BOOLEAN' THEN 'BOOL'
                WHEN data_type LIKE 'TIMESTAMP%' THEN 'TIMESTAMP'
                ELSE data_type END AS data_type
         FROM information_schema.columns WHERE table_schema = 'main')
        """;

    [GeneratedRegex("(?:\"[^\"]*\"\\.)?\\bINFORMATION_SCHEMA\\.COLUMNS\\b", RegexOptions.IgnoreCase)]
    private static partial Regex InformationSchemaColumns();

    [GeneratedRegex("\\bTO_HEX\\s*\\(\\s*SHA256\\s*\\(", RegexOptions.IgnoreCase)]
    private static partial Regex HexOfSha256();
}

using System.Text.RegularExpressions;
using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.Segments;
using AetherSegment.Synthetic.Profiles;

namespace AetherSegment.Core.Tests.Segments;

/// <summary>
/// A structural check of GoogleSQL written independently of the compiler (no GoogleSQL parser is available on NuGet here):
/// it tokenizes the text and checks the rules BigQuery enforces that DuckDB does not, plus table and column references
/// against the data model and the parameter list.
/// </summary>
internal static partial class GoogleSqlChecker
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "EXISTS", "IN", "UNNEST", "AS", "LEFT", "JOIN", "ON", "GROUP", "BY", "ORDER",
        "LIMIT", "DESC", "ASC", "WITH", "CASE", "WHEN", "THEN", "ELSE", "END", "SUM", "COUNT", "MAX", "AVG", "IS", "NULL", "TRUE", "FALSE",
        "UNION", "ALL",
    };

    public static IReadOnlyList<string> Problems(SqlStatement statement)
    {
        List<string> problems = [];
        string sql = statement.Sql;
        foreach ((string pattern, string why) in new[]
        {
            ("$", "DuckDB parameter prefix $"), ("::", "DuckDB cast ::"), ("ANY(", "DuckDB ANY(list)"), ("ILIKE", "ILIKE is not GoogleSQL"),
            ("\"", "double-quoted identifiers are DuckDB style"), ("count_if", "count_if is DuckDB"), (" FILTER (", "FILTER clauses are not GoogleSQL"),
            ("INTERVAL", "window arithmetic belongs in parameters"), ("now()", "now() is not deterministic"), ("current_timestamp", "as-of comes from a parameter"),
        })
        {
            if (sql.Contains(pattern, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(why);
            }
        }

        int depth = 0;
        foreach (char c in StripLiterals(sql))
        {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0)
            {
                problems.Add("unbalanced parentheses");
            }
        }

        if (depth != 0)
        {
            problems.Add("unbalanced parentheses");
        }

        HashSet<string> declared = [.. statement.Parameters.Select(p => p.Name)];
        HashSet<string> used = [.. ParameterPattern().Matches(sql).Select(m => m.Groups[1].Value)];
        problems.AddRange(used.Except(declared).Select(p => $"@{p} is not declared"));
        problems.AddRange(declared.Except(used).Select(p => $"parameter {p} is never used"));
        foreach (QueryParameter array in statement.Parameters.Where(p => p.Type == QueryParameterType.StringArray))
        {
            if (!sql.Contains($"IN UNNEST(@{array.Name})", StringComparison.Ordinal))
            {
                problems.Add($"array @{array.Name} is not used as IN UNNEST(@{array.Name})");
            }
        }

        Dictionary<string, TableDefinition> aliases = new(StringComparer.Ordinal);
        foreach (Match from in TablePattern().Matches(sql))
        {
            bool chainStep = ChainStepPattern().IsMatch(from.Groups[1].Value);
            TableDefinition? table = DataSchema.Find(from.Groups[1].Value) ?? Find(from.Groups[1].Value);
            if (table is null && !chainStep)
            {
                problems.Add($"unknown table {from.Groups[1].Value}");
            }
            else if (table is not null)
            {
                aliases[from.Groups[2].Value] = table;
            }
        }

        foreach (Match column in ColumnPattern().Matches(StripLiterals(sql)))
        {
            string alias = column.Groups[1].Value;
            if (aliases.TryGetValue(alias, out TableDefinition? table) && !table.HasColumn(column.Groups[2].Value))
            {
                problems.Add($"{table.Name} has no column {column.Groups[2].Value}");
            }
        }

        foreach (Match literal in StringLiteralPattern().Matches(sql))
        {
            if (literal.Value is not ("'high'" or "'medium'" or "'low'"))
            {
                problems.Add($"string literal {literal.Value} in SQL: values must be parameters");
            }
        }

        return problems;
    }

    private static TableDefinition? Find(string name) =>
        name == SegmentTables.MembersTableName ? SegmentTables.Members(HomeFurnishingProfile.Load()) : name == SegmentTables.Segments.Name ? SegmentTables.Segments : null;

    private static string StripLiterals(string sql) => StringLiteralPattern().Replace(sql, "''");

    [GeneratedRegex(@"@([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ParameterPattern();

    [GeneratedRegex(@"\b(?:FROM|JOIN)\s+([A-Za-z_][A-Za-z0-9_]*)\s+AS\s+([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex TablePattern();

    [GeneratedRegex(@"\b([a-z])\.([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ColumnPattern();

    [GeneratedRegex(@"^s[0-9]+$")]
    private static partial Regex ChainStepPattern();

    [GeneratedRegex(@"'[^']*'")]
    private static partial Regex StringLiteralPattern();
}

using System.Text.RegularExpressions;
using AetherSegment.Data;

namespace AetherSegment.Analytics;

/// <summary>
/// Checks a language model's SQL against the rule-based reading of the same question: the SQL must read the table of
/// the measure (and of every condition), the columns of the measure, the breakdown and every filter. A statement that
/// does not is an answer to a different question, whatever its rows look like.
/// </summary>
internal static partial class ModelSqlCheck
{
    /// <summary>What the SQL leaves out of the reading, or <see langword="null"/> when it reads everything the question needs.</summary>
    public static string? Mismatch(string sql, AnalyticsQuery reading, SemanticLayer layer, SqlDialect dialect)
    {
        HashSet<string> words = Words(sql);
        List<string> missing = [];
        void NeedTable(Profiles.EntityKind kind, string why)
        {
            if (layer.Fact(kind) is { } fact && !words.Contains(LastPart(fact.Table)))
            {
                missing.Add($"it does not read {fact.Table}, which {why} needs");
            }
        }

        void NeedColumns(string expression, string why, string? implied = null)
        {
            foreach (Match column in ColumnRegex().Matches(expression))
            {
                string name = column.Groups[1].Value.Trim('"', '`').ToLowerInvariant();
                if (!words.Contains(name) && name != implied)
                {
                    missing.Add($"it does not use the column {name}, which {why} needs");
                }
            }
        }

        NeedTable(reading.Measure.Fact, reading.Measure.Label);
        // The customers table holds one row per customer: a count over it (COUNT(*)) counts customers without naming the id.
        string? impliedId = reading.Measure.Fact == Profiles.EntityKind.Customers && layer.Fact(Profiles.EntityKind.Customers) is { } customers
            ? ColumnRegex().Match(customers.CustomerId(dialect)) is { Success: true } id ? id.Groups[1].Value.Trim('"', '`').ToLowerInvariant() : null
            : null;
        NeedColumns(reading.Measure.Expression(dialect), reading.Measure.Label, impliedId);
        if (reading.Dimension is { Missing: null, IsTime: false } dimension)
        {
            foreach (DimensionColumn column in dimension.Columns)
            {
                NeedColumns(column.Sql(dialect), $"the breakdown by {dimension.Label}");
            }
        }

        foreach (QueryFilter filter in reading.Filters)
        {
            if (layer.Dimension(filter.Dimension) is { Columns.Count: > 0 } filtered && !filtered.Columns.Any(c => ColumnRegex().Matches(c.Sql(dialect)).All(m => words.Contains(m.Groups[1].Value.Trim('"', '`').ToLowerInvariant()))))
            {
                missing.Add($"it does not filter on {filtered.Label} ({filter.Phrase})");
            }
        }

        foreach (CustomerCondition condition in reading.Conditions)
        {
            NeedTable(condition.Measure.Fact, "the condition on " + condition.Measure.Label);
        }

        return missing.Count == 0 ? null : string.Join("; ", missing.Distinct());
    }

    /// <summary>The mapped tables a statement names, for the restatement of a model's answer.</summary>
    public static string TablesRead(string sql, SemanticLayer layer)
    {
        HashSet<string> words = Words(sql);
        List<string> tables = [.. layer.Facts.Select(f => f.Table).Where(t => words.Contains(LastPart(t)))];
        return tables.Count == 0 ? "no mapped table" : string.Join(", ", tables);
    }

    private static HashSet<string> Words(string sql)
    {
        HashSet<string> words = new(StringComparer.Ordinal);
        foreach (Match word in WordRegex().Matches(sql.ToLowerInvariant()))
        {
            words.Add(word.Value);
        }

        return words;
    }

    private static string LastPart(string table) => table[(table.LastIndexOf('.') + 1)..].Trim('"', '`').ToLowerInvariant();

    [GeneratedRegex(@"[a-z_][a-z0-9_]*", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex WordRegex();

    [GeneratedRegex(@"\b[a-z]\.(""[^""]+""|`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ColumnRegex();
}

namespace AetherSegment.Analytics;

/// <content>Stop 41, answers at scale: cheaper SQL for shapes that read the same table more than once.</content>
internal static partial class AnalyticsCompiler
{
    // "Repeat purchase rate: the share of buyers with more than one order": the part counts the distinct buyers whose
    // rows' group passes a HAVING, the whole the distinct buyers of the same table, each its own pass (three scans and two
    // distinct counts). Each buyer is one group of the table grouped by buyer, and a passing group has a row, so the part is
    // the number of passing groups and the whole the number of groups: one grouped pass gives both (6.9 s -> 1.7 s on
    // 1,000,000 customers, loaded machine; docs/benchmarks.md "Stop 41: answers at scale"). Only for exactly this shape (no
    // filter, range or other condition on either side, read from the compiled text); null otherwise.
    private static string? OneGroupedPassShare(string partSql, string wholeSql, string measureName, string shareName, string total)
    {
        const string Count = "SELECT COUNT(DISTINCT ";
        int close = wholeSql.IndexOf(") AS ", StringComparison.Ordinal);
        int from = wholeSql.IndexOf("\nFROM ", StringComparison.Ordinal);
        if (!wholeSql.StartsWith(Count, StringComparison.Ordinal) || close < Count.Length || from < close)
        {
            return null;
        }

        string id = wholeSql[Count.Length..close];
        if (id.Length == 0 || id.Contains(' ', StringComparison.Ordinal) || id.Contains('(', StringComparison.Ordinal)
            || wholeSql[close..from] != $") AS {measureName}")
        {
            return null;
        }

        string table = wholeSql[(from + "\nFROM ".Length)..];
        if (table.Contains('\n', StringComparison.Ordinal) || table.Contains('(', StringComparison.Ordinal))
        {
            return null;
        }

        string head = $"{wholeSql}\nWHERE {id} IN (SELECT {id} FROM {table} WHERE {id} IS NOT NULL GROUP BY {id} HAVING ";
        if (!partSql.StartsWith(head, StringComparison.Ordinal) || !partSql.EndsWith(')'))
        {
            return null;
        }

        string having = partSql[head.Length..^1];
        if (having.Contains('\n', StringComparison.Ordinal) || !Balanced(having.AsSpan()) || having.Contains(" IN (", StringComparison.Ordinal) || having.Contains("SELECT", StringComparison.Ordinal))
        {
            return null;
        }

        return $"SELECT g.{measureName} / NULLIF(g.{total}, 0) AS {shareName}, g.{measureName} AS {measureName}, g.{total} AS {total}\n" +
            $"FROM (SELECT COUNT(CASE WHEN b.passes THEN 1 END) AS {measureName}, COUNT(*) AS {total}\n" +
            $"FROM (SELECT {id}, {having} AS passes FROM {table} WHERE {id} IS NOT NULL GROUP BY {id}) AS b) AS g";
    }
}

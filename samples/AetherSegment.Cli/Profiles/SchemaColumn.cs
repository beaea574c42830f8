using AetherSegment.Data;

namespace AetherSegment.Cli.Profiles;

/// <summary>The kind of value a column holds, as far as a profile cares.</summary>
internal enum ColumnKind
{
    Text,
    Number,
    Boolean,
    Timestamp,
    Date,
    Other,
}

/// <summary>One column of an introspected table.</summary>
/// <param name="Name">The column name.</param>
/// <param name="DataType">The store's type name (VARCHAR, DECIMAL(10,2), STRING, INT64...).</param>
internal sealed record SchemaColumn(string Name, string DataType)
{
    /// <summary>The kind of value, from the store's type name (DuckDB and BigQuery names).</summary>
    public ColumnKind Kind { get; } = KindOf(DataType);

    /// <summary>Whether the column holds integers (a 0/1 flag may be one).</summary>
    public bool IsInteger => Kind == ColumnKind.Number && (DataType.Contains("INT", StringComparison.OrdinalIgnoreCase) || DataType.Equals("INT64", StringComparison.OrdinalIgnoreCase));

    private static ColumnKind KindOf(string type)
    {
        string t = type.ToUpperInvariant();
        if (t is "VARCHAR" or "STRING" or "TEXT" or "CHAR" or "BPCHAR" || t.StartsWith("VARCHAR(", StringComparison.Ordinal) || t.StartsWith("STRING(", StringComparison.Ordinal))
        {
            return ColumnKind.Text;
        }

        if (t is "BOOLEAN" or "BOOL")
        {
            return ColumnKind.Boolean;
        }

        if (t.StartsWith("TIMESTAMP", StringComparison.Ordinal) || t == "DATETIME")
        {
            return ColumnKind.Timestamp;
        }

        if (t == "DATE")
        {
            return ColumnKind.Date;
        }

        string[] numbers = ["TINYINT", "SMALLINT", "INTEGER", "INT", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "INT64", "FLOAT", "FLOAT64", "DOUBLE", "REAL", "NUMERIC", "BIGNUMERIC"];
        return numbers.Contains(t) || t.StartsWith("DECIMAL", StringComparison.Ordinal) || t.StartsWith("NUMERIC", StringComparison.Ordinal)
            ? ColumnKind.Number
            : ColumnKind.Other;
    }
}

/// <summary>One introspected table: its columns in order and its row count.</summary>
internal sealed record SchemaTable(string Name, IReadOnlyList<SchemaColumn> Columns, long Rows)
{
    public SchemaColumn? Find(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The tables of (table_name, column_name, data_type) rows in table and column order, each with its row count.</summary>
    public static async Task<IReadOnlyList<SchemaTable>> FromColumnsAsync(ISchemaSource source, QueryResult columns, CancellationToken cancellationToken)
    {
        List<SchemaTable> tables = [];
        foreach (IGrouping<string, object?[]> table in columns.Rows.GroupBy(r => (string)r[0]!, StringComparer.Ordinal))
        {
            QueryResult count = await source.QueryAsync($"SELECT count(*) FROM {source.TableReference(table.Key)}", cancellationToken).ConfigureAwait(false);
            tables.Add(new SchemaTable(table.Key, [.. table.Select(r => new SchemaColumn((string)r[1]!, (string)r[2]!))], Convert.ToInt64(count.Scalar(), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return tables;
    }
}

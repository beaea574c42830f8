using System.Text;
using AetherSegment.DataModel;

namespace AetherSegment.DuckDB;

/// <summary>The DDL of the data model in DuckDB, created idempotently.</summary>
public static class DuckDBSchema
{
    /// <summary>The DuckDB type of a portable column type.</summary>
    public static string TypeOf(ColumnType type) => type switch
    {
        ColumnType.String => "VARCHAR",
        ColumnType.Int64 => "BIGINT",
        ColumnType.Float64 => "DOUBLE",
        ColumnType.Bool => "BOOLEAN",
        ColumnType.Timestamp => "TIMESTAMP",
        ColumnType.Json => "JSON",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown column type."),
    };

    /// <summary><c>CREATE TABLE IF NOT EXISTS</c> for one table.</summary>
    public static string CreateTable(TableDefinition table)
    {
        ArgumentNullException.ThrowIfNull(table);
        StringBuilder sql = new();
        sql.Append("CREATE TABLE IF NOT EXISTS ").Append(table.Name).Append(" (");
        for (int i = 0; i < table.Columns.Count; i++)
        {
            ColumnDefinition column = table.Columns[i];
            sql.Append(i == 0 ? "" : ", ").Append('"').Append(column.Name).Append("\" ").Append(TypeOf(column.Type));
            if (!column.Nullable)
            {
                sql.Append(" NOT NULL");
            }
        }

        return sql.Append(')').ToString();
    }

    /// <summary>The DDL of all seven tables, one statement each.</summary>
    public static IReadOnlyList<string> CreateAll() => [.. DataSchema.AllTables.Select(CreateTable)];
}

using AetherSegment.Data;
using AetherSegment.DuckDB;

namespace AetherSegment.Cli.Profiles;

/// <summary>Introspects a DuckDB file through the store: <c>information_schema</c> of its <c>main</c> schema.</summary>
internal sealed class DuckDBSchemaSource(DuckDBDataStore store) : ISchemaSource
{
    public string Label => store.DatabasePath;

    public string DraftName => Path.GetFileNameWithoutExtension(store.DatabasePath);

    public async Task<IReadOnlyList<SchemaTable>> ReadTablesAsync(CancellationToken cancellationToken)
    {
        QueryResult columns = await store.QueryAsync(new SqlStatement(
            """
            SELECT c.table_name, c.column_name, c.data_type
            FROM information_schema.columns c JOIN information_schema.tables t USING (table_catalog, table_schema, table_name)
            WHERE c.table_schema = $schema AND t.table_type = 'BASE TABLE'
            ORDER BY c.table_name, c.ordinal_position
            """,
            [QueryParameter.String("schema", "main")]), cancellationToken).ConfigureAwait(false);
        List<SchemaTable> tables = [];
        foreach (IGrouping<string, object?[]> table in columns.Rows.GroupBy(r => (string)r[0]!, StringComparer.Ordinal))
        {
            QueryResult count = await QueryAsync($"SELECT count(*) FROM {TableReference(table.Key)}", cancellationToken).ConfigureAwait(false);
            tables.Add(new SchemaTable(table.Key, [.. table.Select(r => new SchemaColumn((string)r[1]!, (string)r[2]!))], Convert.ToInt64(count.Scalar(), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return tables;
    }

    public Task<QueryResult> QueryAsync(string sql, CancellationToken cancellationToken) => store.QueryAsync(new SqlStatement(sql), cancellationToken);

    public string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public string TableReference(string table) => Quote(table);
}

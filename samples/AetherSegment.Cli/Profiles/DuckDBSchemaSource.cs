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
        return await SchemaTable.FromColumnsAsync(this, columns, cancellationToken).ConfigureAwait(false);
    }

    public Task<QueryResult> QueryAsync(string sql, CancellationToken cancellationToken) => store.QueryAsync(new SqlStatement(sql), cancellationToken);

    public string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public string TableReference(string table) => Quote(table);
}

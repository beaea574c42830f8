using AetherSegment.Data;

namespace AetherSegment.Cli.Profiles;

/// <summary>
/// Introspects a BigQuery dataset through the configured store (the REST client, with its dry-run cost guard):
/// <c>`project.dataset`.INFORMATION_SCHEMA.COLUMNS</c>, then counts and distinct values per table.
/// </summary>
internal sealed class BigQuerySchemaSource(IDataStore store, string project, string dataset) : ISchemaSource
{
    public string Label => $"{project}.{dataset}";

    public string DraftName => dataset;

    public async Task<IReadOnlyList<SchemaTable>> ReadTablesAsync(CancellationToken cancellationToken)
    {
        QueryResult columns = await QueryAsync(
            $"SELECT table_name, column_name, data_type FROM {Quote($"{project}.{dataset}")}.INFORMATION_SCHEMA.COLUMNS ORDER BY table_name, ordinal_position",
            cancellationToken).ConfigureAwait(false);
        return await SchemaTable.FromColumnsAsync(this, columns, cancellationToken).ConfigureAwait(false);
    }

    public Task<QueryResult> QueryAsync(string sql, CancellationToken cancellationToken) => store.QueryAsync(new SqlStatement(sql), cancellationToken);

    public string Quote(string identifier) => "`" + identifier.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal) + "`";

    public string TableReference(string table) => Quote(table);
}

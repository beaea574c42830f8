using System.Collections.Concurrent;
using AetherSegment.BigQuery.Rest;
using AetherSegment.Data;
using AetherSegment.DataModel;

namespace AetherSegment.BigQuery.Loading;

/// <summary>
/// Appends rows to a table of the configured dataset with streaming inserts (tabledata.insertAll), in requests of
/// <see cref="BigQueryTableWriter.BatchRows"/> rows, each row with an insertId so a retried request adds no copies.
/// </summary>
/// <remarks>
/// Thread-safe. BigQuery commits each request on its own: when a later request of a large append fails, the rows of the
/// earlier ones stay (the error says how many were appended). Streamed rows are visible to queries within seconds.
/// </remarks>
internal sealed class BigQueryDataAppender(BigQueryRestClient client) : IDataAppender
{
    // Per table, the data model's columns it lacks (created before they were added), once BigQuery has said so.
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _absent = new(StringComparer.OrdinalIgnoreCase);

    public async Task<long> AppendAsync<TRow>(TableDefinition table, IReadOnlyList<TRow> rows, CancellationToken cancellationToken = default)
        where TRow : IDataRow
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        if (DataSchema.Find(table.Name) is null)
        {
            throw new DataStoreException($"{table.Name} is not a table of the data model.");
        }

        BigQueryTableWriter writer = new(client, table, _absent.GetValueOrDefault(table.Name));
        foreach (TRow row in rows)
        {
            row.WriteTo(writer);
        }

        try
        {
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DataStoreException ex) when (writer.Flushed > 0)
        {
            throw new DataStoreException($"{ex.Message} ({writer.Flushed} of {writer.RowCount} rows were appended to {table.Name} before the failure.)", ex);
        }
        finally
        {
            if (writer.Absent is { } absent)
            {
                _absent[table.Name] = absent;
            }
        }

        return writer.RowCount;
    }
}

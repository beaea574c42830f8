using AetherSegment.BigQuery.Rest;
using AetherSegment.Data;
using AetherSegment.DataModel;

namespace AetherSegment.BigQuery.Loading;

/// <summary>
/// Loads a fresh data set into the configured dataset: each opened table is dropped and recreated with the data model's
/// schema (tables.insert), rows stream in with insertAll as the generator flushes. Disposing without completing drops
/// the tables this load created, so an abandoned load leaves no half data set behind.
/// </summary>
/// <remarks>Serves one load from one thread.</remarks>
internal sealed class BigQueryDataSink(BigQueryRestClient client) : IDataSink
{
    private readonly List<BigQueryTableWriter> _writers = [];
    private bool _completed;

    public string Destination => $"bigquery://{client.ProjectId}/{client.DatasetId}";

    public async ValueTask<ITableWriter> OpenTableAsync(TableDefinition table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        await client.DeleteTableAsync(table.Name, cancellationToken).ConfigureAwait(false);
        await client.CreateTableAsync(table, cancellationToken).ConfigureAwait(false);
        BigQueryTableWriter writer = new(client, table);
        _writers.Add(writer);
        return writer;
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        foreach (BigQueryTableWriter writer in _writers)
        {
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        _completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_completed)
        {
            return;
        }

        foreach (BigQueryTableWriter writer in _writers)
        {
            try
            {
                await client.DeleteTableAsync(writer.Table.Name, CancellationToken.None).ConfigureAwait(false);
            }
            catch (DataStoreException)
            {
                // Best effort: the load already failed; its own error is the one the caller sees.
            }
        }
    }
}

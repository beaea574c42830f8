using AetherSegment.BigQuery.Rest;
using AetherSegment.Data;
using AetherSegment.DataModel;

namespace AetherSegment.BigQuery.Loading;

/// <summary>
/// Loads a fresh data set into the configured dataset with load jobs: each opened table is dropped and recreated with
/// the data model's schema (tables.insert) and its rows are written to a newline-delimited JSON file; completing the
/// sink uploads each file to a load job (resumable upload) and waits for the jobs. Load jobs are free, atomic per table
/// and leave no streaming buffer behind. Disposing without completing drops the tables this load created, so an
/// abandoned or failed load leaves no half data set behind.
/// </summary>
/// <remarks>Serves one load from one thread.</remarks>
internal sealed class BigQueryDataSink(BigQueryRestClient client) : IDataSink
{
    private readonly List<BigQueryLoadFileWriter> _writers = [];
    private bool _completed;

    public string Destination => $"bigquery://{client.ProjectId}/{client.DatasetId}";

    public async ValueTask<ITableWriter> OpenTableAsync(TableDefinition table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        await client.DeleteTableAsync(table.Name, cancellationToken).ConfigureAwait(false);
        await client.CreateTableAsync(table, cancellationToken).ConfigureAwait(false);
        BigQueryLoadFileWriter writer = new(table);
        _writers.Add(writer);
        return writer;
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        // Uploads go one after another (they share the network); the jobs then run side by side in BigQuery.
        List<(string JobId, string Table)> jobs = [];
        foreach (BigQueryLoadFileWriter writer in _writers)
        {
            writer.Close();
            if (writer.RowCount == 0)
            {
                continue;
            }

            string jobId = $"aether_load_{writer.Table.Name}_{Guid.NewGuid():N}";
            Uri session = await client.StartLoadAsync(writer.Table, jobId, writer.Length, cancellationToken).ConfigureAwait(false);
            await client.UploadAsync(session, writer.Path, cancellationToken).ConfigureAwait(false);
            jobs.Add((jobId, writer.Table.Name));
        }

        foreach ((string jobId, string table) in jobs)
        {
            await client.WaitForJobAsync(jobId, $"loading {table}", cancellationToken).ConfigureAwait(false);
        }

        _completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (BigQueryLoadFileWriter writer in _writers)
        {
            writer.Dispose();
            if (_completed)
            {
                continue;
            }

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

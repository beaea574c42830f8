using System.Text.Json;
using AetherSegment.BigQuery.Rest;
using AetherSegment.Data;
using AetherSegment.DataModel;

namespace AetherSegment.BigQuery.Loading;

/// <summary>Creates sinks over the configured BigQuery dataset, creating the dataset when it is missing.</summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class BigQueryDataSinkFactory(BigQueryRestClient client) : IDataSinkFactory
{
    public async ValueTask<bool> ExistsAsync(CancellationToken cancellationToken = default) =>
        (await client.GetTableAsync(DataSchema.Customers.Name, cancellationToken).ConfigureAwait(false)).ValueKind != JsonValueKind.Undefined;

    public async ValueTask<IDataSink> CreateAsync(bool replaceExisting, CancellationToken cancellationToken = default)
    {
        await client.EnsureDatasetAsync(cancellationToken).ConfigureAwait(false);
        if (!replaceExisting && await ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new AetherSegmentInputException("store",
                $"The BigQuery dataset {client.ProjectId}.{client.DatasetId} already holds a data set; pass --force to replace it.");
        }

        return new BigQueryDataSink(client);
    }
}

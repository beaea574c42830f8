using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AetherSegment.Analytics;
using AetherSegment.BigQuery.Rest;
using AetherSegment.Data;
using AetherSegment.Diagnostics;
using Microsoft.Extensions.Logging;

namespace AetherSegment.BigQuery.Store;

/// <summary>
/// BigQuery as the customer data store: every statement first runs as a dry run (jobs.insert with dryRun), which
/// reports the bytes it would process and the tables it reads; it is refused without running when the bytes it would be
/// billed (<see cref="BigQueryQueryCost.BytesBilled"/>: at least 10 MB per table) exceed
/// <see cref="BigQueryOptions.MaximumBytesBilled"/>; then it runs with the same guard as <c>maximumBytesBilled</c>, and
/// long results page through getQueryResults. As an <see cref="IQueryCostEstimator"/> it lets the analytics service
/// refuse language-model SQL over <c>AetherSegment:Analytics:MaximumBytesProcessed</c>.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed partial class BigQueryDataStore(BigQueryRestClient client, ILogger<BigQueryDataStore>? logger = null) : IDataStore, IQueryCostEstimator, IBigQueryDryRun
{
    private readonly ILogger _logger = logger ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public SqlDialect Dialect => SqlDialect.BigQuery;

    public async Task<QueryResult> QueryAsync(SqlStatement statement, CancellationToken cancellationToken = default)
    {
        List<object?[]> rows = [];
        string[] columns = [];
        await foreach ((string[] names, List<object?[]> page) in PagesAsync(statement, cancellationToken).ConfigureAwait(false))
        {
            columns = names;
            rows.AddRange(page);
        }

        return new QueryResult(columns, rows);
    }

    public async IAsyncEnumerable<object?[]> StreamAsync(SqlStatement statement, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach ((_, List<object?[]> page) in PagesAsync(statement, cancellationToken).ConfigureAwait(false))
        {
            foreach (object?[] row in page)
            {
                yield return row;
            }
        }
    }

    /// <inheritdoc/>
    public async Task<BigQueryQueryCost> DryRunAsync(SqlStatement statement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statement);
        JsonElement job = await client.DryRunAsync(statement, cancellationToken).ConfigureAwait(false);
        JsonElement statistics = job.ValueKind == JsonValueKind.Object && job.TryGetProperty("statistics", out JsonElement s) ? s : default;
        JsonElement query = statistics.ValueKind == JsonValueKind.Object && statistics.TryGetProperty("query", out JsonElement q) ? q : default;
        long bytes = ReadLong(query, "totalBytesProcessed") ?? ReadLong(statistics, "totalBytesProcessed") ?? ReadLong(job, "totalBytesProcessed") ?? 0;
        List<string> tables = [];
        if (query.ValueKind == JsonValueKind.Object && query.TryGetProperty("referencedTables", out JsonElement referenced) && referenced.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement table in referenced.EnumerateArray())
            {
                string dataset = table.TryGetProperty("datasetId", out JsonElement d) ? d.GetString() ?? "" : "";
                string name = table.TryGetProperty("tableId", out JsonElement t) ? t.GetString() ?? "" : "";
                tables.Add(dataset.Length > 0 ? $"{dataset}.{name}" : name);
            }
        }

        string[] columns = query.ValueKind == JsonValueKind.Object && query.TryGetProperty("schema", out JsonElement schema) && schema.ValueKind == JsonValueKind.Object
            ? BigQueryWire.ReadSchema(query).Names
            : [];
        BigQueryQueryCost cost = new(bytes, BigQueryQueryCost.BilledBytes(bytes, tables.Count), tables, columns);
        LogDryRun(_logger, bytes, cost.BytesBilled, tables.Count);
        return cost;
    }

    /// <summary>
    /// A dry-run job: the bytes the statement would process and the tables it references, tables of the configured
    /// dataset by bare name and any other as <c>project.dataset.table</c>. Used to vet language-model SQL.
    /// </summary>
    public async Task<QueryCostEstimate> EstimateAsync(SqlStatement statement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statement);
        JsonElement job = await client.DryRunAsync(statement, cancellationToken).ConfigureAwait(false);
        long bytes = 0;
        List<string> tables = [];
        if (job.TryGetProperty("statistics", out JsonElement statistics))
        {
            if (statistics.TryGetProperty("totalBytesProcessed", out JsonElement total) && total.ValueKind == JsonValueKind.String)
            {
                bytes = long.Parse(total.GetString()!, CultureInfo.InvariantCulture);
            }

            if (statistics.TryGetProperty("query", out JsonElement query) && query.TryGetProperty("referencedTables", out JsonElement referenced)
                && referenced.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement table in referenced.EnumerateArray())
                {
                    string project = Text(table, "projectId");
                    string dataset = Text(table, "datasetId");
                    string name = Text(table, "tableId");
                    tables.Add(project == client.ProjectId && dataset == client.DatasetId ? name : $"{project}.{dataset}.{name}");
                }
            }
        }

        long billed = BigQueryQueryCost.BilledBytes(bytes, tables.Count);
        LogDryRun(_logger, bytes, billed, tables.Count);
        return new QueryCostEstimate(bytes, tables) { BytesBilled = billed };
    }

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    /// <summary>Dry-runs the statement and refuses it when the bytes it would be billed exceed the cost guard.</summary>
    private async Task GuardAsync(SqlStatement statement, CancellationToken cancellationToken)
    {
        BigQueryQueryCost cost = await DryRunAsync(statement, cancellationToken).ConfigureAwait(false);
        if (cost.BytesBilled > client.MaximumBytesBilled)
        {
            throw new DataStoreException(string.Create(CultureInfo.InvariantCulture,
                $"BigQuery would bill {cost.BytesBilled:N0} bytes ({cost.BytesProcessed:N0} bytes processed over {cost.ReferencedTables.Count} table(s), at least 10 MB per table), over the cost guard AetherSegment:BigQuery:MaximumBytesBilled ({client.MaximumBytesBilled:N0} bytes); the query was not run. Raise the guard or narrow the query."));
        }
    }

    private static long? ReadLong(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed)
            ? parsed
            : null;

    private async IAsyncEnumerable<(string[] Columns, List<object?[]> Rows)> PagesAsync(SqlStatement statement, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        using Activity? activity = PackageTelemetry.ActivitySource.StartActivity("bigquery.query", ActivityKind.Client);
        activity?.SetTag("db.system", "bigquery");
        long started = Stopwatch.GetTimestamp();
        try
        {
            await GuardAsync(statement, cancellationToken).ConfigureAwait(false);
            JsonElement response = await client.QueryAsync(statement, dryRun: false, cancellationToken).ConfigureAwait(false);
            string jobId = response.TryGetProperty("jobReference", out JsonElement job) && job.TryGetProperty("jobId", out JsonElement id) ? id.GetString() ?? "" : "";
            string? location = job.ValueKind == JsonValueKind.Object && job.TryGetProperty("location", out JsonElement loc) ? loc.GetString() : null;

            // Wait for the job: jobs.query returns jobComplete false when the query outlives its timeout.
            while (!Complete(response))
            {
                response = await client.GetQueryResultsAsync(jobId, location, null, cancellationToken).ConfigureAwait(false);
            }

            (string[] names, string[] types, bool[] repeated) = BigQueryWire.ReadSchema(response);
            while (true)
            {
                List<object?[]> rows = [];
                BigQueryWire.ReadRows(response, types, repeated, rows);
                yield return (names, rows);
                string? pageToken = response.TryGetProperty("pageToken", out JsonElement token) ? token.GetString() : null;
                if (string.IsNullOrEmpty(pageToken))
                {
                    break;
                }

                do
                {
                    response = await client.GetQueryResultsAsync(jobId, location, pageToken, cancellationToken).ConfigureAwait(false);
                }
                while (!Complete(response));
            }
        }
        finally
        {
            PackageTelemetry.QueryDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("store", "bigquery"));
        }
    }

    private static bool Complete(JsonElement response) =>
        !response.TryGetProperty("jobComplete", out JsonElement complete) || complete.ValueKind != JsonValueKind.False;

    [LoggerMessage(1, LogLevel.Debug, "BigQuery dry run: {Bytes} bytes would be processed, {Billed} billed, over {Tables} table(s).")]
    private static partial void LogDryRun(ILogger logger, long bytes, long billed, int tables);
}

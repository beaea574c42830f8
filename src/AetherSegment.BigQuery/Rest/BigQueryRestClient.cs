using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AetherSegment.Data;
using AetherSegment.DataModel;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AetherSegment.BigQuery.Rest;

/// <summary>
/// The one place that speaks BigQuery REST v2 over HTTP: jobs.query, getQueryResults, datasets, tables, load jobs.
/// Adds the bearer token, retries 429, 5xx, rateLimitExceeded and backendError with exponential backoff, and turns
/// error bodies into <see cref="DataStoreException"/>s carrying BigQuery's own message. Swap this class to move to
/// the official client library.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed partial class BigQueryRestClient : IDisposable
{
    private static readonly string[] RetryableReasons = ["rateLimitExceeded", "backendError", "internalError"];
    private readonly HttpClient _http;
    private readonly BigQueryOptions _options;
    private readonly BigQueryCredentials _credentials;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _root;

    public BigQueryRestClient(BigQueryOptions options, TimeProvider time, ILogger? logger = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
        _credentials = new BigQueryCredentials(options.AccessToken);
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = options.Timeout;
        _root = options.Endpoint.TrimEnd('/');
    }

    /// <summary>The first retry waits this long; each further retry doubles it.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts per request, the first included.</summary>
    public int MaxAttempts { get; init; } = 5;

    public string ProjectId => _options.ProjectId!;

    public string DatasetId => _options.Dataset;

    public string Location => _options.Location;

    public long MaximumBytesBilled => _options.MaximumBytesBilled;

    private string ProjectPath => $"{_root}/bigquery/v2/projects/{Uri.EscapeDataString(ProjectId)}";

    /// <summary>jobs.query with GoogleSQL, named parameters, the default dataset, the location and the cost guard.</summary>
    public Task<JsonElement> QueryAsync(SqlStatement statement, bool dryRun, CancellationToken cancellationToken)
    {
        JsonArray parameters = [];
        foreach (QueryParameter parameter in statement.Parameters)
        {
            parameters.Add(BigQueryWire.Parameter(parameter));
        }

        JsonObject body = new()
        {
            ["query"] = statement.Sql,
            ["useLegacySql"] = false,
            ["parameterMode"] = "NAMED",
            ["queryParameters"] = parameters,
            ["defaultDataset"] = new JsonObject { ["projectId"] = ProjectId, ["datasetId"] = DatasetId },
            ["location"] = Location,
            ["maximumBytesBilled"] = MaximumBytesBilled.ToString(CultureInfo.InvariantCulture),
            ["dryRun"] = dryRun,
            ["timeoutMs"] = 10000,
            ["maxResults"] = 10000,
        };
        string json = body.ToJsonString();
        return SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"{ProjectPath}/queries") { Content = JsonContent(json) }, allowNotFound: false, cancellationToken);
    }

    /// <summary>jobs.getQueryResults: the next page, or the first once the job completes.</summary>
    public Task<JsonElement> GetQueryResultsAsync(string jobId, string? location, string? pageToken, CancellationToken cancellationToken)
    {
        StringBuilder url = new($"{ProjectPath}/queries/{Uri.EscapeDataString(jobId)}?timeoutMs=10000&maxResults=10000");
        url.Append("&location=").Append(Uri.EscapeDataString(location ?? Location));
        if (!string.IsNullOrEmpty(pageToken))
        {
            url.Append("&pageToken=").Append(Uri.EscapeDataString(pageToken));
        }

        string address = url.ToString();
        return SendAsync(() => new HttpRequestMessage(HttpMethod.Get, address), allowNotFound: false, cancellationToken);
    }

    /// <summary>Creates the dataset in the configured location unless it exists.</summary>
    public async Task EnsureDatasetAsync(CancellationToken cancellationToken)
    {
        string dataset = $"{ProjectPath}/datasets/{Uri.EscapeDataString(DatasetId)}";
        JsonElement existing = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, dataset), allowNotFound: true, cancellationToken).ConfigureAwait(false);
        if (existing.ValueKind != JsonValueKind.Undefined)
        {
            return;
        }

        string json = new JsonObject
        {
            ["datasetReference"] = new JsonObject { ["projectId"] = ProjectId, ["datasetId"] = DatasetId },
            ["location"] = Location,
        }.ToJsonString();
        await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"{ProjectPath}/datasets") { Content = JsonContent(json) }, allowNotFound: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>tables.insert with the schema of a data model table.</summary>
    public Task CreateTableAsync(TableDefinition table, CancellationToken cancellationToken)
    {
        string json = new JsonObject
        {
            ["tableReference"] = new JsonObject { ["projectId"] = ProjectId, ["datasetId"] = DatasetId, ["tableId"] = table.Name },
            ["schema"] = BigQueryWire.Schema(table),
        }.ToJsonString();
        return SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"{ProjectPath}/datasets/{Uri.EscapeDataString(DatasetId)}/tables") { Content = JsonContent(json) },
            allowNotFound: false, cancellationToken);
    }

    /// <summary>tables.delete; a missing table is not an error.</summary>
    public Task DeleteTableAsync(string table, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, $"{ProjectPath}/datasets/{Uri.EscapeDataString(DatasetId)}/tables/{Uri.EscapeDataString(table)}"),
            allowNotFound: true, cancellationToken);

    /// <summary>tables.get, or an undefined element when the table does not exist.</summary>
    public Task<JsonElement> GetTableAsync(string table, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"{ProjectPath}/datasets/{Uri.EscapeDataString(DatasetId)}/tables/{Uri.EscapeDataString(table)}"),
            allowNotFound: true, cancellationToken);

    /// <summary>tabledata.insertAll: streams rows (JSON objects keyed by column) into a table.</summary>
    public async Task InsertAllAsync(string table, IReadOnlyList<JsonObject> rows, string insertIdPrefix, long firstRow, CancellationToken cancellationToken)
    {
        // insertId lets BigQuery drop the copies a retried request would otherwise add (best-effort de-duplication).
        JsonArray items = [];
        for (int i = 0; i < rows.Count; i++)
        {
            items.Add(new JsonObject { ["insertId"] = string.Create(CultureInfo.InvariantCulture, $"{insertIdPrefix}-{firstRow + i}"), ["json"] = rows[i].DeepClone() });
        }

        string json = new JsonObject { ["skipInvalidRows"] = false, ["ignoreUnknownValues"] = false, ["rows"] = items }.ToJsonString();
        JsonElement response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post,
            $"{ProjectPath}/datasets/{Uri.EscapeDataString(DatasetId)}/tables/{Uri.EscapeDataString(table)}/insertAll") { Content = JsonContent(json) },
            allowNotFound: false, cancellationToken).ConfigureAwait(false);
        if (response.ValueKind == JsonValueKind.Object && response.TryGetProperty("insertErrors", out JsonElement errors) && errors.GetArrayLength() > 0)
        {
            string message = errors[0].TryGetProperty("errors", out JsonElement inner) && inner.GetArrayLength() > 0 && inner[0].TryGetProperty("message", out JsonElement m)
                ? m.GetString() ?? "rejected"
                : "rejected";
            throw new DataStoreException($"BigQuery rejected {errors.GetArrayLength()} row(s) streamed into {table}: {message}");
        }
    }

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<JsonElement> SendAsync(Func<HttpRequestMessage> create, bool allowNotFound, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            using HttpRequestMessage request = create();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _credentials.GetTokenAsync(cancellationToken).ConfigureAwait(false));
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                if (attempt >= MaxAttempts)
                {
                    throw new DataStoreException($"BigQuery is unreachable at {_root} after {attempt} attempts: {ex.Message}", ex);
                }

                await BackoffAsync(attempt, null, ex.Message, cancellationToken).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return text.Length == 0 ? default : Parse(text);
                }

                if (allowNotFound && response.StatusCode == HttpStatusCode.NotFound)
                {
                    return default;
                }

                (string message, string[] reasons) = ReadError(text, response.StatusCode);
                bool retryable = (int)response.StatusCode is 429 or 500 or 502 or 503 or 504 || reasons.Any(r => RetryableReasons.Contains(r));
                if (retryable && attempt < MaxAttempts)
                {
                    await BackoffAsync(attempt, response.Headers.RetryAfter?.Delta, message, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (reasons.Contains("bytesBilledLimitExceeded"))
                {
                    throw new DataStoreException(
                        $"BigQuery refused the query: it would bill more than the cost guard AetherSegment:BigQuery:MaximumBytesBilled ({MaximumBytesBilled} bytes); nothing was billed. BigQuery said: {message}");
                }

                string reason = reasons.Length > 0 ? $" ({reasons[0]})" : "";
                throw new DataStoreException($"BigQuery error {(int)response.StatusCode}{reason}: {message}");
            }
        }
    }

    private async Task BackoffAsync(int attempt, TimeSpan? retryAfter, string reason, CancellationToken cancellationToken)
    {
        TimeSpan delay = retryAfter is { } after && after > TimeSpan.Zero && after < TimeSpan.FromSeconds(30)
            ? after
            : RetryDelay * Math.Pow(2, attempt - 1);
        LogRetry(_logger, attempt, delay.TotalMilliseconds, reason);
        await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
    }

    private static JsonElement Parse(string text)
    {
        using JsonDocument document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static (string Message, string[] Reasons) ReadError(string text, HttpStatusCode status)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            if (document.RootElement.TryGetProperty("error", out JsonElement error))
            {
                string message = error.TryGetProperty("message", out JsonElement m) ? m.GetString() ?? "" : "";
                List<string> reasons = [];
                if (error.TryGetProperty("errors", out JsonElement errors) && errors.ValueKind == JsonValueKind.Array)
                {
                    foreach (JsonElement item in errors.EnumerateArray())
                    {
                        if (item.TryGetProperty("reason", out JsonElement r) && r.GetString() is { } reason)
                        {
                            reasons.Add(reason);
                        }
                    }
                }

                return (message.Length > 0 ? message : status.ToString(), [.. reasons]);
            }
        }
        catch (JsonException)
        {
        }

        return (text.Length is > 0 and < 500 ? text : status.ToString(), []);
    }

    public void Dispose() => _http.Dispose();

    [LoggerMessage(1, LogLevel.Warning, "BigQuery request failed (attempt {Attempt}); retrying in {DelayMs} ms: {Reason}")]
    private static partial void LogRetry(ILogger logger, int attempt, double delayMs, string reason);
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AetherSegment.BigQuery.Loading;
using AetherSegment.Data;
using AetherSegment.DataModel;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace AetherSegment.BigQuery.Rest;

/// <summary>
/// The one place that speaks BigQuery REST v2 over HTTP: jobs.query, getQueryResults, datasets, tables, load jobs.
/// Adds the bearer token, sends every request through Microsoft.Extensions.Http.Resilience's <see cref="ResilienceHandler"/>
/// with the pipelines of <see cref="BigQueryResilience"/> (total and attempt timeouts, retries of 408, 429, 5xx,
/// rateLimitExceeded and backendError with seeded jitter honouring <c>Retry-After</c>, a circuit breaker; the resumable
/// upload resumes at the offset the session reports), and turns error bodies into <see cref="DataStoreException"/>s
/// carrying BigQuery's own message. Swap this class to move to
/// the official client library.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed partial class BigQueryRestClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly BigQueryOptions _options;
    private readonly BigQueryCredentials _credentials;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _root;
    private readonly BigQueryResilience _resilience;

    /// <summary>Marks a request of the resumable upload: the handler applies only the circuit breaker (the upload's own retry resumes).</summary>
    private static readonly HttpRequestOptionsKey<bool> NoRetry = new("AetherSegment.BigQuery.NoRetry");

    public BigQueryRestClient(BigQueryOptions options, TimeProvider time, ILogger? logger = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
        _credentials = new BigQueryCredentials(options.AccessToken);
        // No redirects: the resumable upload protocol answers 308 to mean "resume", not "go elsewhere".
        _resilience = new BigQueryResilience(options, time,
            (attempt, delay, reason) => LogRetry(_logger, attempt, delay.TotalMilliseconds, reason),
            duration => LogCircuitOpened(_logger, duration.TotalSeconds));
        ResilienceHandler resilience = new(request => request.Options.TryGetValue(NoRetry, out bool upload) && upload ? _resilience.UploadRequests : _resilience.Requests)
        {
            InnerHandler = handler ?? new SocketsHttpHandler { AllowAutoRedirect = false },
        };
        _http = new HttpClient(resilience, disposeHandler: handler is null) { Timeout = Timeout.InfiniteTimeSpan };
        _root = options.Endpoint.TrimEnd('/');
    }

    /// <summary>Attempts per request, the first included.</summary>
    private int MaxAttempts => _options.MaxRetries + 1;

    public string ProjectId => _options.ProjectId!;

    public string DatasetId => _options.Dataset;

    public string Location => _options.Location;

    public long MaximumBytesBilled => _options.MaximumBytesBilled;

    private string ProjectPath => $"{_root}/bigquery/v2/projects/{Uri.EscapeDataString(ProjectId)}";

    /// <summary>How long to wait between polls of a running load job; doubles up to 8 times this.</summary>
    public TimeSpan JobPollDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>jobs.query with GoogleSQL, named parameters, the default dataset, the location and the cost guard.</summary>
    public Task<JsonElement> QueryAsync(SqlStatement statement, bool dryRun, CancellationToken cancellationToken)
    {
        JsonObject body = QueryConfiguration(statement);
        body["location"] = Location;
        body["dryRun"] = dryRun;
        body["timeoutMs"] = 10000;
        body["maxResults"] = 10000;
        string json = body.ToJsonString();
        return SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"{ProjectPath}/queries") { Content = JsonContent(json) }, allowNotFound: false, cancellationToken);
    }

    /// <summary>
    /// A dry run as jobs.insert with <c>configuration.dryRun</c>: nothing runs and nothing is billed; the answer is a job
    /// resource whose <c>statistics</c> carry <c>totalBytesProcessed</c>, <c>query.referencedTables</c> and <c>query.schema</c>
    /// (jobs.query's dry run answers the bytes but not the tables, which billing needs).
    /// </summary>
    public Task<JsonElement> DryRunAsync(SqlStatement statement, CancellationToken cancellationToken)
    {
        string json = new JsonObject
        {
            ["jobReference"] = new JsonObject { ["projectId"] = ProjectId, ["location"] = Location },
            ["configuration"] = new JsonObject { ["dryRun"] = true, ["query"] = QueryConfiguration(statement) },
        }.ToJsonString();
        return SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"{ProjectPath}/jobs") { Content = JsonContent(json) }, allowNotFound: false, cancellationToken);
    }

    private JsonObject QueryConfiguration(SqlStatement statement)
    {
        JsonArray parameters = [];
        foreach (QueryParameter parameter in statement.Parameters)
        {
            parameters.Add(BigQueryWire.Parameter(parameter));
        }

        return new JsonObject
        {
            ["query"] = statement.Sql,
            ["useLegacySql"] = false,
            ["parameterMode"] = "NAMED",
            ["queryParameters"] = parameters,
            ["defaultDataset"] = new JsonObject { ["projectId"] = ProjectId, ["datasetId"] = DatasetId },
            ["maximumBytesBilled"] = MaximumBytesBilled.ToString(CultureInfo.InvariantCulture),
        };
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
        await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"{ProjectPath}/datasets") { Content = JsonContent(json) }, allowNotFound: false, cancellationToken, allowConflict: true).ConfigureAwait(false);
    }

    /// <summary>
    /// tables.insert with the schema of a data model table and its layout (<see cref="BigQueryTableLayout"/>: partitioned
    /// by its time column, clustered by customer). Idempotent: BigQuery's 409 "Already Exists" (another process created
    /// the table first) counts as success.
    /// </summary>
    public Task CreateTableAsync(TableDefinition table, CancellationToken cancellationToken)
    {
        JsonObject body = new()
        {
            ["tableReference"] = new JsonObject { ["projectId"] = ProjectId, ["datasetId"] = DatasetId, ["tableId"] = table.Name },
            ["schema"] = BigQueryWire.Schema(table),
        };
        BigQueryTableLayout.Apply(table, body);
        string json = body.ToJsonString();
        return SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"{ProjectPath}/datasets/{Uri.EscapeDataString(DatasetId)}/tables") { Content = JsonContent(json) },
            allowNotFound: false, cancellationToken, allowConflict: true);
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

    /// <summary>
    /// Starts a load job of newline-delimited JSON into <paramref name="table"/> (replacing its rows, or adding to them
    /// when <paramref name="append"/>) as a resumable upload session (jobs.insert on the /upload URI,
    /// uploadType=resumable) and returns the session URI.
    /// </summary>
    public async Task<Uri> StartLoadAsync(TableDefinition table, string jobId, long length, CancellationToken cancellationToken, bool append = false)
    {
        string json = new JsonObject
        {
            ["jobReference"] = new JsonObject { ["projectId"] = ProjectId, ["jobId"] = jobId, ["location"] = Location },
            ["configuration"] = new JsonObject
            {
                ["load"] = new JsonObject
                {
                    ["destinationTable"] = new JsonObject { ["projectId"] = ProjectId, ["datasetId"] = DatasetId, ["tableId"] = table.Name },
                    ["schema"] = BigQueryWire.Schema(table),
                    ["sourceFormat"] = "NEWLINE_DELIMITED_JSON",
                    ["writeDisposition"] = append ? "WRITE_APPEND" : "WRITE_TRUNCATE",
                    ["createDisposition"] = "CREATE_NEVER",
                },
            },
        }.ToJsonString();
        string length64 = length.ToString(CultureInfo.InvariantCulture);
        Uri? session = null;
        await SendAsync(() =>
        {
            HttpRequestMessage request = new(HttpMethod.Post, $"{_root}/upload/bigquery/v2/projects/{Uri.EscapeDataString(ProjectId)}/jobs?uploadType=resumable")
            {
                Content = JsonContent(json),
            };
            request.Headers.Add("X-Upload-Content-Type", "application/octet-stream");
            request.Headers.Add("X-Upload-Content-Length", length64);
            return request;
        }, allowNotFound: false, cancellationToken, response => session = response.Headers.Location).ConfigureAwait(false);
        return session ?? throw new DataStoreException($"BigQuery started the load into {table.Name} without an upload session (no Location header).");
    }

    /// <summary>
    /// Uploads <paramref name="path"/> to a resumable session, each attempt run by the upload pipeline of
    /// <see cref="BigQueryResilience"/>. After a dropped connection, an attempt timeout or a transient answer the next
    /// attempt first asks the session how many bytes arrived (an empty PUT with <c>Content-Range: bytes */length</c>,
    /// answered 308 with a <c>Range</c>) and sends the rest, so a flaky network costs a resend of the tail, never a
    /// second copy of the rows.
    /// </summary>
    public async Task UploadAsync(Uri session, string path, CancellationToken cancellationToken)
    {
        long length = new FileInfo(path).Length;
        UploadProgress progress = new();
        string file = Path.GetFileName(path);
        try
        {
            await _resilience.Upload.ExecuteAsync(
                static (state, token) => new ValueTask(state.Client.UploadAttemptAsync(state.Session, state.Path, state.Length, state.Progress, token)),
                (Client: this, Session: session, Path: path, Length: length, Progress: progress),
                cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            throw new DataStoreException(CircuitOpenMessage(), ex);
        }
        catch (Exception ex) when (ex is UploadInterruptedException or HttpRequestException or TimeoutRejectedException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            string what = ex is TimeoutRejectedException or OperationCanceledException ? TimeoutMessage(_options.Timeout) : ex.Message;
            throw new DataStoreException($"The upload of {file} to BigQuery failed after {progress.Attempts} attempts: {what}", ex);
        }
    }

    /// <summary>Where a resumable upload stands between attempts.</summary>
    private sealed class UploadProgress
    {
        /// <summary>The bytes the session holds, when known.</summary>
        public long Offset { get; set; }

        /// <summary>Whether the last attempt ended without knowing what arrived: the next one asks the session first.</summary>
        public bool Unknown { get; set; }

        public int Attempts { get; set; }
    }

    /// <summary>One attempt: ask the session what arrived (after a failure), then send the rest.</summary>
    private async Task UploadAttemptAsync(Uri session, string path, long length, UploadProgress progress, CancellationToken cancellationToken)
    {
        progress.Attempts++;
        if (progress.Unknown)
        {
            using HttpRequestMessage status = await UploadRequestAsync(session, cancellationToken).ConfigureAwait(false);
            status.Content = new ByteArrayContent([]);
            status.Content.Headers.TryAddWithoutValidation("Content-Range", $"bytes */{length}");
            if (await SendUploadAsync(status, path, progress, length, cancellationToken).ConfigureAwait(false))
            {
                return; // everything had arrived; the answer that said so was lost
            }

            progress.Unknown = false;
        }

        using HttpRequestMessage request = await UploadRequestAsync(session, cancellationToken).ConfigureAwait(false);
        FileStream part = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true) { Position = progress.Offset };
        request.Content = new StreamContent(part);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Content.Headers.ContentRange = length == 0 ? null : new ContentRangeHeaderValue(progress.Offset, length - 1, length);
        if (!await SendUploadAsync(request, path, progress, length, cancellationToken).ConfigureAwait(false))
        {
            throw new UploadInterruptedException(string.Create(CultureInfo.InvariantCulture, $"the session holds {progress.Offset} of {length} bytes"));
        }
    }

    private async Task<HttpRequestMessage> UploadRequestAsync(Uri session, CancellationToken cancellationToken)
    {
        HttpRequestMessage request = new(HttpMethod.Put, session);
        request.Options.Set(NoRetry, true);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _credentials.GetTokenAsync(cancellationToken).ConfigureAwait(false));
        return request;
    }

    /// <summary>Sends an upload request: true when the upload is complete, false on 308 (the offset is updated); a transient failure throws for the retry.</summary>
    private async Task<bool> SendUploadAsync(HttpRequestMessage request, string path, UploadProgress progress, long length, CancellationToken cancellationToken)
    {
        try
        {
            using HttpResponseMessage response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            if ((int)response.StatusCode == 308)
            {
                progress.Offset = Math.Min(ReceivedBytes(response), length);
                return false;
            }

            (string message, string[] _) = ReadError(text, response.StatusCode);
            if (!BigQueryResilience.IsTransientStatus((int)response.StatusCode) && !BigQueryResilience.HasRetryableReason(text))
            {
                throw new DataStoreException($"BigQuery refused the upload of {Path.GetFileName(path)} (HTTP {(int)response.StatusCode}): {message}");
            }

            progress.Unknown = true;
            throw new UploadInterruptedException(message, response.Headers.RetryAfter?.Delta);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && ex is not BrokenCircuitException)
        {
            progress.Unknown = true;
            throw;
        }
    }

    /// <summary>Polls jobs.get until the job is DONE; a job that ends with an error result throws it.</summary>
    /// <returns>The finished job resource.</returns>
    public async Task<JsonElement> WaitForJobAsync(string jobId, string what, CancellationToken cancellationToken)
    {
        string address = $"{ProjectPath}/jobs/{Uri.EscapeDataString(jobId)}?location={Uri.EscapeDataString(Location)}";
        TimeSpan delay = JobPollDelay;
        while (true)
        {
            JsonElement job = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, address), allowNotFound: false, cancellationToken).ConfigureAwait(false);
            JsonElement status = job.TryGetProperty("status", out JsonElement s) ? s : default;
            if (status.ValueKind == JsonValueKind.Object && status.TryGetProperty("state", out JsonElement state) && state.GetString() == "DONE")
            {
                if (status.TryGetProperty("errorResult", out JsonElement error))
                {
                    string message = error.TryGetProperty("message", out JsonElement m) ? m.GetString() ?? "failed" : "failed";
                    string detail = status.TryGetProperty("errors", out JsonElement errors) && errors.ValueKind == JsonValueKind.Array
                        && errors.EnumerateArray().Select(e => e.TryGetProperty("message", out JsonElement em) ? em.GetString() : null).FirstOrDefault(t => t is not null && t != message) is { } first
                        ? $" First error: {first}"
                        : "";
                    throw new DataStoreException($"BigQuery load job {jobId} ({what}) failed: {message}.{detail}");
                }

                return job;
            }

            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, JobPollDelay.Ticks * 8));
        }
    }

    /// <summary>The bytes a resumable session holds, from a 308 answer's <c>Range: bytes=0-N</c> (none without the header).</summary>
    private static long ReceivedBytes(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Range", out IEnumerable<string>? values)
            && values.FirstOrDefault() is { } range
            && range.LastIndexOf('-') is int dash and > 0
            && long.TryParse(range.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out long last))
        {
            return last + 1;
        }

        return 0;
    }

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<JsonElement> SendAsync(Func<HttpRequestMessage> create, bool allowNotFound, CancellationToken cancellationToken, Action<HttpResponseMessage>? onSuccess = null, bool allowConflict = false)
    {
        using HttpRequestMessage request = create();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _credentials.GetTokenAsync(cancellationToken).ConfigureAwait(false));
        HttpResponseMessage response;
        try
        {
            // Retries (transient statuses and reasons, Retry-After, jitter) and the per-attempt timeout are the handler's.
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            throw new DataStoreException(CircuitOpenMessage(), ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            string what = ex is TimeoutRejectedException timeout ? TimeoutMessage(timeout.Timeout) : ex.Message;
            throw new DataStoreException($"BigQuery is unreachable at {_root} after {MaxAttempts} attempts: {what}", ex);
        }

        using (response)
        {
            string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                onSuccess?.Invoke(response);
                return text.Length == 0 ? default : Parse(text);
            }

            if (allowNotFound && response.StatusCode == HttpStatusCode.NotFound)
            {
                return default;
            }

            if (allowConflict && response.StatusCode == HttpStatusCode.Conflict)
            {
                // "Already Exists": what the caller wanted to create is there.
                return default;
            }

            (string message, string[] reasons) = ReadError(text, response.StatusCode);
            if (reasons.Contains("bytesBilledLimitExceeded"))
            {
                throw new DataStoreException(
                    $"BigQuery refused the query: it would bill more than the cost guard AetherSegment:BigQuery:MaximumBytesBilled ({MaximumBytesBilled} bytes; BigQuery bills at least 10 MB per table a query references); nothing was billed. BigQuery said: {message}");
            }

            string reason = reasons.Length > 0 ? $" ({reasons[0]})" : "";
            throw new DataStoreException($"BigQuery error {(int)response.StatusCode}{reason}: {message}");
        }
    }

    private string TimeoutMessage(TimeSpan timeout) => string.Create(CultureInfo.InvariantCulture,
        $"no answer within {timeout.TotalSeconds:0.###} s ({(timeout == _options.Timeout ? "AetherSegment:BigQuery:Timeout" : "AetherSegment:BigQuery:TotalTimeout")})");

    private string CircuitOpenMessage() => string.Create(CultureInfo.InvariantCulture,
        $"BigQuery at {_root} failed too often: the circuit breaker is open and answers at once for {_options.CircuitBreakerBreakDuration} (AetherSegment:BigQuery:CircuitBreakerBreakDuration) before trying again.");

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

    [LoggerMessage(1, LogLevel.Warning, "BigQuery request failed; attempt {Attempt} in {DelayMs} ms: {Reason}")]
    private static partial void LogRetry(ILogger logger, int attempt, double delayMs, string reason);

    [LoggerMessage(2, LogLevel.Warning, "BigQuery failed too often: the circuit is open for {Seconds} s")]
    private static partial void LogCircuitOpened(ILogger logger, double seconds);
}

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
using Polly.Retry;
using Polly.Timeout;

namespace AetherSegment.BigQuery.Rest;

/// <summary>
/// The one place that speaks BigQuery REST v2 over HTTP: jobs.query, getQueryResults, datasets, tables, load jobs.
/// Adds the bearer token, retries 408, 429, 5xx, rateLimitExceeded and backendError with exponential backoff and
/// jitter honouring <c>Retry-After</c> (Microsoft.Extensions.Http.Resilience's <see cref="ResilienceHandler"/> with a
/// Polly retry and a per-attempt timeout; the resumable upload keeps its own offset-resuming loop), and turns
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
    private readonly Lazy<ResiliencePipeline<HttpResponseMessage>> _resilience;

    /// <summary>Marks a request the resilience handler must not resend (an upload chunk streamed from an offset).</summary>
    private static readonly HttpRequestOptionsKey<bool> NoRetry = new("AetherSegment.BigQuery.NoRetry");

    public BigQueryRestClient(BigQueryOptions options, TimeProvider time, ILogger? logger = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
        _credentials = new BigQueryCredentials(options.AccessToken);
        // No redirects: the resumable upload protocol answers 308 to mean "resume", not "go elsewhere".
        _resilience = new(BuildResilience);
        ResilienceHandler resilience = new(request => request.Options.TryGetValue(NoRetry, out bool skip) && skip ? ResiliencePipeline<HttpResponseMessage>.Empty : _resilience.Value)
        {
            InnerHandler = handler ?? new SocketsHttpHandler { AllowAutoRedirect = false },
        };
        _http = new HttpClient(resilience, disposeHandler: handler is null) { Timeout = Timeout.InfiniteTimeSpan };
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
    /// Starts a load job of newline-delimited JSON into <paramref name="table"/> (replacing its rows) as a resumable
    /// upload session (jobs.insert on the /upload URI, uploadType=resumable) and returns the session URI.
    /// </summary>
    public async Task<Uri> StartLoadAsync(TableDefinition table, string jobId, long length, CancellationToken cancellationToken)
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
                    ["writeDisposition"] = "WRITE_TRUNCATE",
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
    /// Uploads <paramref name="path"/> to a resumable session. After a dropped connection or a 5xx answer it asks the
    /// session how many bytes arrived (an empty PUT with <c>Content-Range: bytes */length</c>, answered 308 with a
    /// <c>Range</c>) and sends the rest, so a flaky network costs a resend of the tail, never a second copy of the rows.
    /// </summary>
    public async Task UploadAsync(Uri session, string path, CancellationToken cancellationToken)
    {
        long length = new FileInfo(path).Length;
        long offset = 0;
        for (int attempt = 1; ; attempt++)
        {
            using HttpRequestMessage request = new(HttpMethod.Put, session);
            request.Options.Set(NoRetry, true);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _credentials.GetTokenAsync(cancellationToken).ConfigureAwait(false));
            if (offset < length || length == 0)
            {
                FileStream part = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true) { Position = offset };
                request.Content = new StreamContent(part);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                request.Content.Headers.ContentRange = length == 0 ? null : new ContentRangeHeaderValue(offset, length - 1, length);
            }
            else
            {
                // Unknown how much arrived (the answer was lost): ask the session.
                request.Content = new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation("Content-Range", $"bytes */{length}");
            }

            string failure;
            TimeSpan? retryAfter = null;
            try
            {
                using CancellationTokenSource attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attemptTimeout.CancelAfter(_options.Timeout);
                using HttpResponseMessage response = await _http.SendAsync(request, attemptTimeout.Token).ConfigureAwait(false);
                string text = await response.Content.ReadAsStringAsync(attemptTimeout.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                if ((int)response.StatusCode == 308)
                {
                    long received = ReceivedBytes(response);
                    if (received > offset || offset == length)
                    {
                        // Progress (or the answer to a status query): resume from what the session holds.
                        offset = received;
                        attempt = 0;
                        continue;
                    }

                    failure = $"the session still holds {received} of {length} bytes";
                    offset = received;
                }
                else
                {
                    (string message, string[] reasons) = ReadError(text, response.StatusCode);
                    bool retryable = (int)response.StatusCode is 429 or 500 or 502 or 503 or 504 || reasons.Any(r => RetryableReasons.Contains(r));
                    if (!retryable)
                    {
                        throw new DataStoreException($"BigQuery refused the upload of {Path.GetFileName(path)} (HTTP {(int)response.StatusCode}): {message}");
                    }

                    failure = message;
                    retryAfter = response.Headers.RetryAfter?.Delta;
                    offset = length;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                failure = ex.Message;
                offset = length;
            }

            if (attempt >= MaxAttempts)
            {
                throw new DataStoreException($"The upload of {Path.GetFileName(path)} to BigQuery failed after {attempt} attempts: {failure}");
            }

            await BackoffAsync(attempt, retryAfter, failure, cancellationToken).ConfigureAwait(false);
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
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            string what = ex is TimeoutRejectedException ? string.Create(CultureInfo.InvariantCulture, $"no answer within {_options.Timeout.TotalSeconds:0.###} s") : ex.Message;
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

    /// <summary>
    /// The retry of every request but upload chunks: <see cref="MaxAttempts"/> attempts, exponential backoff from
    /// <see cref="RetryDelay"/> with seeded jitter, <c>Retry-After</c> honoured (capped at 30 s), each attempt limited
    /// to <c>AetherSegment:BigQuery:Timeout</c>. Built on first use, after the init-only settings are set.
    /// </summary>
    private ResiliencePipeline<HttpResponseMessage> BuildResilience()
    {
        Random jitter = new(4);
        HttpRetryStrategyOptions retry = new()
        {
            MaxRetryAttempts = Math.Max(1, MaxAttempts - 1),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = RetryDelay,
            MaxDelay = TimeSpan.FromSeconds(30),
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ShouldRetryAsync(args.Outcome, args.Context.CancellationToken),
            OnRetry = args =>
            {
                string reason = args.Outcome.Exception?.Message ?? $"HTTP {(int)args.Outcome.Result!.StatusCode}";
                LogRetry(_logger, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, reason);
                return default;
            },
            Randomizer = () =>
            {
                lock (jitter)
                {
                    return jitter.NextDouble();
                }
            },
        };
        if (MaxAttempts <= 1)
        {
            retry.ShouldHandle = static _ => PredicateResult.False();
        }

        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time }
            .AddRetry(retry)
            .AddTimeout(_options.Timeout)
            .Build();
    }

    /// <summary>Transient: a connection failure or attempt timeout, 408, 429, 5xx, or an error body whose reason is a rate limit or backend error.</summary>
    private static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        if (outcome.Exception is { } exception)
        {
            return exception is HttpRequestException or TimeoutRejectedException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);
        }

        HttpResponseMessage response = outcome.Result!;
        if (response.IsSuccessStatusCode || (int)response.StatusCode == 308)
        {
            return false;
        }

        if ((int)response.StatusCode is 408 or 429 or 500 or 502 or 503 or 504)
        {
            return true;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        (_, string[] reasons) = ReadError(text, response.StatusCode);
        return reasons.Any(r => RetryableReasons.Contains(r));
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

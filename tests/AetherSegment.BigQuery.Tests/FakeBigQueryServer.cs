using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AetherSegment.BigQuery.Rest;
using AetherSegment.Tests;

namespace AetherSegment.BigQuery.Tests;

/// <summary>One request the fake received.</summary>
internal sealed record FakeRequest(string Method, string Path, string Query, string? Authorization, JsonNode? Body)
{
    public string? QueryValue(string name)
    {
        foreach (string pair in Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = pair.Split('=', 2);
            if (parts[0] == name)
            {
                return Uri.UnescapeDataString(parts.Length > 1 ? parts[1] : "");
            }
        }

        return null;
    }

    /// <summary>A dry run: jobs.query with dryRun, or jobs.insert with configuration.dryRun.</summary>
    public bool IsDryRun => Body?["dryRun"]?.GetValue<bool>() == true || Body?["configuration"]?["dryRun"]?.GetValue<bool>() == true;

    /// <summary>The query settings: the jobs.query body, or a query job's configuration.query.</summary>
    public JsonNode? QueryBody => Body?["configuration"]?["query"] ?? Body;

    public string? Sql => QueryBody?["query"] is JsonValue value && value.TryGetValue(out string? sql) ? sql : null;

    /// <summary>The body as text (uploads are not JSON).</summary>
    public string Text { get; init; } = "";

    /// <summary>Every request header, content headers included.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;
}

/// <summary>A reply: status and JSON body.</summary>
internal sealed record FakeReply(int Status, string Body)
{
    /// <summary>Response headers to add (Location, Range, ...).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static FakeReply Json(object body) => new(200, JsonSerializer.Serialize(body));

    public static FakeReply Error(int status, string reason, string message) =>
        new(status, JsonSerializer.Serialize(new { error = new { code = status, message, errors = new[] { new { reason, message, domain = "global" } }, status = "INVALID_ARGUMENT" } }));

    /// <summary>A dry run's answer as jobs.insert gives it: a job whose statistics say the bytes and the tables read.</summary>
    public static FakeReply DryRun(long bytes, params string[] tables) => Json(new
    {
        kind = "bigquery#job",
        jobReference = new { projectId = "proj", location = "US" },
        configuration = new { dryRun = true },
        status = new { state = "DONE" },
        statistics = new
        {
            totalBytesProcessed = bytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            query = new
            {
                totalBytesProcessed = bytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                referencedTables = tables.Select(t => new { projectId = "proj", datasetId = "cdp", tableId = t }).ToArray(),
            },
        },
    });
}

/// <summary>
/// An in-process BigQuery REST v2 endpoint on 127.0.0.1 (HttpListener): records every request and answers with the
/// test's handler, so tests check paths, headers and bodies and script paging, dry runs, errors and retries.
/// </summary>
internal sealed class FakeBigQueryServer : IAsyncDisposable
{
    private readonly Func<FakeRequest, FakeReply> _handler;
    private readonly LoopbackServer _server;

    /// <param name="handler">Answers each request.</param>
    /// <param name="concurrent">Whether requests are handled side by side (races), not one after another.</param>
    public FakeBigQueryServer(Func<FakeRequest, FakeReply> handler, bool concurrent = false)
    {
        _handler = handler;
        _server = new LoopbackServer(HandleAsync, concurrent: concurrent);
    }

    public string Endpoint => _server.Endpoint;

    /// <summary>A client for project "proj", dataset "cdp" on this server, retrying after 5 ms instead of seconds.</summary>
    public BigQueryRestClient CreateClient() => new(new BigQueryOptions
    {
        ProjectId = "proj",
        Dataset = "cdp",
        Endpoint = Endpoint,
        AccessToken = "test-token",
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
    }, TimeProvider.System) { JobPollDelay = TimeSpan.FromMilliseconds(5) };

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    public IReadOnlyList<FakeRequest> All => [.. Requests];

    private async Task HandleAsync(HttpListenerContext context)
    {
        string text = await LoopbackServer.ReadBodyAsync(context);
        Dictionary<string, string> headers = new(StringComparer.OrdinalIgnoreCase);
        foreach (string? name in context.Request.Headers.AllKeys)
        {
            if (name is not null)
            {
                headers[name] = context.Request.Headers[name] ?? "";
            }
        }

        FakeRequest request = new(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Url.Query,
            context.Request.Headers["Authorization"], ParseJson(text)) { Text = text, Headers = headers };
        Requests.Enqueue(request);
        FakeReply reply;
        try
        {
            reply = _handler(request);
        }
        catch (Exception ex)
        {
            reply = FakeReply.Error(500, "testFailure", ex.Message);
        }

        await LoopbackServer.ReplyAsync(context, reply.Status, reply.Body, reply.Headers);
    }

    private static JsonNode? ParseJson(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

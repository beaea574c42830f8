using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AetherSegment.BigQuery.Rest;

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

    public bool IsDryRun => Body?["dryRun"]?.GetValue<bool>() == true;

    public string? Sql => Body?["query"]?.GetValue<string>();

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

    public static FakeReply DryRun(long bytes) => Json(new
    {
        kind = "bigquery#queryResponse",
        jobReference = new { projectId = "proj", location = "US" },
        totalBytesProcessed = bytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        jobComplete = true,
        cacheHit = false,
    });
}

/// <summary>
/// An in-process BigQuery REST v2 endpoint on 127.0.0.1 (HttpListener): records every request and answers with the
/// test's handler, so tests check paths, headers and bodies and script paging, dry runs, errors and retries.
/// </summary>
internal sealed class FakeBigQueryServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<FakeRequest, FakeReply> _handler;
    private readonly Task _loop;

    public FakeBigQueryServer(Func<FakeRequest, FakeReply> handler)
    {
        _handler = handler;
        int port = FreePort();
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Endpoint { get; }

    /// <summary>A client for project "proj", dataset "cdp" on this server, retrying after 5 ms instead of seconds.</summary>
    public BigQueryRestClient CreateClient() => new(new BigQueryOptions
    {
        ProjectId = "proj",
        Dataset = "cdp",
        Endpoint = Endpoint,
        AccessToken = "test-token",
    }, TimeProvider.System) { RetryDelay = TimeSpan.FromMilliseconds(5), JobPollDelay = TimeSpan.FromMilliseconds(5) };

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    public IReadOnlyList<FakeRequest> All => [.. Requests];

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            string text;
            using (StreamReader reader = new(context.Request.InputStream, Encoding.UTF8))
            {
                text = await reader.ReadToEndAsync();
            }

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

            byte[] bytes = Encoding.UTF8.GetBytes(reply.Body);
            context.Response.StatusCode = reply.Status;
            foreach ((string name, string value) in reply.Headers)
            {
                context.Response.AddHeader(name, value);
            }

            context.Response.ContentType = "application/json; charset=UTF-8";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
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

    private static int FreePort()
    {
        using TcpListener probe = new(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ConfigureAwait(false);
    }
}

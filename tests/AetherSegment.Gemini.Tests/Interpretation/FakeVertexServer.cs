using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AetherSegment.Gemini.Tests.Interpretation;

/// <summary>A request the fake Vertex endpoint received.</summary>
internal sealed record RecordedRequest(string Method, string PathAndQuery, string? Authorization, string? ContentType, string Body);

/// <summary>What the fake answers: a status, a body, optional headers and a delay before answering.</summary>
internal sealed record FakeResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default);

/// <summary>
/// An in-process HTTP server on 127.0.0.1 with a random port standing in for Vertex AI: records every request and
/// answers with a delegate given the attempt number (0-based).
/// </summary>
internal sealed class FakeVertexServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<int, RecordedRequest, FakeResponse> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _count;

    public FakeVertexServer(Func<int, RecordedRequest, FakeResponse> respond)
    {
        _respond = respond;
        int port = FreePort();
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Endpoint { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static string Candidate(string text) =>
        System.Text.Json.JsonSerializer.Serialize(new { candidates = new[] { new { content = new { role = "model", parts = new[] { new { text } } }, finishReason = "STOP" } } });

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using StreamReader reader = new(context.Request.InputStream, Encoding.UTF8);
            string body = await reader.ReadToEndAsync();
            RecordedRequest request = new(context.Request.HttpMethod, context.Request.Url!.PathAndQuery,
                context.Request.Headers["Authorization"], context.Request.ContentType, body);
            Requests.Enqueue(request);
            FakeResponse response = _respond(Interlocked.Increment(ref _count) - 1, request);
            if (response.Delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(response.Delay, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }

            context.Response.StatusCode = response.Status;
            context.Response.ContentType = "application/json";
            foreach (KeyValuePair<string, string> header in response.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[header.Key] = header.Value;
            }

            byte[] bytes = Encoding.UTF8.GetBytes(response.Body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (HttpListenerException)
        {
        }
    }

    private static int FreePort()
    {
        using TcpListener probe = new(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception)
        {
        }

        _stop.Dispose();
    }
}

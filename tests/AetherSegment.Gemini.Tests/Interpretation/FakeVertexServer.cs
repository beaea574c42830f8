using System.Collections.Concurrent;
using System.Net;
using AetherSegment.Tests;

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
    private readonly Func<int, RecordedRequest, FakeResponse> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly LoopbackServer _server;
    private int _count;

    public FakeVertexServer(Func<int, RecordedRequest, FakeResponse> respond)
    {
        _respond = respond;
        _server = new LoopbackServer(HandleAsync, concurrent: true);
    }

    public string Endpoint => _server.Endpoint;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static string Candidate(string text) =>
        System.Text.Json.JsonSerializer.Serialize(new { candidates = new[] { new { content = new { role = "model", parts = new[] { new { text } } }, finishReason = "STOP" } } });

    private async Task HandleAsync(HttpListenerContext context)
    {
        string body = await LoopbackServer.ReadBodyAsync(context);
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
                return;
            }
        }

        await LoopbackServer.ReplyAsync(context, response.Status, response.Body, response.Headers);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _server.DisposeAsync();
        _stop.Dispose();
    }
}

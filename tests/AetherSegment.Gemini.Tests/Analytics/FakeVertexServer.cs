using System.Net;
using System.Text.Json;
using AetherSegment.Tests;

namespace AetherSegment.Gemini.Tests.Analytics;

/// <summary>An in-process HTTP server on loopback that answers Vertex AI generateContent calls from a delegate.</summary>
internal sealed class FakeVertexServer : IDisposable
{
    private readonly Func<int, (int Status, string Body)> _answer;
    private readonly LoopbackServer _server;
    private int _calls;

    public FakeVertexServer(Func<int, (int Status, string Body)> answer)
    {
        _answer = answer;
        _server = new LoopbackServer(HandleAsync);
    }

    public string Endpoint => _server.Endpoint + "/";

    public List<(string Path, string Body, string? Authorization)> Requests { get; } = [];

    /// <summary>A generateContent response whose text part is the model's JSON answer.</summary>
    public static string ModelSays(string sql) => JsonSerializer.Serialize(new
    {
        candidates = new[] { new { content = new { role = "model", parts = new[] { new { text = JsonSerializer.Serialize(new { sql }) } } } } },
    });

    public void Dispose() => _server.Dispose();

    private async Task HandleAsync(HttpListenerContext context)
    {
        string body = await LoopbackServer.ReadBodyAsync(context);
        lock (Requests)
        {
            Requests.Add((context.Request.Url!.AbsolutePath, body, context.Request.Headers["Authorization"]));
        }

        (int status, string answer) = _answer(Interlocked.Increment(ref _calls));
        await LoopbackServer.ReplyAsync(context, status, answer);
    }
}

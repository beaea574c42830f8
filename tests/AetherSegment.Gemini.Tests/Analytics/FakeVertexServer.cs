using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace AetherSegment.Gemini.Tests.Analytics;

/// <summary>An in-process HTTP server on loopback that answers Vertex AI generateContent calls from a delegate.</summary>
internal sealed class FakeVertexServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<int, (int Status, string Body)> _answer;
    private readonly Task _loop;
    private int _calls;

    public FakeVertexServer(Func<int, (int Status, string Body)> answer)
    {
        _answer = answer;
        using TcpListener probe = new(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Endpoint);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Endpoint { get; }

    public List<(string Path, string Body, string? Authorization)> Requests { get; } = [];

    /// <summary>A generateContent response whose text part is the model's JSON answer.</summary>
    public static string ModelSays(string sql) => JsonSerializer.Serialize(new
    {
        candidates = new[] { new { content = new { role = "model", parts = new[] { new { text = JsonSerializer.Serialize(new { sql }) } } } } },
    });

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

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

            using StreamReader reader = new(context.Request.InputStream, Encoding.UTF8);
            string body = await reader.ReadToEndAsync();
            lock (Requests)
            {
                Requests.Add((context.Request.Url!.AbsolutePath, body, context.Request.Headers["Authorization"]));
            }

            (int status, string answer) = _answer(Interlocked.Increment(ref _calls));
            byte[] bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}

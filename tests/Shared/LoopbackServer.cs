using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AetherSegment.Tests;

/// <summary>
/// The plumbing of every fake HTTP service in the tests (BigQuery, Vertex AI, an OpenAI-compatible chat endpoint): an
/// <see cref="HttpListener"/> on 127.0.0.1 at a free port that hands each request to the fake's handler, in order or,
/// for fakes that delay answers, concurrently. Closing the listener ends the loop.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable, IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, Task> _handle;
    private readonly bool _concurrent;
    private readonly Task _loop;

    /// <param name="handle">Answers one request (and closes its response).</param>
    /// <param name="path">The path the listener serves, starting and ending with '/'.</param>
    /// <param name="concurrent">Whether requests are handled side by side instead of one after another.</param>
    public LoopbackServer(Func<HttpListenerContext, Task> handle, string path = "/", bool concurrent = false)
    {
        _handle = handle;
        _concurrent = concurrent;
        int port;
        using (TcpListener probe = new(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Endpoint + path);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary><c>http://127.0.0.1:port</c>, without a trailing slash.</summary>
    public string Endpoint { get; }

    public static async Task<string> ReadBodyAsync(HttpListenerContext context)
    {
        using StreamReader reader = new(context.Request.InputStream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    /// <summary>Answers with a JSON (or empty) body, the status and any extra headers, and closes the response.</summary>
    public static async Task ReplyAsync(HttpListenerContext context, int status, string body, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        foreach ((string name, string value) in headers ?? [])
        {
            context.Response.AddHeader(name, value);
        }

        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
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

            if (_concurrent)
            {
                _ = Task.Run(() => HandleAsync(context));
            }
            else
            {
                await HandleAsync(context);
            }
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            await _handle(context);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The client gave up (a timeout test) or the server is closing.
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Close alone: on Linux, Stop followed by Close unregisters the port twice, and the second time binds it
        // again to find its listener, which fails when another test has just taken the port ("Address already in use").
        try
        {
            _listener.Close();
        }
        catch (HttpListenerException)
        {
            // Closing a listener whose port is gone has nothing left to release.
        }

        try
        {
            await _loop.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}

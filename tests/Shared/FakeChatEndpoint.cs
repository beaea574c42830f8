using System.Net;
using System.Text.Json.Nodes;

namespace AetherSegment.Tests;

/// <summary>An OpenAI-compatible <c>/chat/completions</c> endpoint on 127.0.0.1 answering a fixed assistant message.</summary>
internal sealed class FakeChatEndpoint : IDisposable
{
    private readonly Func<JsonObject, string> _answer;
    private readonly LoopbackServer _server;

    public FakeChatEndpoint(Func<JsonObject, string> answer)
    {
        _answer = answer;
        _server = new LoopbackServer(HandleAsync, "/v1/");
        BaseAddress = new Uri(_server.Endpoint + "/v1/");
    }

    public Uri BaseAddress { get; }

    public List<JsonObject> Requests { get; } = [];

    public void Dispose() => _server.Dispose();

    private async Task HandleAsync(HttpListenerContext context)
    {
        JsonObject request = JsonNode.Parse(await LoopbackServer.ReadBodyAsync(context))!.AsObject();
        lock (Requests)
        {
            Requests.Add(request);
        }

        bool isChat = context.Request.Url!.AbsolutePath.EndsWith("/chat/completions", StringComparison.Ordinal);
        JsonObject response = new()
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion",
            ["created"] = 0,
            ["model"] = "test-model",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = _answer(request) },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["completion_tokens"] = 1, ["total_tokens"] = 2 },
        };
        await LoopbackServer.ReplyAsync(context, isChat ? 200 : 404, response.ToJsonString());
    }
}

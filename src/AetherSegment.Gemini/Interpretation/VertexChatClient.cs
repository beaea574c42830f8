using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace AetherSegment.Gemini.Interpretation;

/// <summary>
/// Gemini on Vertex AI as a Microsoft.Extensions.AI <see cref="IChatClient"/> over the package's REST transport
/// (<see cref="VertexAiClient"/>): system messages become <c>systemInstruction</c>, user and assistant messages the
/// <c>contents</c> (roles <c>user</c> and <c>model</c>), a JSON response format with a schema becomes
/// <c>responseMimeType</c> and <c>responseSchema</c> (converted to Vertex's OpenAPI subset), and <c>usageMetadata</c>
/// becomes <see cref="ChatResponse.Usage"/>. So AetherSegment.AI's one interpreter and one SQL writer run on Gemini
/// like on any other model. Streaming returns the whole answer as one update. Thread-safe.
/// </summary>
internal sealed class VertexChatClient : IChatClient
{
    private readonly VertexAiClient _client;
    private readonly ChatClientMetadata _metadata;
    private ConvertedSchema? _lastSchema;

    public VertexChatClient(VertexAiClient client, GeminiOptions options)
    {
        _client = client;
        _metadata = new ChatClientMetadata("gcp.vertex_ai", options.ResolveEndpoint(), options.Model);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        StringBuilder? system = null;
        List<(string Role, string Text)> contents = [];
        foreach (ChatMessage message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                (system ??= new StringBuilder()).Append(system.Length > 0 ? "\n" : "").Append(message.Text);
            }
            else
            {
                contents.Add((message.Role == ChatRole.Assistant ? "model" : "user", message.Text));
            }
        }

        ChatResponseFormatJson? json = options?.ResponseFormat as ChatResponseFormatJson;
        VertexRequest request = new(
            system?.ToString(),
            contents,
            json is not null,
            json?.Schema is { } schema ? Convert(schema) : null,
            options?.Temperature,
            options?.MaxOutputTokens);
        VertexAnswer answer = await _client.GenerateAsync(request, cancellationToken).ConfigureAwait(false);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, answer.Text))
        {
            ModelId = answer.ModelVersion ?? _metadata.DefaultModelId,
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = answer.InputTokens, OutputTokenCount = answer.OutputTokens, TotalTokenCount = answer.TotalTokens },
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ChatResponse response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (ChatResponseUpdate update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // The transport belongs to the container.
    }

    /// <summary>The JSON schema in Vertex's OpenAPI subset; the last one is kept (callers send the same schema every time).</summary>
    private byte[] Convert(JsonElement schema)
    {
        string raw = schema.GetRawText();
        if (_lastSchema is { } last && string.Equals(last.Raw, raw, StringComparison.Ordinal))
        {
            return last.Converted;
        }

        byte[] converted = JsonSerializer.SerializeToUtf8Bytes(VertexSchemaConverter.Convert(JsonNode.Parse(raw)!.AsObject()));
        _lastSchema = new ConvertedSchema(raw, converted);
        return converted;
    }

    private sealed record ConvertedSchema(string Raw, byte[] Converted);
}

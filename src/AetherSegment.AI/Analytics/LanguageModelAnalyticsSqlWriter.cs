using System.Text.Json;
using AetherSegment.Analytics;
using Microsoft.Extensions.AI;

namespace AetherSegment.AI.Analytics;

/// <summary>
/// The one language-model SQL writer: asks any <see cref="IChatClient"/> (Gemini through its adapter, OpenAI, Ollama...)
/// for JSON <c>{"sql": ...}</c> with that response schema (bare SQL is read too); the analytics service's guard checks
/// the SQL before anything runs, and its failures (thrown) make the service answer with the rules. Thread-safe when
/// the chat client is.
/// </summary>
internal sealed class LanguageModelAnalyticsSqlWriter(IChatClient chatClient, string name, string? modelId) : IAnalyticsSqlWriter
{
    private static readonly JsonElement Schema = JsonDocument.Parse("""{"type":"object","properties":{"sql":{"type":"string"}},"required":["sql"]}""").RootElement.Clone();

    /// <summary>The writer's short name, for logs and telemetry.</summary>
    public string Name => name;

    public async Task<string?> WriteSqlAsync(AnalyticsSqlRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ChatMessage[] messages =
        [
            new(ChatRole.System, AnalyticsSqlPrompt.SystemInstruction(request)),
            new(ChatRole.User, AnalyticsSqlPrompt.UserMessage(request)),
        ];
        ChatOptions options = new()
        {
            ModelId = modelId,
            Temperature = 0,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(Schema, "analytics_sql", "One read-only SELECT statement, or an empty string when the tables cannot answer."),
        };
        ChatResponse response = await chatClient.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        return AnalyticsSqlPrompt.ReadAnswer(response.Text);
    }
}

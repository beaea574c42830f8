using AetherSegment.Analytics;
using Microsoft.Extensions.AI;

namespace AetherSegment.Gemini.Analytics;

/// <summary>Asks any <see cref="IChatClient"/> to write analytics SQL (JSON <c>{sql}</c> or bare SQL); the guard checks it.</summary>
/// <remarks>Thread-safe when the chat client is.</remarks>
internal sealed class ChatClientAnalyticsSqlWriter(IChatClient chatClient) : IAnalyticsSqlWriter
{
    public async Task<string?> WriteSqlAsync(AnalyticsSqlRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ChatMessage[] messages =
        [
            new(ChatRole.System, AnalyticsSqlPrompt.SystemInstruction(request)),
            new(ChatRole.User, AnalyticsSqlPrompt.UserMessage(request)),
        ];
        ChatOptions options = new() { Temperature = 0, ResponseFormat = ChatResponseFormat.Json };
        ChatResponse response = await chatClient.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        return AnalyticsSqlPrompt.ReadAnswer(response.Text);
    }
}

using AetherSegment.DependencyInjection;
using AetherSegment.Gemini;
using Microsoft.Extensions.AI;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers an interpreter over any Microsoft.Extensions.AI <see cref="IChatClient"/>.</summary>
public static class ChatClientAetherSegmentBuilderExtensions
{
    /// <summary>Interprets objectives with the <see cref="IChatClient"/> registered in the container, named <c>chat</c>, with the rules as fallback.</summary>
    /// <param name="builder">The builder from <c>AddAetherSegment</c>.</param>
    /// <returns>The same builder.</returns>
    public static AetherSegmentBuilder AddChatClientInterpreter(this AetherSegmentBuilder builder) => builder.AddChatClientInterpreter(configure: null);

    /// <summary>Interprets objectives with the given <see cref="IChatClient"/>, named <c>chat</c>, with the rules as fallback.</summary>
    /// <param name="builder">The builder from <c>AddAetherSegment</c>.</param>
    /// <param name="chatClient">The chat client; its lifetime is the caller's.</param>
    /// <returns>The same builder.</returns>
    public static AetherSegmentBuilder AddChatClientInterpreter(this AetherSegmentBuilder builder, IChatClient chatClient) => builder.AddChatClientInterpreter(chatClient, configure: null);

    /// <summary>
    /// Interprets objectives with the <see cref="IChatClient"/> registered in the container (for example by
    /// <c>services.AddChatClient(new OllamaApiClient(...))</c>), with the schema as response format, the same validation
    /// as Gemini and the rules as fallback. Replaces the default interpreter; calling it again replaces the previous choice.
    /// </summary>
    /// <param name="builder">The builder from <c>AddAetherSegment</c>.</param>
    /// <param name="configure">Configures the name, model id, timeout and fallback.</param>
    /// <returns>The same builder.</returns>
    public static AetherSegmentBuilder AddChatClientInterpreter(this AetherSegmentBuilder builder, Action<ChatClientInterpreterOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        GeminiServices.AddChatClient(builder.Services, sp => sp.GetRequiredService<IChatClient>(), configure);
        return builder;
    }

    /// <summary>
    /// Interprets objectives with the given <see cref="IChatClient"/> (OpenAI, Azure OpenAI, Ollama, a local model), with
    /// the schema as response format, the same validation as Gemini and the rules as fallback. Replaces the default interpreter.
    /// </summary>
    /// <param name="builder">The builder from <c>AddAetherSegment</c>.</param>
    /// <param name="chatClient">The chat client; its lifetime is the caller's.</param>
    /// <param name="configure">Configures the name, model id, timeout and fallback.</param>
    /// <returns>The same builder.</returns>
    public static AetherSegmentBuilder AddChatClientInterpreter(this AetherSegmentBuilder builder, IChatClient chatClient, Action<ChatClientInterpreterOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(chatClient);
        GeminiServices.AddChatClient(builder.Services, _ => chatClient, configure);
        return builder;
    }
}

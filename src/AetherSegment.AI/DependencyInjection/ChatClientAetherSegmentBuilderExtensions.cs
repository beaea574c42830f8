using AetherSegment.DependencyInjection;
using AetherSegment.AI;
using AetherSegment.AI.Analytics;
using AetherSegment.Analytics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.AI;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the language-model interpreter and analytics SQL writer over any Microsoft.Extensions.AI <see cref="IChatClient"/>.</summary>
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
        ChatClientInterpreterOptions options = new();
        configure?.Invoke(options);
        AIServices.AddInterpreter(builder.Services, sp => sp.GetRequiredService<IChatClient>(), _ => options);
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
        ChatClientInterpreterOptions options = new();
        configure?.Invoke(options);
        AIServices.AddInterpreter(builder.Services, _ => chatClient, _ => options);
        return builder;
    }

    /// <summary>
    /// Lets the registered <see cref="IChatClient"/> write the SQL of analytics answers. Its SQL runs only when the SQL
    /// guard accepts it; otherwise, and on any error, the rule-based parser answers and the answer's warnings say why.
    /// The writer runs in a pipeline (OpenTelemetry, logging). Calling it twice is harmless.
    /// </summary>
    /// <param name="builder">The builder from <c>AddAetherSegment</c>; an <c>IChatClient</c> must be registered.</param>
    /// <returns>The same builder.</returns>
    public static AetherSegmentBuilder AddChatClientAnalytics(this AetherSegmentBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AIServices.AddSqlWriter<LanguageModelAnalyticsSqlWriter>(builder.Services, "chat", sp => sp.GetRequiredService<IChatClient>(), modelId: null);
        return builder;
    }
}

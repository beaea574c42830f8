using AetherSegment.DependencyInjection;
using AetherSegment.Gemini.Interpretation;
using AetherSegment.Interpretation;
using AetherSegment.Profiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AetherSegment.Gemini;

/// <summary>The language-model interpreters' service registrations.</summary>
internal static class GeminiServices
{
    internal static void AddGemini(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddVertexTransport(services);
        services.TryAddSingleton(sp => new GeminiCampaignInterpreter(
            sp.GetRequiredService<VertexAiClient>(),
            sp.GetRequiredService<BusinessProfile>(),
            sp.GetRequiredService<IOptions<GeminiOptions>>(),
            sp.GetRequiredService<IOptions<AetherSegmentOptions>>(),
            sp.GetService<ILogger<GeminiCampaignInterpreter>>()));
        services.Replace(ServiceDescriptor.Singleton<ICampaignInterpreter>(sp => sp.GetRequiredService<GeminiCampaignInterpreter>()));
    }

    /// <summary>Binds <see cref="GeminiOptions"/> with its validators, checked at start (shared by every Gemini feature).</summary>
    internal static void AddOptions(IServiceCollection services, Action<GeminiOptions>? configure)
    {
        services.AddValidatedOptions<GeminiOptions, GeminiOptionsValidator>(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GeminiOptions>, GeminiOptionsRangeValidator>());
    }

    /// <summary>The one Vertex AI transport every Gemini feature shares (interpretation, analytics SQL).</summary>
    internal static void AddVertexTransport(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new VertexAiClient(
            sp.GetRequiredService<IOptions<GeminiOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<BusinessProfile>(),
            sp.GetService<ILogger<VertexAiClient>>()));
    }

    internal static void AddChatClient(IServiceCollection services, Func<IServiceProvider, Microsoft.Extensions.AI.IChatClient> chatClient, Action<ChatClientInterpreterOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.Replace(ServiceDescriptor.Singleton<ICampaignInterpreter>(sp =>
        {
            ChatClientInterpreterOptions options = new();
            configure?.Invoke(options);
            return new ChatClientCampaignInterpreter(
                chatClient(sp),
                options,
                sp.GetRequiredService<BusinessProfile>(),
                sp.GetRequiredService<IOptions<AetherSegmentOptions>>().Value,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetService<ILoggerFactory>()?.CreateLogger("AetherSegment.Gemini.ChatClientInterpreter"));
        }));
    }
}

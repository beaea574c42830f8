using AetherSegment.AI;
using AetherSegment.DependencyInjection;
using AetherSegment.Gemini.Interpretation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AetherSegment.Gemini;

/// <summary>The Vertex AI adapter's service registrations: the transport, its resilient HTTP client, the <c>IChatClient</c> adapter.</summary>
internal static class GeminiServices
{
    /// <summary>Replaces the interpreter with AetherSegment.AI's language-model pipeline over the Vertex adapter, named <c>gemini</c>.</summary>
    internal static void AddGemini(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddVertexTransport(services);
        AIServices.AddInterpreter(services, sp => sp.GetRequiredService<VertexChatClient>(), sp =>
        {
            GeminiOptions gemini = sp.GetRequiredService<IOptions<GeminiOptions>>().Value;
            return new ChatClientInterpreterOptions
            {
                Name = "gemini",
                ModelId = gemini.Model,
                Timeout = Timeout.InfiniteTimeSpan, // the transport's attempt and total timeouts apply
                FallbackToRules = gemini.FallbackToRules,
            };
        });
    }

    /// <summary>Binds <see cref="GeminiOptions"/> with its validators, checked at start (shared by every Gemini feature).</summary>
    internal static void AddOptions(IServiceCollection services, Action<GeminiOptions>? configure)
    {
        services.AddValidatedOptions<GeminiOptions, GeminiOptionsValidator>(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GeminiOptions>, GeminiOptionsRangeValidator>());
    }

    /// <summary>The one Vertex AI transport every Gemini feature shares (interpretation, analytics SQL), once.</summary>
    internal static void AddVertexTransport(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(VertexAiClient)))
        {
            return;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(GeminiResilience.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler()
            .Configure((options, sp) => GeminiResilience.Configure(options, sp.GetRequiredService<IOptions<GeminiOptions>>().Value));
        services.TryAddSingleton(sp => new VertexAiClient(
            sp.GetRequiredService<IOptions<GeminiOptions>>(),
            sp.GetService<ILogger<VertexAiClient>>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(GeminiResilience.HttpClientName)));
        services.TryAddSingleton(sp => new VertexChatClient(sp.GetRequiredService<VertexAiClient>(), sp.GetRequiredService<IOptions<GeminiOptions>>().Value));
    }
}

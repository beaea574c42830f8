using AetherSegment.AI.Analytics;
using AetherSegment.AI.Interpretation;
using AetherSegment.Analytics;
using AetherSegment.DependencyInjection;
using AetherSegment.Diagnostics;
using AetherSegment.Interpretation;
using AetherSegment.Profiles;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AetherSegment.AI;

/// <summary>
/// The registrations of the language-model layer, shared by every adapter (any <see cref="IChatClient"/>; Gemini on
/// Vertex AI through its <c>IChatClient</c> adapter): the one interpreter and the one SQL writer, each in its pipeline.
/// </summary>
internal static class AIServices
{
    /// <summary>
    /// Replaces the interpreter with the language-model pipeline: OpenTelemetry (outermost), logging, fallback to the
    /// rules (when on), caching, the interpreter over the chat client (itself wrapped in Microsoft.Extensions.AI's
    /// OpenTelemetry step for the GenAI conventions: model, input and output tokens, latency).
    /// </summary>
    internal static void AddInterpreter(IServiceCollection services, Func<IServiceProvider, IChatClient> chatClient, Func<IServiceProvider, ChatClientInterpreterOptions> options)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.Replace(ServiceDescriptor.Singleton<ICampaignInterpreter>(sp =>
        {
            ChatClientInterpreterOptions settings = options(sp);
            BusinessProfile profile = sp.GetRequiredService<BusinessProfile>();
            AetherSegmentOptions core = sp.GetRequiredService<IOptions<AetherSegmentOptions>>().Value;
            IChatClient client = Instrument(chatClient(sp), sp);
            CampaignInterpreterBuilder pipeline = new CampaignInterpreterBuilder(new LanguageModelCampaignInterpreter(
                    client, settings.Name, settings.ModelId, settings.Timeout, profile, core, sp.GetRequiredService<TimeProvider>()))
                .UseOpenTelemetry(settings.ModelId)
                .UseLogging();
            if (settings.FallbackToRules)
            {
                pipeline.UseFallback(CampaignInterpreters.CreateRuleBased(profile, core));
            }

            if (settings.CacheSize > 0)
            {
                pipeline.UseCaching(new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions { SizeLimit = settings.CacheSize }));
            }

            return pipeline.Build(sp);
        }));
    }

    /// <summary>Adds the language-model SQL writer (in its pipeline: OpenTelemetry, logging) once per writer type.</summary>
    internal static void AddSqlWriter<TMarker>(IServiceCollection services, string name, Func<IServiceProvider, IChatClient> chatClient, string? modelId)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAnalyticsSqlWriter, SqlWriterRegistration<TMarker>>(sp => new SqlWriterRegistration<TMarker>(
            new AnalyticsSqlWriterBuilder(new LanguageModelAnalyticsSqlWriter(Instrument(chatClient(sp), sp), name, modelId))
                .UseOpenTelemetry()
                .UseLogging()
                .Build(sp)))); // no cache by default: the data behind a question changes between asks; UseCaching() is there for pipelines that want it
    }

    /// <summary>Microsoft.Extensions.AI's OpenTelemetry step on the <c>AetherSegment</c> source: GenAI spans and metrics per call.</summary>
    private static IChatClient Instrument(IChatClient client, IServiceProvider services) =>
        client.AsBuilder().UseOpenTelemetry(services.GetService<ILoggerFactory>(), AetherSegmentTelemetry.Name).Build(services);

    /// <summary>A distinct registration type per writer, so <c>TryAddEnumerable</c> keeps calling twice harmless.</summary>
    private sealed class SqlWriterRegistration<TMarker>(IAnalyticsSqlWriter inner) : DelegatingAnalyticsSqlWriter(inner);
}

using AetherSegment.DependencyInjection;
using AetherSegment.Interpretation;
using AetherSegment.Profiles;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AetherSegment.AI.Interpretation;

/// <summary>The steps AetherSegment ships for <see cref="CampaignInterpreterBuilder"/> pipelines.</summary>
public static class CampaignInterpreterBuilderExtensions
{
    /// <summary>
    /// On a failure of the interpreters below (timeout, transport error, an answer that fails validation), answers with
    /// <paramref name="fallback"/> and a first warning naming the reason.
    /// </summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="fallback">The interpreter that answers instead; null for the rule-based interpreter of the registered profile.</param>
    /// <returns>The same builder.</returns>
    public static CampaignInterpreterBuilder UseFallback(this CampaignInterpreterBuilder builder, ICampaignInterpreter? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) => new FallbackCampaignInterpreter(
            inner,
            fallback ?? CampaignInterpreters.CreateRuleBased(
                services.GetService<BusinessProfile>() ?? throw new InvalidOperationException("UseFallback() without an interpreter needs a registered BusinessProfile."),
                services.GetService<IOptions<AetherSegmentOptions>>()?.Value),
            Logger(services)));
    }

    /// <summary>Logs each interpretation (Debug: who answered, time, confidence; Warning: failures; Trace: objective and answer).</summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="loggerFactory">The logger factory; null for the registered one (no logging when none).</param>
    /// <returns>The same builder.</returns>
    public static CampaignInterpreterBuilder UseLogging(this CampaignInterpreterBuilder builder, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) =>
        {
            ILoggerFactory? factory = loggerFactory ?? services.GetService<ILoggerFactory>();
            return factory is null || factory == NullLoggerFactory.Instance ? inner : new LoggingCampaignInterpreter(inner, factory.CreateLogger("AetherSegment.AI.Interpretation"));
        });
    }

    /// <summary>
    /// Traces and measures each interpretation on the <c>AetherSegment</c> activity source and meter (span
    /// <c>interpret {name}</c> with <c>gen_ai.operation.name</c>, <c>gen_ai.request.model</c>; counter
    /// <c>aethersegment.interpretations</c>; histogram <c>aethersegment.interpretation.duration</c> in seconds).
    /// </summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="modelId">The model the pipeline calls, for <c>gen_ai.request.model</c>; null to leave it out.</param>
    /// <returns>The same builder.</returns>
    public static CampaignInterpreterBuilder UseOpenTelemetry(this CampaignInterpreterBuilder builder, string? modelId = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new OpenTelemetryCampaignInterpreter(inner, modelId));
    }

    /// <summary>
    /// Answers an objective already interpreted for the same profile from a memory cache. Failures are not cached.
    /// </summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="cache">The cache; null for a private cache of at most 256 answers.</param>
    /// <param name="lifetime">How long an answer is kept; null for one hour.</param>
    /// <returns>The same builder.</returns>
    public static CampaignInterpreterBuilder UseCaching(this CampaignInterpreterBuilder builder, IMemoryCache? cache = null, TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) => new CachingCampaignInterpreter(
            inner,
            cache ?? new MemoryCache(new MemoryCacheOptions { SizeLimit = 256 }),
            services.GetService<BusinessProfile>(),
            lifetime ?? TimeSpan.FromHours(1)));
    }

    private static ILogger Logger(IServiceProvider services) =>
        services.GetService<ILoggerFactory>()?.CreateLogger("AetherSegment.AI.Interpretation") ?? NullLogger.Instance;
}

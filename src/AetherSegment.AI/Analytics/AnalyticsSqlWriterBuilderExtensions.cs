using AetherSegment.Analytics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AetherSegment.AI.Analytics;

/// <summary>The steps AetherSegment ships for <see cref="AnalyticsSqlWriterBuilder"/> pipelines.</summary>
public static class AnalyticsSqlWriterBuilderExtensions
{
    /// <summary>Logs each SQL writing (Debug: time and outcome; Warning: failures; Trace: the SQL).</summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="loggerFactory">The logger factory; null for the registered one (no logging when none).</param>
    /// <returns>The same builder.</returns>
    public static AnalyticsSqlWriterBuilder UseLogging(this AnalyticsSqlWriterBuilder builder, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) =>
        {
            ILoggerFactory? factory = loggerFactory ?? services.GetService<ILoggerFactory>();
            return factory is null || factory == NullLoggerFactory.Instance ? inner : new LoggingAnalyticsSqlWriter(inner, factory.CreateLogger("AetherSegment.AI.Analytics"));
        });
    }

    /// <summary>Traces each SQL writing as a span <c>write_sql</c> on the <c>AetherSegment</c> source and records <c>aethersegment.analytics.sql_writing.duration</c> (s).</summary>
    /// <param name="builder">The pipeline.</param>
    /// <returns>The same builder.</returns>
    public static AnalyticsSqlWriterBuilder UseOpenTelemetry(this AnalyticsSqlWriterBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, _) => new OpenTelemetryAnalyticsSqlWriter(inner));
    }

    /// <summary>Answers a question already asked (same dialect, schema and as-of) from a memory cache. Failures are not cached.</summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="cache">The cache; null for a private cache of at most 256 statements.</param>
    /// <param name="lifetime">How long a statement is kept; null for one hour.</param>
    /// <returns>The same builder.</returns>
    public static AnalyticsSqlWriterBuilder UseCaching(this AnalyticsSqlWriterBuilder builder, IMemoryCache? cache = null, TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, _) => new CachingAnalyticsSqlWriter(inner, cache ?? new MemoryCache(new MemoryCacheOptions { SizeLimit = 256 }), lifetime ?? TimeSpan.FromHours(1)));
    }
}

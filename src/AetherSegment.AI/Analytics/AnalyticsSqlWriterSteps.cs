using System.Diagnostics;
using AetherSegment.Analytics;
using AetherSegment.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace AetherSegment.AI.Analytics;

/// <summary>Logs each SQL writing. Thread-safe.</summary>
internal sealed class LoggingAnalyticsSqlWriter(IAnalyticsSqlWriter inner, ILogger logger) : DelegatingAnalyticsSqlWriter(inner)
{
    public override async Task<string?> WriteSqlAsync(AnalyticsSqlRequest request, CancellationToken cancellationToken = default)
    {
        string name = AnalyticsSqlWriterNames.Of(InnerWriter);
        long start = Stopwatch.GetTimestamp();
        try
        {
            string? sql = await InnerWriter.WriteSqlAsync(request, cancellationToken).ConfigureAwait(false);
            double elapsedMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            string outcome = string.IsNullOrEmpty(sql) ? "declined" : "written";
            AILog.SqlWritten(logger, name, elapsedMs, outcome);
            AILog.Sql(logger, name, sql);
            return sql;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            double elapsedMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            AILog.SqlFailed(logger, name, elapsedMs, ex.Message);
            throw;
        }
    }
}

/// <summary>Traces each SQL writing (span <c>write_sql {name}</c>) and records its duration. Thread-safe.</summary>
internal sealed class OpenTelemetryAnalyticsSqlWriter(IAnalyticsSqlWriter inner) : DelegatingAnalyticsSqlWriter(inner)
{
    public override async Task<string?> WriteSqlAsync(AnalyticsSqlRequest request, CancellationToken cancellationToken = default)
    {
        string name = AnalyticsSqlWriterNames.Of(InnerWriter);
        using Activity? activity = PackageTelemetry.ActivitySource.StartActivity("write_sql " + name);
        activity?.SetTag("gen_ai.operation.name", "write_sql");
        activity?.SetTag("db.system.name", request.Dialect.Name);
        long start = Stopwatch.GetTimestamp();
        string outcome = "error";
        try
        {
            string? sql = await InnerWriter.WriteSqlAsync(request, cancellationToken).ConfigureAwait(false);
            outcome = string.IsNullOrEmpty(sql) ? "declined" : "written";
            activity?.SetTag("aethersegment.outcome", outcome);
            return sql;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            activity?.SetTag("error.type", ex.GetType().FullName);
            throw;
        }
        finally
        {
            PackageTelemetry.SqlWritingDuration.Record(
                Stopwatch.GetElapsedTime(start).TotalSeconds,
                new KeyValuePair<string, object?>("writer", name),
                new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}

/// <summary>Serves an identical request (question, dialect, schema, as-of) from the cache. Thread-safe.</summary>
internal sealed class CachingAnalyticsSqlWriter(IAnalyticsSqlWriter inner, IMemoryCache cache, TimeSpan lifetime) : DelegatingAnalyticsSqlWriter(inner)
{
    public override async Task<string?> WriteSqlAsync(AnalyticsSqlRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        (string, IAnalyticsSqlWriter, AnalyticsSqlRequest) key = ("aethersegment.write_sql", InnerWriter, request);
        if (cache.TryGetValue(key, out string? cached))
        {
            return cached;
        }

        string? sql = await InnerWriter.WriteSqlAsync(request, cancellationToken).ConfigureAwait(false);
        using (ICacheEntry entry = cache.CreateEntry(key))
        {
            entry.Value = sql;
            entry.Size = 1;
            entry.AbsoluteExpirationRelativeToNow = lifetime;
        }

        return sql;
    }
}

/// <summary>Names a writer for logs and telemetry: the language-model writer's name, else the type name.</summary>
internal static class AnalyticsSqlWriterNames
{
    public static string Of(IAnalyticsSqlWriter writer) => writer switch
    {
        LanguageModelAnalyticsSqlWriter model => model.Name,
        DelegatingAnalyticsSqlWriter step => Of(step.Inner),
        _ => writer.GetType().Name,
    };
}

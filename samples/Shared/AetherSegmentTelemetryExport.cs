using AetherSegment.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AetherSegment.Hosting;

/// <summary>
/// OpenTelemetry export for both hosts, switched on by configuration only: the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// (with <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_SERVICE_NAME</c> and the other standard OTLP variables, read by the
/// exporter) exports traces, metrics and logs over OTLP; <c>AetherSegment:Telemetry:Console=true</c> writes them to the
/// console. Sources: the <c>AetherSegment</c> activity source and meter (interpret, segment.analyze, uplift.rank, the
/// GenAI spans and token metrics of model calls), HttpClient instrumentation, plus what the host adds (ASP.NET Core).
/// </summary>
internal static class AetherSegmentTelemetryExport
{
    /// <summary>The configuration key of the console exporter switch.</summary>
    public const string ConsoleKey = "AetherSegment:Telemetry:Console";

    /// <summary>Whether the configuration asks for any export.</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) || configuration.GetValue<bool>(ConsoleKey);

    /// <summary>Adds OpenTelemetry tracing, metrics and logging with the configured exporters; nothing when none is configured.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration.</param>
    /// <param name="serviceName">The default <c>service.name</c> (<c>OTEL_SERVICE_NAME</c> wins).</param>
    /// <param name="tracing">Host-specific tracing (ASP.NET Core instrumentation); null for none.</param>
    /// <param name="metrics">Host-specific metrics; null for none.</param>
    /// <returns>Whether export was switched on.</returns>
    public static bool AddAetherSegmentTelemetryExport(
        this IServiceCollection services,
        IConfiguration configuration,
        string serviceName,
        Action<TracerProviderBuilder>? tracing = null,
        Action<MeterProviderBuilder>? metrics = null)
    {
        if (!IsEnabled(configuration))
        {
            return false;
        }

        bool otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        bool console = configuration.GetValue<bool>(ConsoleKey);
        OpenTelemetryBuilder builder = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? serviceName))
            .WithTracing(t =>
            {
                t.AddSource(AetherSegmentTelemetry.Name).AddHttpClientInstrumentation();
                tracing?.Invoke(t);
                if (otlp)
                {
                    t.AddOtlpExporter();
                }

                if (console)
                {
                    t.AddConsoleExporter();
                }
            })
            .WithMetrics(m =>
            {
                m.AddMeter(AetherSegmentTelemetry.Name).AddHttpClientInstrumentation();
                metrics?.Invoke(m);
                if (otlp)
                {
                    m.AddOtlpExporter();
                }

                if (console)
                {
                    m.AddConsoleExporter();
                }
            });
        if (otlp)
        {
            builder.WithLogging(l => l.AddOtlpExporter());
        }

        return true;
    }

    /// <summary>
    /// Starts the providers in a process without a generic host (the CLI): the hosted service that would start them
    /// does not run there. Disposing the service provider flushes and exports what is left.
    /// </summary>
    /// <param name="services">The built services.</param>
    public static void StartTelemetryExport(this IServiceProvider services)
    {
        _ = services.GetService<TracerProvider>();
        _ = services.GetService<MeterProvider>();
        _ = services.GetService<LoggerProvider>();
    }
}

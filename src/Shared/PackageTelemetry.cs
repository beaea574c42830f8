using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace AetherSegment.Diagnostics;

/// <summary>
/// The telemetry of the package this file is compiled into: an activity source and a meter named
/// <see cref="AetherSegmentTelemetry.Name"/>, so OpenTelemetry users add one source and one meter by that name, whatever
/// packages they reference. One source file linked into every provider package (src/Shared), not a copy per package;
/// internal: instruments are no public API.
/// </summary>
internal static class PackageTelemetry
{
    private static readonly string? Version =
        typeof(PackageTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    /// <summary>The package's meter, named <see cref="AetherSegmentTelemetry.Name"/>.</summary>
    public static Meter Meter { get; } = new(AetherSegmentTelemetry.Name, Version);

    /// <summary>The package's activity source, named <see cref="AetherSegmentTelemetry.Name"/>.</summary>
    public static ActivitySource ActivitySource { get; } = new(AetherSegmentTelemetry.Name, Version);

    /// <summary>Interpretations, tagged with the interpreter (the same instrument as Core's).</summary>
    public static Counter<long> Interpretations { get; } =
        Meter.CreateCounter<long>("aethersegment.interpretations", "{objective}", "Objectives interpreted.");

    /// <summary>Duration of interpretations in seconds, tagged with the pipeline and who answered.</summary>
    public static Histogram<double> InterpretationDuration { get; } =
        Meter.CreateHistogram<double>("aethersegment.interpretation.duration", "s", "Duration of objective interpretations.");

    /// <summary>Duration of analytics SQL writing by a language model in seconds, tagged with the writer.</summary>
    public static Histogram<double> SqlWritingDuration { get; } =
        Meter.CreateHistogram<double>("aethersegment.analytics.sql_writing.duration", "s", "Duration of analytics SQL written by language models.");

    /// <summary>Duration of store queries in seconds (the same instrument as Core's).</summary>
    public static Histogram<double> QueryDuration { get; } =
        Meter.CreateHistogram<double>("aethersegment.query.duration", "s", "Duration of store queries.");
}

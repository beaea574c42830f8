using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using AetherSegment.Diagnostics;

namespace AetherSegment.Gemini;

/// <summary>
/// This package's telemetry: an activity source and a meter named <see cref="AetherSegmentTelemetry.Name"/>, so
/// OpenTelemetry users still add one source and one meter by that name. Internal: instruments are no public API.
/// </summary>
internal static class PackageTelemetry
{
    private static readonly string? Version =
        typeof(PackageTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    /// <summary>The package's meter, named <see cref="AetherSegmentTelemetry.Name"/>.</summary>
    public static Meter Meter { get; } = new(AetherSegmentTelemetry.Name, Version);

    /// <summary>The package's activity source, named <see cref="AetherSegmentTelemetry.Name"/>.</summary>
    public static ActivitySource ActivitySource { get; } = new(AetherSegmentTelemetry.Name, Version);

    /// <summary>Interpretations, tagged with the interpreter (the same instrument name as Core's).</summary>
    public static Counter<long> Interpretations { get; } =
        Meter.CreateCounter<long>("aethersegment.interpretations", "{objective}", "Objectives interpreted.");
}

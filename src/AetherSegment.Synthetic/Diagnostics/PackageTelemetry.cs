using System.Diagnostics;
using System.Reflection;
using AetherSegment.Diagnostics;

namespace AetherSegment.Synthetic;

/// <summary>
/// This package's telemetry: an activity source named <see cref="AetherSegmentTelemetry.Name"/>, so
/// OpenTelemetry users still add one source and one meter by that name. Internal: instruments are no public API.
/// </summary>
internal static class PackageTelemetry
{
    private static readonly string? Version =
        typeof(PackageTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    /// <summary>The package's activity source, named <see cref="AetherSegmentTelemetry.Name"/>.</summary>
    public static ActivitySource ActivitySource { get; } = new(AetherSegmentTelemetry.Name, Version);
}

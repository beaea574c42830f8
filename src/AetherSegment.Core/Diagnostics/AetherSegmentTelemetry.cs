using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace AetherSegment.Diagnostics;

/// <summary>
/// The name of the activity sources and meters of every AetherSegment package: every interpretation, query and scoring
/// run starts an activity and records metrics under it, so OpenTelemetry users add one source and one meter
/// (<c>AddSource(AetherSegmentTelemetry.Name)</c>, <c>AddMeter(AetherSegmentTelemetry.Name)</c>). The instruments
/// themselves are internal to each package.
/// </summary>
public static class AetherSegmentTelemetry
{
    /// <summary>The name of the activity source and the meter: <c>AetherSegment</c>.</summary>
    public const string Name = "AetherSegment";

    private static readonly string? Version =
        typeof(AetherSegmentTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    /// <summary>The activity source for traces.</summary>
    internal static ActivitySource ActivitySource { get; } = new(Name, Version);

    /// <summary>The meter for metrics.</summary>
    internal static Meter Meter { get; } = new(Name, Version);

    /// <summary>Interpretations, tagged with the interpreter.</summary>
    internal static Counter<long> Interpretations { get; } =
        Meter.CreateCounter<long>("aethersegment.interpretations", "{objective}", "Objectives interpreted.");

    /// <summary>Store queries, tagged with the store.</summary>
    internal static Histogram<double> QueryDuration { get; } =
        Meter.CreateHistogram<double>("aethersegment.query.duration", "s", "Duration of store queries.");

    /// <summary>Uplift values scored, tagged with the model.</summary>
    internal static Counter<long> UpliftScores { get; } =
        Meter.CreateCounter<long>("aethersegment.uplift.scores", "{score}", "Uplift values computed.");
}

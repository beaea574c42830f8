using System.Text.Json.Serialization;

namespace AetherSegment.Interpretation;

/// <summary>The KPI of a campaign objective.</summary>
public sealed record Kpi
{
    /// <summary>The metric, or <see langword="null"/> when not named.</summary>
    [JsonPropertyName("metric")]
    public KpiMetric? Metric { get; init; }

    /// <summary>The stated target change in percent ("by 25%" is 25), else <see langword="null"/>.</summary>
    [JsonPropertyName("target_change_pct")]
    public double? TargetChangePct { get; init; }
}

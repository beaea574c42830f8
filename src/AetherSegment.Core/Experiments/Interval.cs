using System.Text.Json.Serialization;

namespace AetherSegment.Experiments;

/// <summary>An estimate with a confidence interval.</summary>
/// <param name="Estimate">The point estimate.</param>
/// <param name="Low">The lower bound.</param>
/// <param name="High">The upper bound.</param>
public sealed record Interval(
    [property: JsonPropertyName("estimate")] double Estimate,
    [property: JsonPropertyName("low")] double Low,
    [property: JsonPropertyName("high")] double High)
{
    /// <summary>Whether the interval contains a value.</summary>
    /// <param name="value">The value.</param>
    public bool Contains(double value) => Low <= value && value <= High;
}

using System.Text.Json.Serialization;

namespace AetherSegment.Interpretation;

/// <summary>The incentive of a campaign objective.</summary>
public sealed record Incentive
{
    /// <summary>The incentive type; <see langword="null"/> when the objective names none, <see cref="IncentiveType.None"/> when it rules one out.</summary>
    [JsonPropertyName("type")]
    public IncentiveType? Type { get; init; }

    /// <summary>The percentage, amount or points, by type; else <see langword="null"/>.</summary>
    [JsonPropertyName("value")]
    public double? Value { get; init; }
}

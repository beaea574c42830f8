using System.Text.Json.Serialization;

namespace AetherSegment.Experiments;

/// <summary>One look of the always-valid monitor: the lift so far with its confidence-sequence band.</summary>
public sealed record MonitorPoint
{
    /// <summary>Days since the send (1 = the first day).</summary>
    [JsonPropertyName("day")]
    public int Day { get; init; }

    /// <summary>The absolute lift so far with its always-valid 95% band.</summary>
    [JsonPropertyName("lift")]
    public required Interval Lift { get; init; }

    /// <summary>The always-valid p-value so far (never rises from one look to the next).</summary>
    [JsonPropertyName("always_valid_p_value")]
    public double AlwaysValidPValue { get; init; }

    /// <summary>Whether the monitor has stopped for an effect (the always-valid p-value fell under alpha) by this look.</summary>
    [JsonPropertyName("significant")]
    public bool Significant { get; init; }
}

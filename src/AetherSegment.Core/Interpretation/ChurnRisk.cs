using System.Text.Json.Serialization;

namespace AetherSegment.Interpretation;

/// <summary>Churn risk levels the objective can name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChurnRisk>))]
public enum ChurnRisk
{
    /// <summary>churn_probability at or above the configured threshold (default 0.6).</summary>
    [JsonStringEnumMemberName("high")] High,
}

using System.Text.Json.Serialization;
using AetherSegment.Interpretation;
using AetherSegment.Uplift;

namespace AetherSegment.Segments;

/// <summary>The answer to analyzing an objective (the web API's analyze answer and <c>aether analyze</c>).</summary>
public sealed record CampaignAnalysis
{
    /// <summary>What the interpreter read.</summary>
    [JsonPropertyName("campaign_objective_object")]
    public required CampaignObjective CampaignObjectiveObject { get; init; }

    /// <summary>The full eligible segment (interpretation filters only).</summary>
    [JsonPropertyName("segment_preview")]
    public required SegmentPreview SegmentPreview { get; init; }

    /// <summary>Triggers ranked by predicted uplift, best first; empty when no ranker is registered.</summary>
    [JsonPropertyName("trigger_suggestions")]
    public IReadOnlyList<TriggerSuggestion> TriggerSuggestions { get; init; } = [];
}

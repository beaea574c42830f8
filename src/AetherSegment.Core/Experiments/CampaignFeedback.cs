using System.Text.Json.Serialization;

namespace AetherSegment.Experiments;

/// <summary>What feeding a measured campaign back into the campaign history wrote.</summary>
public sealed record CampaignFeedback
{
    /// <summary>The segment id (the rows' campaign id where the profile maps one).</summary>
    [JsonPropertyName("segment_id")]
    public required string SegmentId { get; init; }

    /// <summary>The trigger the rows record.</summary>
    [JsonPropertyName("trigger")]
    public required string Trigger { get; init; }

    /// <summary>Treatment rows written (members sent to).</summary>
    [JsonPropertyName("treatment_rows")]
    public long TreatmentRows { get; init; }

    /// <summary>Control rows written (held-out members).</summary>
    [JsonPropertyName("control_rows")]
    public long ControlRows { get; init; }

    /// <summary>The attribution window in days the conversions were read in.</summary>
    [JsonPropertyName("window_days")]
    public int WindowDays { get; init; }
}

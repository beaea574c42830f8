using System.Text.Json.Serialization;
using AetherSegment.Data;
using AetherSegment.Interpretation;

namespace AetherSegment.Segments;

/// <summary>An activated segment: its definition, SQL and a snapshot of its members kept in the store.</summary>
public sealed record StoredSegment
{
    /// <summary>The id (<c>seg_</c> and 32 hexadecimal digits).</summary>
    [JsonPropertyName("segment_id")]
    public required string SegmentId { get; init; }

    /// <summary>Members in the snapshot.</summary>
    [JsonPropertyName("size")]
    public long Size { get; init; }

    /// <summary>The members' average CLV score, or <see langword="null"/> for an empty segment.</summary>
    [JsonPropertyName("avg_clv")]
    public double? AvgClv { get; init; }

    /// <summary>The id of the profile trigger the segment is activated with, or <see langword="null"/>.</summary>
    [JsonPropertyName("trigger")]
    public string? Trigger { get; init; }

    /// <summary>The filters in order, each with its provenance.</summary>
    [JsonPropertyName("filters")]
    public IReadOnlyList<SegmentFilter> Filters { get; init; } = [];

    /// <summary>Why the members are in.</summary>
    [JsonPropertyName("explanation")]
    public required SegmentExplanation Explanation { get; init; }

    /// <summary>When the segment was created (UTC).</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The instant the time windows ended at.</summary>
    [JsonPropertyName("as_of")]
    public DateTimeOffset AsOf { get; init; }

    /// <summary>The Campaign Objective Object the segment was built from.</summary>
    [JsonPropertyName("campaign_objective_object")]
    public CampaignObjective? CampaignObjectiveObject { get; init; }

    /// <summary>The store's dialect (<c>duckdb</c> or <c>bigquery</c>).</summary>
    [JsonPropertyName("dialect")]
    public string Dialect { get; init; } = "";

    /// <summary>The SQL that selected the members, in <see cref="Dialect"/>.</summary>
    [JsonPropertyName("sql")]
    public string? Sql { get; init; }

    /// <summary>The SQL's named parameters (values read back from storage are JSON elements).</summary>
    [JsonPropertyName("parameters")]
    public IReadOnlyList<QueryParameter> Parameters { get; init; } = [];

    /// <summary>The name the marketer gave the segment (shown in lists and used in export file names), or <see langword="null"/>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>
    /// The key the client sent with the create request (Idempotency-Key header or <c>clientKey</c>), so a repeated
    /// create returns this segment instead of making another; <see langword="null"/> when none was sent.
    /// </summary>
    [JsonPropertyName("client_key")]
    public string? ClientKey { get; init; }

    /// <summary>
    /// The randomized holdout reserved at activation (share and salt), or <see langword="null"/> when the segment has
    /// none (the property is then left out of the JSON).
    /// </summary>
    [JsonPropertyName("holdout")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Experiments.SegmentHoldout? Holdout { get; init; }
}

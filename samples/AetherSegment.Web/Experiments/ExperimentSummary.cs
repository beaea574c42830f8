using System.Text.Json.Serialization;

namespace AetherSegment.Web.Experiments;

/// <summary>One activated segment (a segment with a holdout) in GET /api/v1/experiments.</summary>
/// <param name="SegmentId">The segment id.</param>
/// <param name="Name">The segment's name.</param>
/// <param name="Size">Members in the snapshot (treated and holdout).</param>
/// <param name="Trigger">The trigger sent, or null.</param>
/// <param name="HoldoutShare">The holdout share.</param>
/// <param name="CreatedAt">When the segment was activated.</param>
/// <param name="WindowEndsAt">When the attribution window closes (activation plus the window days).</param>
/// <param name="Status">not_sent, running or measured.</param>
/// <param name="StatusDetail">Why the status is what it is, in plain words.</param>
/// <param name="ResultsHref">The report's API link.</param>
/// <param name="DesignHref">The design's API link.</param>
internal sealed record ExperimentSummary(
    [property: JsonPropertyName("segment_id")] string SegmentId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("trigger")] string? Trigger,
    [property: JsonPropertyName("holdout_share")] double HoldoutShare,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("window_ends_at")] DateTimeOffset WindowEndsAt,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("status_detail")] string StatusDetail,
    [property: JsonPropertyName("results_href")] string ResultsHref,
    [property: JsonPropertyName("design_href")] string DesignHref);

/// <summary>GET /api/v1/experiments: the activated segments with a holdout, newest first.</summary>
/// <param name="WindowDays">The attribution window the statuses use (days after activation).</param>
/// <param name="LatestOutcomeAt">The latest order in the store, or null when it has none.</param>
/// <param name="Experiments">The experiments.</param>
internal sealed record ExperimentList(
    [property: JsonPropertyName("window_days")] int WindowDays,
    [property: JsonPropertyName("latest_outcome_at")] DateTimeOffset? LatestOutcomeAt,
    [property: JsonPropertyName("experiments")] IReadOnlyList<ExperimentSummary> Experiments);

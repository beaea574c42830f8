using AetherSegment.DataModel;
using AetherSegment.Segments;

namespace AetherSegment.Web.Segments;

/// <summary>One stored segment in GET /api/v1/segments.</summary>
/// <param name="SegmentId">The id.</param>
/// <param name="Name">The name.</param>
/// <param name="Size">Members in the snapshot.</param>
/// <param name="AvgClv">The members' average CLV score, or null when empty.</param>
/// <param name="Trigger">The trigger, or null.</param>
/// <param name="Objective">The objective text the segment came from.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="AsOf">The as-of time its windows ended at.</param>
/// <param name="Href">The segment's API link.</param>
internal sealed record SegmentSummary(string SegmentId, string? Name, long Size, double? AvgClv, string? Trigger, string? Objective,
    DateTimeOffset CreatedAt, DateTimeOffset AsOf, string Href)
{
    /// <summary>The summary of a stored segment.</summary>
    public static SegmentSummary From(StoredSegment segment) => new(segment.SegmentId, segment.Name, segment.Size, segment.AvgClv, segment.Trigger,
        segment.CampaignObjectiveObject?.Objective, segment.CreatedAt, segment.AsOf, "/api/v1/segments/" + Uri.EscapeDataString(segment.SegmentId));
}

/// <summary>GET /api/v1/segments: the stored segments, newest first.</summary>
/// <param name="Segments">The segments.</param>
internal sealed record SegmentList(IReadOnlyList<SegmentSummary> Segments);

/// <summary>The body of PATCH /api/v1/segments/{id}.</summary>
/// <param name="Name">The new name, 1-120 characters.</param>
internal sealed record RenameSegmentRequest(string? Name);

/// <summary>What the campaign page warns about before activating a segment.</summary>
/// <param name="TinySegmentSize">Segments below this many members are tiny.</param>
/// <param name="LowConfidenceBelow">Interpretations below this confidence are weak.</param>
/// <param name="ExportedColumns">The member columns an export carries.</param>
/// <param name="PersonalColumns">The exported columns that are personal data.</param>
internal sealed record ActivationPolicy(int TinySegmentSize, double LowConfidenceBelow, IReadOnlyList<string> ExportedColumns, IReadOnlyList<string> PersonalColumns);

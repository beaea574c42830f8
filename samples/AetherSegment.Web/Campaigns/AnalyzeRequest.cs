namespace AetherSegment.Web.Campaigns;

/// <summary>The body of POST /api/v1/campaigns/analyze.</summary>
/// <param name="Objective">The campaign objective in plain English (1 to 2,000 characters).</param>
internal sealed record AnalyzeRequest(string? Objective);

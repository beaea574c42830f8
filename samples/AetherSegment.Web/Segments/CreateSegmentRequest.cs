using System.Text.Json;

namespace AetherSegment.Web.Segments;

/// <summary>The body of POST /api/v1/segments/create.</summary>
/// <param name="CampaignObjective">The Campaign Objective Object (as analyze returned it), or the objective text to interpret.</param>
/// <param name="CampaignObjectiveObject">Accepted as a synonym of <paramref name="CampaignObjective"/>.</param>
/// <param name="OverrideTrigger">The trigger to use instead of the objective's suggested trigger, or null.</param>
/// <param name="AdditionalFilters">Refinements: filter key to value, or null.</param>
internal sealed record CreateSegmentRequest(JsonElement? CampaignObjective, JsonElement? CampaignObjectiveObject, string? OverrideTrigger, JsonElement? AdditionalFilters);

using System.Text.Json;

namespace AetherSegment.Web.Segments;

/// <summary>The body of POST /api/v1/segments/preview-filters.</summary>
/// <param name="CampaignObjectiveObject">The Campaign Objective Object from analyze.</param>
/// <param name="NewFilters">Refinements to add: filter key to value (location_country, location_city, clv_min, cart_value_min, ...).</param>
/// <param name="Trigger">The trigger whose filter applies before and after, or null.</param>
internal sealed record PreviewFiltersRequest(JsonElement? CampaignObjectiveObject, JsonElement? NewFilters, string? Trigger);

using System.Text.Json;

namespace AetherSegment.Web.Segments;

/// <summary>The body of POST /api/v1/segments/create.</summary>
/// <param name="CampaignObjective">The Campaign Objective Object (as analyze returned it), or the objective text to interpret.</param>
/// <param name="CampaignObjectiveObject">Accepted as a synonym of <paramref name="CampaignObjective"/>.</param>
/// <param name="OverrideTrigger">The trigger to use instead of the objective's suggested trigger, or null.</param>
/// <param name="AdditionalFilters">Refinements: filter key to value, or null.</param>
/// <param name="Name">The segment's name (1-120 characters), or null for a name made from the campaign type and time.</param>
/// <param name="ClientKey">A key that makes the create idempotent (same as the Idempotency-Key header), or null (<c>client_key</c>).</param>
/// <param name="ClientKeyCamel">The same key spelled <c>clientKey</c>.</param>
/// <param name="Holdout">The share of members held out at random, in (0, 0.5], or null for no holdout.</param>
/// <param name="HoldoutSalt">The holdout's hash key, or null for a random one (<c>holdout_salt</c>).</param>
internal sealed record CreateSegmentRequest(JsonElement? CampaignObjective, JsonElement? CampaignObjectiveObject, string? OverrideTrigger, JsonElement? AdditionalFilters,
    string? Name = null, string? ClientKey = null, [property: System.Text.Json.Serialization.JsonPropertyName("clientKey")] string? ClientKeyCamel = null,
    double? Holdout = null, string? HoldoutSalt = null);

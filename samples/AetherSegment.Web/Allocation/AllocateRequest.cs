using System.Text.Json;
using System.Text.Json.Serialization;

namespace AetherSegment.Web.Allocation;

/// <summary>The body of the allocation endpoints; every field is optional.</summary>
/// <param name="Budget">The total budget in the profile's currency (send costs plus incentives on incremental conversions); null for none; must be above 0.</param>
/// <param name="Caps">Per trigger id, the largest share (0..1] of the members it may go to.</param>
/// <param name="MinProfitPerSend">The least expected incremental profit one send must bring (<c>min_profit_per_send</c>, default 0).</param>
/// <param name="MinProfitPerSendCamel">The same, spelled <c>minProfitPerSend</c>.</param>
/// <param name="CurvePoints">Points of the profit-vs-budget curve (1..100, default 10).</param>
/// <param name="CampaignObjectiveObject">POST /segments/allocate only: the objective (as analyze returned it) whose eligible segment is allocated.</param>
/// <param name="AdditionalFilters">POST /segments/allocate only: refinements, as in preview-filters.</param>
/// <param name="PolicyEvaluation">Also estimate the plan's value on held-out randomized history against the single best trigger, random and nobody (default false: it trains one model per trigger, seconds to a minute).</param>
internal sealed record AllocateRequest(
    double? Budget = null,
    IReadOnlyDictionary<string, double>? Caps = null,
    double? MinProfitPerSend = null,
    [property: JsonPropertyName("minProfitPerSend")] double? MinProfitPerSendCamel = null,
    int? CurvePoints = null,
    JsonElement? CampaignObjectiveObject = null,
    JsonElement? AdditionalFilters = null,
    bool PolicyEvaluation = false);

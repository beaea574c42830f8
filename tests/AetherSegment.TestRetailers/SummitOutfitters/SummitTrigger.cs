namespace AetherSegment.TestRetailers.SummitOutfitters;

/// <summary>A Summit Outfitters trigger with its promos' names and its known effect on conversion.</summary>
/// <param name="Id">The trigger id (the <c>promo_log.offer_code</c> value).</param>
/// <param name="PromoNames">The names of the past promos of this trigger, one promo each.</param>
/// <param name="EffectDescription">The known effect in words, as docs/embedding.md states it.</param>
/// <param name="Uplift">The true conversion uplift (treatment minus control probability) for a member.</param>
public sealed record SummitTrigger(string Id, IReadOnlyList<string> PromoNames, string EffectDescription, Func<SummitMember, double> Uplift);

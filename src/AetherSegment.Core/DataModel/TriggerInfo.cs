namespace AetherSegment.DataModel;

/// <summary>A trigger of the catalog with its wire name and what it answers to.</summary>
/// <param name="Type">The trigger.</param>
/// <param name="Name">The snake_case wire name (e.g. <c>free_shipping_offer</c>).</param>
/// <param name="Offer">What the customer gets, in plain words.</param>
/// <param name="AnswersTo">The sensitivity or behavior the trigger answers to, in plain words.</param>
public sealed record TriggerInfo(TriggerType Type, string Name, string Offer, string AnswersTo);

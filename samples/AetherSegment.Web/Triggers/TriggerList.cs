namespace AetherSegment.Web.Triggers;

/// <summary>The active profile's triggers, in profile order.</summary>
/// <param name="Triggers">The triggers.</param>
internal sealed record TriggerList(IReadOnlyList<TriggerItem> Triggers);

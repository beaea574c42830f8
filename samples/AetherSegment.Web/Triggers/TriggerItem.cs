using AetherSegment.Profiles;

namespace AetherSegment.Web.Triggers;

/// <summary>One trigger of the active profile.</summary>
/// <param name="Id">The trigger id (as in <c>override_trigger</c> and the suggestions).</param>
/// <param name="Name">The display name.</param>
/// <param name="Description">What the customer gets.</param>
/// <param name="Eligibility">The description of the filter the trigger adds to a segment, or null when it adds none.</param>
internal sealed record TriggerItem(string Id, string Name, string Description, string? Eligibility)
{
    /// <summary>The item of a profile trigger.</summary>
    public static TriggerItem From(TriggerDefinition trigger) => new(trigger.Id, trigger.Name, trigger.Description, trigger.Eligibility?.Description);
}

using AetherSegment.Profiles;

namespace AetherSegment.Segments;

/// <summary>
/// The filter a profile trigger adds to a segment (provenance <see cref="FilterProvenance.Trigger"/>, key
/// <c>trigger_&lt;id&gt;</c>): the trigger's <see cref="TriggerDefinition.Eligibility"/>, a <see cref="ProfileCondition"/>
/// tree converted once into the segment filter vocabulary, with the profile's description. It keeps the members the
/// trigger can plausibly move. Stateless and thread-safe.
/// </summary>
internal static class TriggerEligibilityFilter
{
    /// <summary>The key prefix of a trigger's filter.</summary>
    public const string KeyPrefix = "trigger_";

    /// <summary>The filter the trigger adds, or <see langword="null"/> when every customer is eligible (no eligibility in the profile).</summary>
    /// <param name="profile">The profile the trigger belongs to (its catalog places taxonomy values on their level).</param>
    /// <param name="trigger">The trigger.</param>
    public static SegmentFilter? For(BusinessProfile profile, TriggerDefinition trigger)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(trigger);
        return trigger.Eligibility is { } eligibility
            ? new SegmentFilter(KeyPrefix + trigger.Id, eligibility.Description, FilterProvenance.Trigger, Convert(profile, eligibility.Condition))
            : null;
    }

    /// <summary>The filter of the trigger with id <paramref name="id"/> (see <see cref="For(BusinessProfile, TriggerDefinition)"/>).</summary>
    /// <exception cref="ArgumentException">The profile has no trigger <paramref name="id"/>.</exception>
    public static SegmentFilter? For(BusinessProfile profile, string id)
    {
        ArgumentNullException.ThrowIfNull(profile);
        TriggerDefinition trigger = profile.FindTrigger(id) ?? throw new ArgumentException($"The profile has no trigger '{id}'.", nameof(id));
        return For(profile, trigger);
    }

    /// <summary>The profile's trigger named <paramref name="id"/> (case-insensitive), naming the field and the profile's
    /// trigger ids when there is none.</summary>
    /// <exception cref="AetherSegmentInputException">The profile has no trigger <paramref name="id"/>.</exception>
    public static TriggerDefinition Parse(BusinessProfile profile, string field, string? id)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return (string.IsNullOrWhiteSpace(id) ? null : profile.FindTrigger(id.Trim()))
            ?? throw new AetherSegmentInputException(field, UnknownMessage(profile, field, id));
    }

    /// <summary>The one-line message for an unknown trigger id: the field and the profile's valid ids.</summary>
    public static string UnknownMessage(BusinessProfile profile, string field, string? id) =>
        $"Unknown trigger '{id}' in {field}; use one of: {string.Join(", ", profile.Triggers.Select(t => t.Id))}.";

    /// <summary>The condition of a trigger that is true for every customer when the trigger has no eligibility.</summary>
    internal static SegmentCondition? ConditionOf(BusinessProfile profile, TriggerDefinition trigger) =>
        trigger.Eligibility is { } eligibility ? Convert(profile, eligibility.Condition) : null;

    /// <summary>Converts a profile condition tree into segment conditions.</summary>
    internal static SegmentCondition Convert(BusinessProfile profile, ProfileCondition condition) => condition switch
    {
        ProfileAttributeCondition a => new AttributeCondition(a.Attribute, a.Operator, a.Number, a.Values),
        ProfileBehaviorCondition b => Behavior(profile, b),
        ProfileAnyOfCondition any => new AnyOfCondition([.. any.Conditions.Select(c => Convert(profile, c))]),
        ProfileAllOfCondition all => new AllOfCondition([.. all.Conditions.Select(c => Convert(profile, c))]),
        ProfileNotCondition not => new NotCondition(Convert(profile, not.Condition)),
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "Unknown profile condition."),
    };

    private static BehaviorCondition Behavior(BusinessProfile profile, ProfileBehaviorCondition b)
    {
        List<string> categories = [], productTypes = [];
        foreach (string value in b.Taxonomy)
        {
            CatalogMatch? match = profile.FindCatalogValue(value);
            (match?.Level is { Depth: > 0 } ? productTypes : categories).Add(match?.Value ?? value);
        }

        return new BehaviorCondition(b.Behavior, b.WithinDays)
        {
            MinValue = b.MinValue,
            Categories = categories,
            ProductTypes = productTypes,
            EventTypes = b.EventTypes,
        };
    }
}

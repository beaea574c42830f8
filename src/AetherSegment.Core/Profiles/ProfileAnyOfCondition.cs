namespace AetherSegment.Profiles;

/// <summary>True when at least one child condition is true (<c>"kind": "any_of"</c>).</summary>
/// <param name="Conditions">The children (at least one).</param>
public sealed record ProfileAnyOfCondition(IReadOnlyList<ProfileCondition> Conditions) : ProfileCondition;

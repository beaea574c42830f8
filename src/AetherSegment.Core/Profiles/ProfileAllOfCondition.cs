namespace AetherSegment.Profiles;

/// <summary>True when every child condition is true (<c>"kind": "all_of"</c>).</summary>
/// <param name="Conditions">The children (at least one).</param>
public sealed record ProfileAllOfCondition(IReadOnlyList<ProfileCondition> Conditions) : ProfileCondition;

namespace AetherSegment.Profiles;

/// <summary>True when the child condition is false (<c>"kind": "not"</c>).</summary>
/// <param name="Condition">The negated condition.</param>
public sealed record ProfileNotCondition(ProfileCondition Condition) : ProfileCondition;

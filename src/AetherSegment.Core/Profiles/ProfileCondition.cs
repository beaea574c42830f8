namespace AetherSegment.Profiles;

/// <summary>
/// A node of a profile condition (a trigger's eligibility) in the segment filter vocabulary, naming attributes,
/// event types and catalog values by string so that any profile can use it: <see cref="ProfileAllOfCondition"/>,
/// <see cref="ProfileAnyOfCondition"/>, <see cref="ProfileNotCondition"/>, <see cref="ProfileAttributeCondition"/>,
/// <see cref="ProfileBehaviorCondition"/>. Written in JSON with a <c>kind</c> discriminator. Immutable; validated when
/// the profile is loaded or built.
/// </summary>
public abstract record ProfileCondition;

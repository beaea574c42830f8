namespace AetherSegment.Profiles;

/// <summary>Who a trigger can plausibly move: a condition in the segment filter vocabulary with its plain-English description.</summary>
/// <param name="Description">The description shown with the filter (e.g. "discount sensitivity of at least 0.5").</param>
/// <param name="Condition">The condition, validated against the profile's attributes and catalog.</param>
public sealed record TriggerEligibility(string Description, ProfileCondition Condition);

namespace AetherSegment.Profiles;

/// <summary>The value tiers over the <see cref="ProfileAttributeRole.ValueScore"/> attribute: high at or above <paramref name="High"/>, low below <paramref name="Low"/>, medium between.</summary>
/// <param name="High">The lowest score of the high tier.</param>
/// <param name="Low">The score the low tier stays below.</param>
public sealed record ValueTierThresholds(double High, double Low);

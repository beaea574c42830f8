namespace AetherSegment.Profiles;

/// <summary>The churn risk over the <see cref="ProfileAttributeRole.ChurnScore"/> attribute: high at or above <paramref name="High"/>.</summary>
/// <param name="High">The lowest churn score counted as a high risk.</param>
public sealed record ChurnRiskThreshold(double High);

namespace AetherSegment.Uplift;

/// <summary>One term of a scoring plan: <c>Coefficient * Link(Ensemble(x))</c>.</summary>
internal sealed record ScoringTerm(double Coefficient, ScoringLink Link, TreeEnsemble Ensemble);

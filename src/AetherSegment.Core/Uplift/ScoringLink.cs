namespace AetherSegment.Uplift;

/// <summary>How a term turns its ensemble's raw score into a value.</summary>
internal enum ScoringLink
{
    /// <summary>The raw score.</summary>
    Identity,

    /// <summary><c>1 / (1 + exp(-x))</c>.</summary>
    Sigmoid,

    /// <summary><c>s * (1 - s)</c> with <c>s</c> the sigmoid: the variance of a Bernoulli of that probability.</summary>
    SigmoidVariance,
}

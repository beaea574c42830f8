namespace AetherSegment.Uplift;

/// <summary>The split criterion of the uplift random forest (Rzepakowski and Jaroszewicz; Hansotia and Rukstales).</summary>
public enum UpliftSplitCriterion
{
    /// <summary>Gain in Kullback-Leibler divergence between the treated and control outcome distributions.</summary>
    KL,

    /// <summary>Gain in squared Euclidean distance between the treated and control outcome distributions.</summary>
    Euclidean,

    /// <summary>Delta-delta-p: the absolute difference between the two children's uplifts.</summary>
    Ddp,
}

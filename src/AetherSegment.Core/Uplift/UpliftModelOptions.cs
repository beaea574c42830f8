namespace AetherSegment.Uplift;

/// <summary>Options of the uplift models created by <see cref="UpliftModels"/>.</summary>
public sealed class UpliftModelOptions
{
    /// <summary>The seed of every random choice (row and feature subsampling, forest bootstrap).</summary>
    /// <value>The default value is 42.</value>
    public int Seed { get; set; } = 42;

    /// <summary>The uplift forest's split criterion.</summary>
    /// <value>The default value is <see cref="UpliftSplitCriterion.Euclidean"/>.</value>
    public UpliftSplitCriterion ForestCriterion { get; set; } = UpliftSplitCriterion.Euclidean;

    /// <summary>Whether the uplift forest estimates leaf values on a half-sample it did not split on (honest trees).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool HonestForest { get; set; }
}

namespace AetherSegment.Uplift;

/// <summary>An additive tree model: <c>Bias + sum of trees</c>, summed in tree order.</summary>
internal sealed class TreeEnsemble
{
    public TreeEnsemble(double bias, IReadOnlyList<DecisionTree> trees)
    {
        Bias = bias;
        Trees = trees;
    }

    public double Bias { get; }

    public IReadOnlyList<DecisionTree> Trees { get; }
}

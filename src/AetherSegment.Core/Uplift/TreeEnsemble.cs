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

    /// <summary>The flattened form for fast scoring, built on first use.</summary>
    public CompiledEnsemble Compiled => LazyInitializer.EnsureInitialized(ref _compiled, () => new CompiledEnsemble(this));

    private CompiledEnsemble? _compiled;
}

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

    /// <summary>The AVX2 form, built on first use; null when the CPU lacks AVX2 or a tree is too large for it.</summary>
    public VectorEnsemble? Vectorized =>
        LazyInitializer.EnsureInitialized(ref _vectorized, ref _vectorizedBuilt, ref _vectorizedLock, () => VectorEnsemble.IsSupported ? VectorEnsemble.TryCreate(this) : null);

    private CompiledEnsemble? _compiled;
    private VectorEnsemble? _vectorized;
    private bool _vectorizedBuilt;
    private object? _vectorizedLock;
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AetherSegment.Uplift;

/// <summary>
/// An ensemble flattened for fast scoring. Every node of every tree sits in one struct array; a leaf points to itself,
/// so each tree is walked a fixed number of steps (its depth) with branch-free steps: the direction is computed with
/// comparisons, never branched on, which keeps the CPU from mispredicting on data. Numeric thresholds are stored as the
/// largest float not above the double threshold (for a float input <c>x &lt;= t</c> is then exactly the same test);
/// categorical splits are 256-bit sets; NaN follows each node's missing-value direction. Rows are scored in blocks,
/// tree by tree, each row adding its trees in tree order, the same order as the compiled SQL.
/// </summary>
internal sealed class CompiledEnsemble
{
    private readonly Node[] _nodes;
    private readonly int[] _roots;
    private readonly int[] _depths;
    private readonly bool[] _hasCategorical;
    private readonly ulong[] _categories;

    public CompiledEnsemble(TreeEnsemble ensemble)
    {
        Bias = ensemble.Bias;
        List<Node> nodes = [];
        List<ulong> categories = [0, 0, 0, 0];
        _roots = new int[ensemble.Trees.Count];
        _depths = new int[ensemble.Trees.Count];
        _hasCategorical = new bool[ensemble.Trees.Count];
        for (int t = 0; t < ensemble.Trees.Count; t++)
        {
            DecisionTree tree = ensemble.Trees[t];
            int offset = nodes.Count;
            _roots[t] = offset;
            _depths[t] = Depth(tree, 0);
            for (int i = 0; i < tree.NodeCount; i++)
            {
                Node node = new() { Value = tree.Value[i] };
                if (tree.Feature[i] < 0)
                {
                    node.Left = node.Right = offset + i;
                    node.Threshold = float.PositiveInfinity;
                }
                else
                {
                    node.Feature = tree.Feature[i];
                    node.Left = offset + tree.Left[i];
                    node.Right = offset + tree.Right[i];
                    node.MissingLeft = tree.MissingLeft[i] ? 1 : 0;
                    if (tree.LeftCategories[i] is { } set)
                    {
                        node.Categorical = 1;
                        _hasCategorical[t] = true;
                        node.CategoryOffset = categories.Count;
                        ulong[] bits = new ulong[4];
                        foreach (int code in set)
                        {
                            if ((uint)code < 256)
                            {
                                bits[code >> 6] |= 1UL << (code & 63);
                            }
                        }

                        categories.AddRange(bits);
                    }
                    else
                    {
                        node.Threshold = FloatAtMost(tree.Threshold[i]);
                    }
                }

                nodes.Add(node);
            }
        }

        _nodes = [.. nodes];
        _categories = [.. categories];
    }

    public double Bias { get; }

    private static int Depth(DecisionTree tree, int node) =>
        tree.Feature[node] < 0 ? 0 : 1 + Math.Max(Depth(tree, tree.Left[node]), Depth(tree, tree.Right[node]));

    /// <summary>The largest float <c>f</c> with <c>f &lt;= threshold</c>.</summary>
    internal static float FloatAtMost(double threshold)
    {
        if (threshold >= float.MaxValue)
        {
            return float.MaxValue;
        }

        float f = (float)threshold;
        return f > threshold ? MathF.BitDecrement(f) : f;
    }

    /// <summary>Adds every tree's value to <paramref name="raw"/> for a block of rows stored row-major in <paramref name="block"/>.</summary>
    /// <remarks>Four rows walk each tree together: their node chains are independent, so the CPU overlaps their loads.</remarks>
    /// <param name="block">The rows' feature values, row-major.</param>
    /// <param name="codes">The same cells as integers for categorical splits: the code, -1 for an unknown level, -2 for missing.</param>
    /// <param name="features">The number of features per row.</param>
    /// <param name="raw">Per row, the running raw score.</param>
    public void Accumulate(ReadOnlySpan<float> block, ReadOnlySpan<int> codes, int features, Span<double> raw)
    {
        ref int c0 = ref MemoryMarshal.GetReference(codes);
        int rows = raw.Length;
        ref Node nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref ulong categories = ref MemoryMarshal.GetArrayDataReference(_categories);
        ref float x0 = ref MemoryMarshal.GetReference(block);
        ref double out0 = ref MemoryMarshal.GetReference(raw);
        for (int t = 0; t < _roots.Length; t++)
        {
            int root = _roots[t];
            int depth = _depths[t];
            int r = 0;
            if (!_hasCategorical[t])
            {
                for (; r + 4 <= rows; r += 4)
                {
                    ref float xa = ref Unsafe.Add(ref x0, r * features);
                    ref float xb = ref Unsafe.Add(ref xa, features);
                    ref float xc = ref Unsafe.Add(ref xb, features);
                    ref float xd = ref Unsafe.Add(ref xc, features);
                    int a = root, b = root, c = root, d = root;
                    for (int level = 0; level < depth; level++)
                    {
                        a = NumericStep(ref nodes, ref xa, a);
                        b = NumericStep(ref nodes, ref xb, b);
                        c = NumericStep(ref nodes, ref xc, c);
                        d = NumericStep(ref nodes, ref xd, d);
                    }

                    Unsafe.Add(ref out0, r) += Unsafe.Add(ref nodes, a).Value;
                    Unsafe.Add(ref out0, r + 1) += Unsafe.Add(ref nodes, b).Value;
                    Unsafe.Add(ref out0, r + 2) += Unsafe.Add(ref nodes, c).Value;
                    Unsafe.Add(ref out0, r + 3) += Unsafe.Add(ref nodes, d).Value;
                }
            }

            for (; r + 4 <= rows; r += 4)
            {
                ref float xa = ref Unsafe.Add(ref x0, r * features);
                ref float xb = ref Unsafe.Add(ref xa, features);
                ref float xc = ref Unsafe.Add(ref xb, features);
                ref float xd = ref Unsafe.Add(ref xc, features);
                ref int ka = ref Unsafe.Add(ref c0, r * features);
                ref int kb = ref Unsafe.Add(ref ka, features);
                ref int kc = ref Unsafe.Add(ref kb, features);
                ref int kd = ref Unsafe.Add(ref kc, features);
                int a = root, b = root, c = root, d = root;
                for (int level = 0; level < depth; level++)
                {
                    a = Step(ref nodes, ref categories, ref xa, ref ka, a);
                    b = Step(ref nodes, ref categories, ref xb, ref kb, b);
                    c = Step(ref nodes, ref categories, ref xc, ref kc, c);
                    d = Step(ref nodes, ref categories, ref xd, ref kd, d);
                }

                Unsafe.Add(ref out0, r) += Unsafe.Add(ref nodes, a).Value;
                Unsafe.Add(ref out0, r + 1) += Unsafe.Add(ref nodes, b).Value;
                Unsafe.Add(ref out0, r + 2) += Unsafe.Add(ref nodes, c).Value;
                Unsafe.Add(ref out0, r + 3) += Unsafe.Add(ref nodes, d).Value;
            }

            for (; r < rows; r++)
            {
                ref float x = ref Unsafe.Add(ref x0, r * features);
                ref int k = ref Unsafe.Add(ref c0, r * features);
                int n = root;
                for (int level = 0; level < depth; level++)
                {
                    n = Step(ref nodes, ref categories, ref x, ref k, n);
                }

                Unsafe.Add(ref out0, r) += Unsafe.Add(ref nodes, n).Value;
            }
        }
    }

    /// <summary>One branch-free step down a tree without categorical splits. <c>!(v &gt; t)</c> is true for NaN, <c>v &lt;= t</c> false.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NumericStep(ref Node nodes, ref float x, int n)
    {
        ref Node node = ref Unsafe.Add(ref nodes, n);
        float v = Unsafe.Add(ref x, node.Feature);
        int left = (v <= node.Threshold ? 1 : 0) | ((v > node.Threshold ? 0 : 1) & node.MissingLeft);
        return node.Right + ((node.Left - node.Right) & -left);
    }

    /// <summary>One branch-free step down a tree: the child <paramref name="n"/>'s row goes to (a leaf stays put).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Step(ref Node nodes, ref ulong categories, ref float x, ref int codes, int n)
    {
        ref Node node = ref Unsafe.Add(ref nodes, n);
        int left;
        if (node.Categorical == 0)
        {
            float v = Unsafe.Add(ref x, node.Feature);
            left = (v <= node.Threshold ? 1 : 0) | ((v > node.Threshold ? 0 : 1) & node.MissingLeft);
        }
        else
        {
            int code = Unsafe.Add(ref codes, node.Feature);
            int index = code & 255;
            int inSet = (int)((Unsafe.Add(ref categories, node.CategoryOffset + (index >> 6)) >> index) & 1UL);
            left = ((uint)code < 256 ? inSet : 0) | (code == -2 ? node.MissingLeft : 0);
        }

        return node.Right + ((node.Left - node.Right) & -left);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Node
    {
        public int Feature;
        public float Threshold;
        public int Left;
        public int Right;
        public int MissingLeft;
        public int Categorical;
        public int CategoryOffset;
        public double Value;
    }
}

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
    private readonly ulong[] _categories;

    public CompiledEnsemble(TreeEnsemble ensemble)
    {
        Bias = ensemble.Bias;
        List<Node> nodes = [];
        List<ulong> categories = [0, 0, 0, 0];
        _roots = new int[ensemble.Trees.Count];
        _depths = new int[ensemble.Trees.Count];
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
    private static float FloatAtMost(double threshold)
    {
        if (threshold >= float.MaxValue)
        {
            return float.MaxValue;
        }

        float f = (float)threshold;
        return f > threshold ? MathF.BitDecrement(f) : f;
    }

    /// <summary>Adds every tree's value to <paramref name="raw"/> for a block of rows stored row-major in <paramref name="block"/>.</summary>
    public void Accumulate(ReadOnlySpan<float> block, int features, Span<double> raw)
    {
        int rows = raw.Length;
        ref Node nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref ulong categories = ref MemoryMarshal.GetArrayDataReference(_categories);
        ref float x0 = ref MemoryMarshal.GetReference(block);
        ref double out0 = ref MemoryMarshal.GetReference(raw);
        for (int t = 0; t < _roots.Length; t++)
        {
            int root = _roots[t];
            int depth = _depths[t];
            for (int r = 0; r < rows; r++)
            {
                ref float x = ref Unsafe.Add(ref x0, r * features);
                int n = root;
                for (int d = 0; d < depth; d++)
                {
                    ref Node node = ref Unsafe.Add(ref nodes, n);
                    float v = Unsafe.Add(ref x, node.Feature);
                    int nan = float.IsNaN(v) ? 1 : 0;
                    int numericRight = 1 - ((v <= node.Threshold ? 1 : 0) | (nan & node.MissingLeft));
                    int code = (int)v;
                    int known = (uint)code < 256 ? 1 : 0;
                    int index = code & 255;
                    int inSet = (int)((Unsafe.Add(ref categories, node.CategoryOffset + (index >> 6)) >> index) & 1UL);
                    int categoricalRight = 1 - (inSet & known & (1 - nan)) - (nan & node.MissingLeft);
                    int right = numericRight ^ ((numericRight ^ categoricalRight) & -node.Categorical);
                    n = node.Left + ((node.Right - node.Left) & -right);
                }

                Unsafe.Add(ref out0, r) += Unsafe.Add(ref nodes, n).Value;
            }
        }
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

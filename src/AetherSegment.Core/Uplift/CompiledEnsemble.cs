using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AetherSegment.Uplift;

/// <summary>
/// An ensemble flattened for fast scoring: every node of every tree in one struct array, numeric thresholds as the
/// largest float not above the double threshold (for a float input <c>x &lt;= t</c> is then exactly the same test),
/// categorical splits as 256-bit sets. Rows are scored in blocks, tree by tree, so a tree's nodes stay in cache;
/// each row still adds its trees in tree order, the same order as the compiled SQL.
/// </summary>
internal sealed class CompiledEnsemble
{
    private const int MissingLeftFlag = 1;
    private const int CategoricalFlag = 2;

    private readonly Node[] _nodes;
    private readonly int[] _roots;
    private readonly ulong[] _categories;

    public CompiledEnsemble(TreeEnsemble ensemble)
    {
        Bias = ensemble.Bias;
        List<Node> nodes = [];
        List<ulong> categories = [];
        _roots = new int[ensemble.Trees.Count];
        for (int t = 0; t < ensemble.Trees.Count; t++)
        {
            DecisionTree tree = ensemble.Trees[t];
            int offset = nodes.Count;
            _roots[t] = offset;
            for (int i = 0; i < tree.NodeCount; i++)
            {
                Node node = new() { Feature = tree.Feature[i], Value = tree.Value[i] };
                if (node.Feature >= 0)
                {
                    node.Left = offset + tree.Left[i];
                    node.Right = offset + tree.Right[i];
                    node.Flags = tree.MissingLeft[i] ? MissingLeftFlag : 0;
                    if (tree.LeftCategories[i] is { } set)
                    {
                        node.Flags |= CategoricalFlag;
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
        foreach (int root in _roots)
        {
            for (int r = 0; r < rows; r++)
            {
                ReadOnlySpan<float> x = block.Slice(r * features, features);
                int n = root;
                while (true)
                {
                    ref Node node = ref Unsafe.Add(ref nodes, n);
                    if (node.Feature < 0)
                    {
                        raw[r] += node.Value;
                        break;
                    }

                    float v = x[node.Feature];
                    bool left;
                    if ((node.Flags & CategoricalFlag) == 0)
                    {
                        left = v <= node.Threshold || (float.IsNaN(v) && (node.Flags & MissingLeftFlag) != 0);
                    }
                    else if (float.IsNaN(v))
                    {
                        left = (node.Flags & MissingLeftFlag) != 0;
                    }
                    else
                    {
                        int code = (int)v;
                        left = (uint)code < 256 && (_categories[node.CategoryOffset + (code >> 6)] & (1UL << (code & 63))) != 0;
                    }

                    n = left ? node.Left : node.Right;
                }
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
        public int Flags;
        public int CategoryOffset;
        public double Value;
    }
}

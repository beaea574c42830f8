using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AetherSegment.Uplift;

/// <summary>
/// An ensemble scored eight rows at a time with AVX2, for trees of at most 32 leaves (the gradient-boosted defaults have 8).
/// </summary>
/// <remarks>
/// <para>
/// Every internal node of a tree is tested for eight rows with one vector comparison; no row walks a path. The leaves are
/// numbered left to right and each row keeps a 32-bit set of the leaves it may still reach: a node whose test fails
/// (the row goes right) removes the leaves of its left subtree. The leftmost leaf left standing is the row's exit leaf
/// (QuickScorer, Lucchese et al., SIGIR 2015), whose value is then gathered. Nodes off a row's path remove only leaves
/// the row could not reach anyway, so the order of the tests does not matter and none depends on another.
/// </para>
/// <para>
/// The tests read a block of 8-aligned columns built per block of rows: a numeric feature appears as its values with NaN
/// replaced by -∞ for nodes that send missing values left or by +∞ for nodes that send them right, so one <c>x &lt;= t</c>
/// decides every node exactly as <see cref="CompiledEnsemble"/> does; a categorical split becomes a column of 0 (goes
/// left) and 1 (goes right), worked out once per block. Every row adds its trees' values in tree order, so the sums are
/// bit-for-bit those of the scalar scorer and the compiled SQL.
/// </para>
/// </remarks>
internal sealed class VectorEnsemble
{
    /// <summary>Rows per block: the block's columns stay in the first-level cache.</summary>
    public const int BlockRows = 128;

    private const int MaxLeaves = 32;

    private readonly BlockColumn[] _columns;
    private readonly int[] _nodeStart;
    private readonly int[] _nodeColumn;
    private readonly float[] _nodeThreshold;
    private readonly int[] _nodeKeep;
    private readonly int[] _leafStart;
    private readonly double[] _leafValues;

    private VectorEnsemble(double bias, BlockColumn[] columns, int[] nodeStart, int[] nodeColumn, float[] nodeThreshold, int[] nodeKeep, int[] leafStart, double[] leafValues)
    {
        Bias = bias;
        _columns = columns;
        _nodeStart = nodeStart;
        _nodeColumn = nodeColumn;
        _nodeThreshold = nodeThreshold;
        _nodeKeep = nodeKeep;
        _leafStart = leafStart;
        _leafValues = leafValues;
    }

    /// <summary>Whether this CPU runs the vector scorer (x64 with AVX2).</summary>
    public static bool IsSupported => Avx2.IsSupported;

    public double Bias { get; }

    /// <summary>The vector form of <paramref name="ensemble"/>, or null when a tree has more than 32 leaves.</summary>
    public static VectorEnsemble? TryCreate(TreeEnsemble ensemble)
    {
        List<BlockColumn> columns = [];
        Dictionary<BlockColumn, int> columnIndex = [];
        List<int> nodeStart = [0], nodeColumn = [], nodeKeep = [], leafStart = [0];
        List<float> nodeThreshold = [];
        List<double> leafValues = [];
        foreach (DecisionTree tree in ensemble.Trees)
        {
            int[] leafOf = new int[tree.NodeCount];
            int leaves = NumberLeaves(tree, 0, 0, leafOf);
            if (leaves > MaxLeaves)
            {
                return null;
            }

            for (int i = 0; i < tree.NodeCount; i++)
            {
                if (tree.Feature[i] < 0)
                {
                    continue;
                }

                BlockColumn column = tree.LeftCategories[i] is { } set
                    ? BlockColumn.Categorical(tree.Feature[i], set, tree.MissingLeft[i])
                    : new BlockColumn(tree.Feature[i], tree.MissingLeft[i], null);
                if (!columnIndex.TryGetValue(column, out int c))
                {
                    c = columns.Count;
                    columnIndex.Add(column, c);
                    columns.Add(column);
                }

                nodeColumn.Add(c);
                nodeThreshold.Add(column.Categories is null ? CompiledEnsemble.FloatAtMost(tree.Threshold[i]) : 0f);

                // A failed test removes the left subtree's leaves: numbered consecutively from the subtree's first leaf.
                int first = FirstLeaf(tree, tree.Left[i], leafOf);
                int count = CountLeaves(tree, tree.Left[i]);
                uint left = (count == 32 ? uint.MaxValue : ((1u << count) - 1)) << first;
                nodeKeep.Add((int)~left);
            }

            nodeStart.Add(nodeColumn.Count);
            for (int i = 0; i < tree.NodeCount; i++)
            {
                if (tree.Feature[i] < 0)
                {
                    leafValues.Add(0);
                }
            }

            int start = leafStart[^1];
            for (int i = 0; i < tree.NodeCount; i++)
            {
                if (tree.Feature[i] < 0)
                {
                    leafValues[start + leafOf[i]] = tree.Value[i];
                }
            }

            leafStart.Add(leafValues.Count);
        }

        return new VectorEnsemble(ensemble.Bias, [.. columns], [.. nodeStart], [.. nodeColumn], [.. nodeThreshold], [.. nodeKeep], [.. leafStart], Pinned(leafValues));
    }

    /// <summary>The rows a block of <paramref name="rows"/> rows is scored as: a multiple of 8.</summary>
    public static int Padded(int rows) => (rows + 7) & ~7;

    /// <summary>
    /// Adds every tree's value to <paramref name="sums"/> for <paramref name="rows"/> rows from <paramref name="start"/>
    /// of <paramref name="features"/> (column-major), at most <see cref="BlockRows"/>. <paramref name="sums"/> holds the
    /// running sums and has room for <see cref="Padded"/> rows; the padding rows get meaningless values.
    /// </summary>
    public unsafe void Accumulate(float[][] features, int start, int rows, Span<double> sums)
    {
        int padded = Padded(rows);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, BlockRows);
        ArgumentOutOfRangeException.ThrowIfLessThan(sums.Length, padded, nameof(sums));
        float[] block = ArrayPool<float>.Shared.Rent(Math.Max(1, _columns.Length) * padded);
        try
        {
            for (int c = 0; c < _columns.Length; c++)
            {
                FillColumn(_columns[c], features[_columns[c].Feature].AsSpan(start, rows), block.AsSpan(c * padded, padded));
            }

            fixed (double* values = _leafValues)
            {
                ref float x0 = ref MemoryMarshal.GetArrayDataReference(block);
                ref double s0 = ref MemoryMarshal.GetReference(sums);
                int trees = _leafStart.Length - 1;
                for (int r = 0; r < padded; r += 8)
                {
                    Vector256<double> low = Vector256.LoadUnsafe(ref s0, (nuint)r);
                    Vector256<double> high = Vector256.LoadUnsafe(ref s0, (nuint)(r + 4));
                    ref float xr = ref Unsafe.Add(ref x0, r);
                    for (int t = 0; t < trees; t++)
                    {
                        Vector256<int> reachable = Vector256<int>.AllBitsSet;
                        for (int k = _nodeStart[t]; k < _nodeStart[t + 1]; k++)
                        {
                            Vector256<float> x = Vector256.LoadUnsafe(ref xr, (nuint)(_nodeColumn[k] * padded));
                            Vector256<int> left = Vector256.LessThanOrEqual(x, Vector256.Create(_nodeThreshold[k])).AsInt32();
                            reachable &= left | Vector256.Create(_nodeKeep[k]);
                        }

                        // The exit leaf is the lowest set bit: isolate it, and read its index off the float exponent.
                        Vector256<int> lowest = reachable & -reachable;
                        Vector256<int> leaf = (Vector256.ShiftRightLogical(Vector256.ConvertToSingle(lowest).AsInt32(), 23) & Vector256.Create(0xFF)) - Vector256.Create(127);
                        double* tree = values + _leafStart[t];
                        low += Avx2.GatherVector256(tree, leaf.GetLower(), 8);
                        high += Avx2.GatherVector256(tree, leaf.GetUpper(), 8);
                    }

                    low.StoreUnsafe(ref s0, (nuint)r);
                    high.StoreUnsafe(ref s0, (nuint)(r + 4));
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(block);
        }
    }

    private static double[] Pinned(List<double> values)
    {
        double[] array = GC.AllocateUninitializedArray<double>(values.Count, pinned: true);
        values.CopyTo(array);
        return array;
    }

    /// <summary>Writes one block column: the rows' feature values, NaN-substituted, or their categorical split outcome (0 left, 1 right); padding rows are 0.</summary>
    private static void FillColumn(BlockColumn column, ReadOnlySpan<float> values, Span<float> target)
    {
        target[values.Length..].Clear();
        int r = 0;
        if (column.Categories is null)
        {
            Vector256<float> missing = Vector256.Create(column.MissingLeft ? float.NegativeInfinity : float.PositiveInfinity);
            for (; r + 8 <= values.Length; r += 8)
            {
                Vector256<float> v = Vector256.Create(values.Slice(r, 8));
                Vector256.ConditionalSelect(Vector256.Equals(v, v), v, missing).CopyTo(target[r..]);
            }

            for (; r < values.Length; r++)
            {
                float v = values[r];
                target[r] = float.IsNaN(v) ? missing[0] : v;
            }

            return;
        }

        uint[] words = column.Categories;
        Vector256<int> missingLeft = column.MissingLeft ? Vector256<int>.AllBitsSet : Vector256<int>.Zero;
        for (; r + 8 <= values.Length; r += 8)
        {
            Vector256<float> v = Vector256.Create(values.Slice(r, 8));
            Vector256<float> inRange = Vector256.GreaterThanOrEqual(v, Vector256<float>.Zero) & Vector256.LessThan(v, Vector256.Create(256f));
            Vector256<int> code = Vector256.ConditionalSelect(inRange.AsInt32(), Vector256.ConvertToInt32(v), Vector256.Create(-1));
            Vector256<uint> bits = Vector256<uint>.Zero;
            for (int w = 0; w < words.Length; w++)
            {
                if (words[w] != 0)
                {
                    // Codes outside this word shift by 32 or more (negative ones wrap around): AVX2 gives 0 for those.
                    bits |= Avx2.ShiftRightLogicalVariable(Vector256.Create(words[w]), (code - Vector256.Create(32 * w)).AsUInt32());
                }
            }

            Vector256<int> left = Vector256.Equals(bits & Vector256<uint>.One, Vector256<uint>.One).AsInt32()
                | (~Vector256.Equals(v, v).AsInt32() & missingLeft);
            Vector256.ConditionalSelect(left.AsSingle(), Vector256<float>.Zero, Vector256<float>.One).CopyTo(target[r..]);
        }

        for (; r < values.Length; r++)
        {
            float v = values[r];
            bool left = float.IsNaN(v) ? column.MissingLeft : v >= 0 && v < 256 && ((words[(int)v >> 5] >> ((int)v & 31)) & 1) != 0;
            target[r] = left ? 0f : 1f;
        }
    }

    /// <summary>Numbers the leaves under <paramref name="node"/> left to right from <paramref name="next"/>; returns the next free number.</summary>
    private static int NumberLeaves(DecisionTree tree, int node, int next, int[] leafOf)
    {
        if (tree.Feature[node] < 0)
        {
            leafOf[node] = next;
            return next + 1;
        }

        return NumberLeaves(tree, tree.Right[node], NumberLeaves(tree, tree.Left[node], next, leafOf), leafOf);
    }

    private static int FirstLeaf(DecisionTree tree, int node, int[] leafOf) =>
        tree.Feature[node] < 0 ? leafOf[node] : FirstLeaf(tree, tree.Left[node], leafOf);

    private static int CountLeaves(DecisionTree tree, int node) =>
        tree.Feature[node] < 0 ? 1 : CountLeaves(tree, tree.Left[node]) + CountLeaves(tree, tree.Right[node]);

    /// <summary>One column of a block: a numeric feature with its missing-value direction, or a categorical split (its left set as 256 bits).</summary>
    private sealed record BlockColumn(int Feature, bool MissingLeft, uint[]? Categories)
    {
        public static BlockColumn Categorical(int feature, int[] leftCategories, bool missingLeft)
        {
            uint[] words = new uint[8];
            foreach (int code in leftCategories)
            {
                if ((uint)code < 256)
                {
                    words[code >> 5] |= 1u << (code & 31);
                }
            }

            return new BlockColumn(feature, missingLeft, words);
        }

        public bool Equals(BlockColumn? other) =>
            other is not null && Feature == other.Feature && MissingLeft == other.MissingLeft
            && (Categories is null ? other.Categories is null : other.Categories is not null && Categories.AsSpan().SequenceEqual(other.Categories));

        public override int GetHashCode()
        {
            HashCode hash = default;
            hash.Add(Feature);
            hash.Add(MissingLeft);
            foreach (uint word in Categories ?? [])
            {
                hash.Add(word);
            }

            return hash.ToHashCode();
        }
    }
}

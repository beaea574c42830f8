namespace AetherSegment.Uplift;

/// <summary>
/// A binary decision tree in flat arrays. Node 0 is the root; a node with <see cref="Feature"/> -1 is a leaf.
/// Numeric splits send <c>x &lt;= Threshold</c> left; categorical splits send the codes in <see cref="LeftCategories"/>
/// left and any other known or unknown code right; a missing value (NaN) goes left when <see cref="MissingLeft"/>.
/// </summary>
internal sealed class DecisionTree
{
    public DecisionTree(int[] feature, double[] threshold, bool[] missingLeft, int[]?[] leftCategories, int[] left, int[] right, double[] value)
    {
        Feature = feature;
        Threshold = threshold;
        MissingLeft = missingLeft;
        LeftCategories = leftCategories;
        Left = left;
        Right = right;
        Value = value;
    }

    public int[] Feature { get; }

    public double[] Threshold { get; }

    public bool[] MissingLeft { get; }

    public int[]?[] LeftCategories { get; }

    public int[] Left { get; }

    public int[] Right { get; }

    public double[] Value { get; }

    /// <summary>Per-node split gain (training statistic, for feature importance); empty when loaded.</summary>
    public double[] Gain { get; init; } = [];

    public int NodeCount => Feature.Length;

    /// <summary>The leaf value for one row of raw columns.</summary>
    public double Predict(float[][] columns, int row)
    {
        int node = 0;
        int[] feature = Feature;
        while (true)
        {
            int f = feature[node];
            if (f < 0)
            {
                return Value[node];
            }

            float x = columns[f][row];
            bool goLeft;
            if (float.IsNaN(x))
            {
                goLeft = MissingLeft[node];
            }
            else if (LeftCategories[node] is { } set)
            {
                goLeft = Array.BinarySearch(set, (int)x) >= 0;
            }
            else
            {
                goLeft = x <= Threshold[node];
            }

            node = goLeft ? Left[node] : Right[node];
        }
    }
}

using AetherSegment.Uplift;

namespace AetherSegment.Core.Tests.Uplift;

/// <summary>The AVX2 scorer, the scalar scorer and a plain tree walk must give the same doubles, bit for bit.</summary>
public sealed class TreeScorerTests
{
    private const int Numeric = 5;
    private const int Features = 8;

    [Avx2Theory]
    [InlineData(1, 3, 1000)]
    [InlineData(2, 5, 333)]
    [InlineData(3, 4, 7)]
    [InlineData(4, 1, 129)]
    public void VectorAndScalarScorers_AgreeWithTheTreeWalk(int seed, int maxDepth, int rows)
    {
        Random random = new(seed);
        TreeEnsemble treated = RandomEnsemble(random, trees: 40, maxDepth), control = RandomEnsemble(random, trees: 25, maxDepth);
        ScoringPlan plan = new(0.25, [new ScoringTerm(1, ScoringLink.Sigmoid, treated), new ScoringTerm(-0.5, ScoringLink.Identity, control)]);
        float[][] columns = RandomRows(random, rows);

        double[] vector = new double[rows - 3], scalar = new double[rows - 3];
        plan.ScoreVectorized(columns, 3, vector);
        plan.ScoreScalar(columns, 3, scalar);

        Assert.NotNull(treated.Vectorized);
        for (int r = 0; r < vector.Length; r++)
        {
            double expected = 0.25 + ScoringPlan.ApplyLink(ScoringLink.Sigmoid, Walk(treated, columns, r + 3)) - (0.5 * Walk(control, columns, r + 3));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(scalar[r]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(scalar[r]), BitConverter.DoubleToInt64Bits(vector[r]));
        }
    }

    [Fact]
    public void TreeWithMoreThan32Leaves_FallsBackToTheScalarScorer()
    {
        Random random = new(9);
        TreeEnsemble deep = new(0, [Grow(random, 6, full: true)]);
        ScoringPlan plan = new(0, [new ScoringTerm(1, ScoringLink.Identity, deep)]);
        float[][] columns = RandomRows(random, 50);
        double[] scores = new double[50];

        plan.Score(columns, 0, scores);

        Assert.Null(deep.Vectorized);
        Assert.Equal(Enumerable.Range(0, 50).Select(r => Walk(deep, columns, r)), scores);
    }

    private static double Walk(TreeEnsemble ensemble, float[][] columns, int row)
    {
        double sum = ensemble.Bias;
        foreach (DecisionTree tree in ensemble.Trees)
        {
            sum += tree.Predict(columns, row);
        }

        return sum;
    }

    /// <summary>Rows with NaN, infinities, values on the thresholds and category codes inside, beyond and below 0..255.</summary>
    private static float[][] RandomRows(Random random, int rows)
    {
        float[][] columns = new float[Features][];
        for (int f = 0; f < Features; f++)
        {
            columns[f] = new float[rows];
            for (int r = 0; r < rows; r++)
            {
                double u = random.NextDouble();
                columns[f][r] = u < 0.1 ? float.NaN
                    : f >= Numeric ? random.Next(-3, 300)
                    : u < 0.12 ? float.PositiveInfinity
                    : u < 0.14 ? float.NegativeInfinity
                    : u < 0.3 ? random.Next(10) / 10f
                    : (float)random.NextDouble();
            }
        }

        return columns;
    }

    private static TreeEnsemble RandomEnsemble(Random random, int trees, int maxDepth) =>
        new(random.NextDouble() - 0.5, [.. Enumerable.Range(0, trees).Select(_ => Grow(random, maxDepth, full: false))]);

    private static DecisionTree Grow(Random random, int maxDepth, bool full)
    {
        List<int> feature = [], left = [], right = [];
        List<double> threshold = [], value = [];
        List<bool> missingLeft = [];
        List<int[]?> categories = [];
        Add(0);
        return new DecisionTree([.. feature], [.. threshold], [.. missingLeft], [.. categories], [.. left], [.. right], [.. value]);

        int Add(int depth)
        {
            int node = feature.Count;
            bool leaf = depth == maxDepth || (!full && depth > 0 && random.NextDouble() < 0.3);
            int f = leaf ? -1 : random.Next(Features);
            feature.Add(f);
            threshold.Add(f is >= 0 and < Numeric ? random.Next(10) / 10.0 : 0);
            missingLeft.Add(random.Next(2) == 0);
            categories.Add(f >= Numeric ? [.. Enumerable.Range(0, 256).Where(_ => random.NextDouble() < 0.3)] : null);
            value.Add(leaf ? random.NextDouble() - 0.5 : 0);
            left.Add(-1);
            right.Add(-1);
            if (!leaf)
            {
                left[node] = Add(depth + 1);
                right[node] = Add(depth + 1);
            }

            return node;
        }
    }
}

/// <summary>A theory that runs where the CPU has AVX2 (every x64 server of the last decade) and is skipped, saying so, elsewhere.</summary>
internal sealed class Avx2TheoryAttribute : TheoryAttribute
{
    public Avx2TheoryAttribute()
    {
        Skip = VectorEnsemble.IsSupported ? null : "the vector scorer needs AVX2";
    }
}

namespace AetherSegment.Uplift;

/// <summary>
/// The closed form of every trained uplift model: <c>uplift(x) = Intercept + sum of Coefficient * Link(Bias + sum of trees)</c>,
/// evaluated left to right, so in-process scoring and the compiled SQL add in the same order.
/// </summary>
internal sealed class ScoringPlan
{
    public ScoringPlan(double intercept, IReadOnlyList<ScoringTerm> terms)
    {
        Intercept = intercept;
        Terms = terms;
    }

    public double Intercept { get; }

    public IReadOnlyList<ScoringTerm> Terms { get; }

    /// <summary>The average of several plans (each weighted 1/n).</summary>
    public static ScoringPlan Average(IReadOnlyList<ScoringPlan> plans)
    {
        double w = 1.0 / plans.Count;
        double intercept = 0;
        List<ScoringTerm> terms = [];
        foreach (ScoringPlan plan in plans)
        {
            intercept += w * plan.Intercept;
            foreach (ScoringTerm term in plan.Terms)
            {
                terms.Add(term with { Coefficient = w * term.Coefficient });
            }
        }

        return new ScoringPlan(intercept, terms);
    }

    public static double ApplyLink(ScoringLink link, double x)
    {
        switch (link)
        {
            case ScoringLink.Sigmoid:
                return 1.0 / (1.0 + Math.Exp(-x));
            case ScoringLink.SigmoidVariance:
                double s = 1.0 / (1.0 + Math.Exp(-x));
                return s * (1.0 - s);
            default:
                return x;
        }
    }

    /// <summary>Scores rows <paramref name="start"/>..<paramref name="start"/>+<c>output.Length</c> of bound columns.</summary>
    public void Score(float[][] columns, int start, Span<double> output)
    {
        if (Terms.All(term => term.Ensemble.Vectorized is not null))
        {
            ScoreVectorized(columns, start, output);
        }
        else
        {
            ScoreScalar(columns, start, output);
        }
    }

    /// <summary>Scores with <see cref="VectorEnsemble"/>: bit-for-bit the same values as <see cref="ScoreScalar"/>.</summary>
    internal void ScoreVectorized(float[][] columns, int start, Span<double> output)
    {
        Span<double> raw = stackalloc double[VectorEnsemble.BlockRows];
        for (int b = 0; b < output.Length; b += VectorEnsemble.BlockRows)
        {
            int rows = Math.Min(VectorEnsemble.BlockRows, output.Length - b);
            Span<double> outSpan = output.Slice(b, rows);
            Span<double> sums = raw[..VectorEnsemble.Padded(rows)];
            outSpan.Fill(Intercept);
            foreach (ScoringTerm term in Terms)
            {
                VectorEnsemble vectorized = term.Ensemble.Vectorized!;
                sums.Fill(vectorized.Bias);
                vectorized.Accumulate(columns, start + b, rows, sums);
                AddLinked(term, sums[..rows], outSpan);
            }
        }
    }

    /// <summary>Scores with <see cref="CompiledEnsemble"/>, on any CPU.</summary>
    internal void ScoreScalar(float[][] columns, int start, Span<double> output)
    {
        const int Block = 256;
        int features = columns.Length;
        float[] block = new float[Block * Math.Max(features, 1)];
        int[] codes = new int[block.Length];
        double[] raw = new double[Block];
        for (int b = 0; b < output.Length; b += Block)
        {
            int rows = Math.Min(Block, output.Length - b);
            for (int f = 0; f < features; f++)
            {
                float[] column = columns[f];
                for (int r = 0; r < rows; r++)
                {
                    float v = column[start + b + r];
                    block[(r * features) + f] = v;
                    codes[(r * features) + f] = float.IsNaN(v) ? -2 : v >= 0 && v < 256 ? (int)v : -1;
                }
            }

            Span<double> outSpan = output.Slice(b, rows);
            Span<double> rawSpan = raw.AsSpan(0, rows);
            outSpan.Fill(Intercept);
            foreach (ScoringTerm term in Terms)
            {
                CompiledEnsemble compiled = term.Ensemble.Compiled;
                rawSpan.Fill(compiled.Bias);
                compiled.Accumulate(block.AsSpan(0, rows * features), codes.AsSpan(0, rows * features), features, rawSpan);
                AddLinked(term, rawSpan, outSpan);
            }
        }
    }

    private static void AddLinked(ScoringTerm term, ReadOnlySpan<double> raw, Span<double> output)
    {
        for (int r = 0; r < raw.Length; r++)
        {
            output[r] += term.Coefficient * ApplyLink(term.Link, raw[r]);
        }
    }
}

namespace AetherSegment.Uplift;

/// <summary>
/// Features quantized to at most 255 bins per column (one byte per cell, column-major), the input of the histogram
/// tree learners. Bin 255 holds missing values. A numeric bin <c>b</c> holds values <c>&lt;= Upper[b]</c> and above the
/// previous bin's bound; the bounds lie halfway between consecutive distinct values, so a split between bins is the threshold <c>Upper[b]</c>.
/// </summary>
internal sealed class BinnedMatrix
{
    public const int MissingBin = 255;
    public const int MaxBins = 255;

    private BinnedMatrix(int rows, byte[][] bins, double[]?[] upper, int[] binCount, bool[] categorical)
    {
        Rows = rows;
        Bins = bins;
        Upper = upper;
        BinCount = binCount;
        Categorical = categorical;
    }

    public int Rows { get; }

    public int Features => Bins.Length;

    public byte[][] Bins { get; }

    /// <summary>Per numeric feature, the upper bound of each bin; null for categorical features.</summary>
    public double[]?[] Upper { get; }

    public int[] BinCount { get; }

    public bool[] Categorical { get; }

    /// <summary>Quantizes bound columns (see <see cref="FeatureBinding"/>) of the features.</summary>
    public static BinnedMatrix Build(float[][] columns, IReadOnlyList<FeatureSpec> specs, int rows, int seed)
    {
        int f = columns.Length;
        byte[][] bins = new byte[f][];
        double[]?[] upper = new double[f][];
        int[] binCount = new int[f];
        bool[] categorical = new bool[f];
        Parallel.For(0, f, j =>
        {
            float[] x = columns[j];
            byte[] b = new byte[rows];
            if (specs[j].IsCategorical)
            {
                categorical[j] = true;
                int levels = Math.Min(specs[j].Levels!.Count, MaxBins);
                binCount[j] = Math.Max(levels, 1);
                for (int i = 0; i < rows; i++)
                {
                    float v = x[i];
                    b[i] = float.IsNaN(v) || v < 0 || v >= levels ? (byte)MissingBin : (byte)(int)v;
                }
            }
            else
            {
                double[] bounds = NumericBounds(x, rows, seed + j);
                upper[j] = bounds;
                binCount[j] = Math.Max(bounds.Length, 1);
                for (int i = 0; i < rows; i++)
                {
                    float v = x[i];
                    b[i] = float.IsNaN(v) ? (byte)MissingBin : (byte)FindBin(bounds, v);
                }
            }

            bins[j] = b;
        });
        return new BinnedMatrix(rows, bins, upper, binCount, categorical);
    }

    private static int FindBin(double[] bounds, float v)
    {
        int lo = 0, hi = bounds.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (v <= bounds[mid])
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>
    /// The bound after distinct value <paramref name="i"/>: halfway (in double) to the next distinct value, so a value
    /// read with more precision than a float (a DOUBLE column in SQL) falls on the same side as its float.
    /// </summary>
    private static double Midpoint(List<float> distinct, int i) =>
        i + 1 < distinct.Count ? ((double)distinct[i] + distinct[i + 1]) / 2 : double.MaxValue;

    private static double[] NumericBounds(float[] x, int rows, int seed)
    {
        const int SampleSize = 200_000;
        float[] sample;
        if (rows <= SampleSize)
        {
            sample = new float[rows];
            int n = 0;
            for (int i = 0; i < rows; i++)
            {
                if (!float.IsNaN(x[i]))
                {
                    sample[n++] = x[i];
                }
            }

            Array.Resize(ref sample, n);
        }
        else
        {
            Random random = new(seed);
            sample = new float[SampleSize];
            int n = 0;
            for (int k = 0; k < SampleSize; k++)
            {
                float v = x[random.Next(rows)];
                if (!float.IsNaN(v))
                {
                    sample[n++] = v;
                }
            }

            Array.Resize(ref sample, n);
        }

        if (sample.Length == 0)
        {
            return [double.MaxValue];
        }

        Array.Sort(sample);
        List<float> distinct = [];
        List<int> counts = [];
        for (int i = 0; i < sample.Length; i++)
        {
            if (distinct.Count == 0 || sample[i] != distinct[^1])
            {
                distinct.Add(sample[i]);
                counts.Add(1);
            }
            else
            {
                counts[^1]++;
            }
        }

        List<double> bounds = [];
        if (distinct.Count <= MaxBins)
        {
            for (int i = 0; i < distinct.Count; i++)
            {
                bounds.Add(Midpoint(distinct, i));
            }
        }
        else
        {
            double perBin = (double)sample.Length / MaxBins;
            double cumulative = 0;
            double next = perBin;
            for (int i = 0; i < distinct.Count; i++)
            {
                cumulative += counts[i];
                if (cumulative >= next || i == distinct.Count - 1)
                {
                    bounds.Add(Midpoint(distinct, i));
                    while (next <= cumulative)
                    {
                        next += perBin;
                    }

                    if (bounds.Count == MaxBins - 1)
                    {
                        break;
                    }
                }
            }
        }

        // The last bin is open above: values beyond the sample's maximum belong to it.
        bounds[^1] = double.MaxValue;
        return [.. bounds];
    }
}

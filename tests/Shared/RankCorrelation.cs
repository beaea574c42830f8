namespace AetherSegment.Tests;

/// <summary>Pearson and Spearman correlation for the tests that compare predicted with true uplift.</summary>
internal static class RankCorrelation
{
    /// <summary>Spearman's rank correlation: Pearson's over the ranks, ties sharing their mean rank.</summary>
    public static double Spearman(double[] x, double[] y) => Pearson(Ranks(x), Ranks(y));

    /// <summary>Pearson's correlation of two equally long series.</summary>
    public static double Pearson(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>Each value's rank from 0, tied values sharing the mean of their ranks.</summary>
    public static double[] Ranks(double[] values)
    {
        int[] order = [.. Enumerable.Range(0, values.Length).OrderBy(i => values[i])];
        double[] ranks = new double[values.Length];
        for (int i = 0; i < order.Length;)
        {
            int j = i;
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]])
            {
                j++;
            }

            for (int k = i; k <= j; k++)
            {
                ranks[order[k]] = (i + j) / 2.0;
            }

            i = j + 1;
        }

        return ranks;
    }
}

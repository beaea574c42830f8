namespace AetherSegment.Experiments;

/// <summary>The normal distribution functions the experiment statistics need (no outside dependency).</summary>
internal static class ExperimentMath
{
    /// <summary>The two-sided 95% standard normal quantile.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The standard normal CDF (Hart's double-precision rational approximation, as given by West 2005; absolute error under 1e-14).</summary>
    public static double Phi(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        double a = Math.Abs(x);
        double tail;
        if (a > 37)
        {
            tail = 0;
        }
        else
        {
            double e = Math.Exp(-a * a / 2);
            if (a < 7.07106781186547)
            {
                double n = 3.52624965998911E-02 * a + 0.700383064443688;
                n = n * a + 6.37396220353165;
                n = n * a + 33.912866078383;
                n = n * a + 112.079291497871;
                n = n * a + 221.213596169931;
                n = n * a + 220.206867912376;
                double d = 8.83883476483184E-02 * a + 1.75566716318264;
                d = d * a + 16.064177579207;
                d = d * a + 86.7807322029461;
                d = d * a + 296.564248779674;
                d = d * a + 637.333633378831;
                d = d * a + 793.826512519948;
                d = d * a + 440.413735824752;
                tail = e * n / d;
            }
            else
            {
                double b = a + 0.65;
                b = a + 4 / b;
                b = a + 3 / b;
                b = a + 2 / b;
                b = a + 1 / b;
                tail = e / b / 2.506628274631;
            }
        }

        return x > 0 ? 1 - tail : tail;
    }

    /// <summary>The standard normal quantile, by bisection on <see cref="Phi"/> (to 1e-12).</summary>
    public static double Quantile(double p)
    {
        if (p <= 0 || p >= 1 || double.IsNaN(p))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "p must be in (0, 1).");
        }

        double lo = -38, hi = 38;
        for (int i = 0; i < 200 && hi - lo > 1e-13; i++)
        {
            double mid = (lo + hi) / 2;
            if (Phi(mid) < p)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return (lo + hi) / 2;
    }

    /// <summary>Cohen's h between two proportions: 2 asin(sqrt(p1)) - 2 asin(sqrt(p0)).</summary>
    public static double CohensH(double p1, double p0) => 2 * Math.Asin(Math.Sqrt(Math.Clamp(p1, 0, 1))) - 2 * Math.Asin(Math.Sqrt(Math.Clamp(p0, 0, 1)));

    /// <summary>The proportion at Cohen's h from a baseline: sin^2(asin(sqrt(p0)) + h/2), clamped to [0, 1].</summary>
    public static double FromCohensH(double p0, double h)
    {
        double angle = Math.Clamp(Math.Asin(Math.Sqrt(Math.Clamp(p0, 0, 1))) + h / 2, 0, Math.PI / 2);
        double s = Math.Sin(angle);
        return s * s;
    }
}

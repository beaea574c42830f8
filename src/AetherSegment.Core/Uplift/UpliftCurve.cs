namespace AetherSegment.Uplift;

/// <summary>The points of a Qini or uplift curve, for plots: x is the number of rows targeted (best predicted uplift first), y the curve value.</summary>
/// <param name="X">Rows targeted, starting at 0; one point per distinct predicted value.</param>
/// <param name="Y">The curve at each point (incremental responders).</param>
internal sealed record UpliftCurve(double[] X, double[] Y)
{
    /// <summary>The area under the curve by the trapezoidal rule.</summary>
    public double Area()
    {
        double area = 0;
        for (int i = 1; i < X.Length; i++)
        {
            area += (X[i] - X[i - 1]) * (Y[i] + Y[i - 1]) / 2;
        }

        return area;
    }
}

namespace AetherSegment.Allocation;

/// <summary>
/// The members to allocate: each one's predicted uplift per trigger (trigger-major, profile order), expected order value
/// and, optionally, an interval per uplift.
/// </summary>
internal sealed class AllocationProblem
{
    /// <summary>Creates a problem and checks the arrays' shapes.</summary>
    /// <param name="offers">The triggers' economics, in the order of <paramref name="uplift"/>.</param>
    /// <param name="uplift">Per trigger, per member: the predicted uplift (a probability difference).</param>
    /// <param name="orderValue">Per member: the expected order value of a conversion.</param>
    /// <param name="upliftLow">Per trigger, per member: the interval's lower bound, or null.</param>
    /// <param name="upliftHigh">Per trigger, per member: the interval's upper bound, or null.</param>
    public AllocationProblem(IReadOnlyList<TriggerOffer> offers, double[][] uplift, double[] orderValue, double[][]? upliftLow = null, double[][]? upliftHigh = null)
    {
        ArgumentNullException.ThrowIfNull(offers);
        ArgumentNullException.ThrowIfNull(uplift);
        ArgumentNullException.ThrowIfNull(orderValue);
        if (uplift.Length != offers.Count || uplift.Any(u => u.Length != orderValue.Length))
        {
            throw new ArgumentException("Every trigger needs one uplift per member.", nameof(uplift));
        }

        if ((upliftLow is null) != (upliftHigh is null)
            || (upliftLow is not null && (upliftLow.Length != offers.Count || upliftLow.Any(u => u.Length != orderValue.Length)))
            || (upliftHigh is not null && (upliftHigh.Length != offers.Count || upliftHigh.Any(u => u.Length != orderValue.Length))))
        {
            throw new ArgumentException("Uplift intervals need both bounds for every trigger and member.", nameof(upliftLow));
        }

        Offers = [.. offers];
        Uplift = uplift;
        OrderValue = orderValue;
        UpliftLow = upliftLow;
        UpliftHigh = upliftHigh;
    }

    /// <summary>The triggers' economics.</summary>
    public TriggerOffer[] Offers { get; }

    /// <summary>Per trigger, per member: predicted uplift.</summary>
    public double[][] Uplift { get; }

    /// <summary>Per member: expected order value.</summary>
    public double[] OrderValue { get; }

    /// <summary>Per trigger, per member: lower bound of the uplift, or null.</summary>
    public double[][]? UpliftLow { get; }

    /// <summary>Per trigger, per member: upper bound of the uplift, or null.</summary>
    public double[][]? UpliftHigh { get; }

    /// <summary>The number of members.</summary>
    public int Members => OrderValue.Length;

    /// <summary>The number of triggers.</summary>
    public int Triggers => Offers.Length;
}

namespace AetherSegment.Allocation;

/// <summary>
/// Held-out randomized history to evaluate allocation policies on: per row the arm it was randomized to, its binary
/// outcome, the models' predicted uplift per trigger, a predicted control outcome and the value of a conversion. The
/// rows must not have trained the models.
/// </summary>
internal sealed class PolicyHistory
{
    /// <summary>Creates the history and checks its shapes; the arms' probabilities are their shares of the rows (randomized history).</summary>
    /// <param name="offers">The triggers' economics, in the order of the arms.</param>
    /// <param name="arm">Per row: -1 for the control (nothing sent) or the trigger's index.</param>
    /// <param name="outcome">Per row: 0 or 1.</param>
    /// <param name="uplift">Per trigger, per row: the predicted uplift.</param>
    /// <param name="baseline">Per row: the predicted outcome probability without a send.</param>
    /// <param name="orderValue">Per row: the value of one conversion.</param>
    /// <exception cref="AetherSegmentInputException">Shapes differ, an arm has no row, or there are no rows.</exception>
    public PolicyHistory(TriggerOffer[] offers, int[] arm, double[] outcome, double[][] uplift, double[] baseline, double[] orderValue)
    {
        ArgumentNullException.ThrowIfNull(offers);
        ArgumentNullException.ThrowIfNull(arm);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(uplift);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(orderValue);
        int n = arm.Length;
        if (n == 0)
        {
            throw new AetherSegmentInputException("history", "history: there are no held-out rows to evaluate the policies on.");
        }

        if (outcome.Length != n || baseline.Length != n || orderValue.Length != n || uplift.Length != offers.Length || uplift.Any(u => u.Length != n))
        {
            throw new ArgumentException("Every row needs an arm, an outcome, a baseline, an order value and one uplift per trigger.", nameof(arm));
        }

        double[] share = new double[offers.Length + 1];
        foreach (int a in arm)
        {
            if (a < -1 || a >= offers.Length)
            {
                throw new ArgumentException("An arm is -1 (control) or a trigger's index.", nameof(arm));
            }

            share[a + 1]++;
        }

        for (int a = 0; a < share.Length; a++)
        {
            if (share[a] == 0)
            {
                throw new AetherSegmentInputException("history", $"history: no held-out row was randomized to {(a == 0 ? "the control" : $"'{offers[a - 1].Id}'")}, so a policy that uses it cannot be evaluated.");
            }

            share[a] /= n;
        }

        Offers = offers;
        Arm = arm;
        Outcome = outcome;
        Uplift = uplift;
        Baseline = baseline;
        OrderValue = orderValue;
        Propensity = share;
    }

    /// <summary>The triggers' economics.</summary>
    public TriggerOffer[] Offers { get; }

    /// <summary>Per row: -1 for the control or the trigger's index.</summary>
    public int[] Arm { get; }

    /// <summary>Per row: the outcome (0 or 1).</summary>
    public double[] Outcome { get; }

    /// <summary>Per trigger, per row: the predicted uplift.</summary>
    public double[][] Uplift { get; }

    /// <summary>Per row: the predicted outcome probability without a send.</summary>
    public double[] Baseline { get; }

    /// <summary>Per row: the value of a conversion.</summary>
    public double[] OrderValue { get; }

    /// <summary>The probability of each arm, the control first (index 0), then the triggers.</summary>
    public double[] Propensity { get; }

    /// <summary>The number of rows.</summary>
    public int Rows => Arm.Length;

    /// <summary>The rows as an allocation problem (the predicted uplift and the order values).</summary>
    public AllocationProblem ToProblem() => new(Offers, Uplift, OrderValue);
}

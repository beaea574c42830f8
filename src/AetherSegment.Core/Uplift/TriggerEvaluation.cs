
namespace AetherSegment.Uplift;

/// <summary>
/// One trigger model's evaluation on held-out campaign rows: the rows' outcome, arm and predicted uplift, and the
/// curves and scores <see cref="UpliftMetrics"/> computes from them. When <see cref="Evaluated"/> is false the arrays
/// are empty, the curves null, the scores NaN and <see cref="Reason"/> says why.
/// </summary>
public sealed class TriggerEvaluation
{
    /// <summary>The profile trigger id.</summary>
    public required string Trigger { get; init; }

    /// <summary>Whether the trigger had enough rows in both parts to train and evaluate a model.</summary>
    public bool Evaluated => Reason is null;

    /// <summary>Why the trigger was not evaluated; null when it was.</summary>
    public string? Reason { get; init; }

    /// <summary>The campaign rows the evaluation model was trained on (customers outside the hold-out).</summary>
    public int TrainingRows { get; init; }

    /// <summary>Held-out rows in the treatment arm.</summary>
    public int HoldoutTreated { get; init; }

    /// <summary>Held-out rows in the control arm.</summary>
    public int HoldoutControl { get; init; }

    /// <summary>The held-out rows' outcome (1 converted, 0 not), in row order.</summary>
    public ReadOnlyMemory<float> Outcome { get; init; }

    /// <summary>The held-out rows' arm (1 treatment, 0 control), in row order.</summary>
    public ReadOnlyMemory<int> Treatment { get; init; }

    /// <summary>The model's predicted uplift per held-out row, in row order.</summary>
    public ReadOnlyMemory<double> Uplift { get; init; }

    /// <summary>The Qini curve (<see cref="UpliftMetrics.QiniCurve"/>) of the held-out rows.</summary>
    public UpliftCurve? QiniCurve { get; init; }

    /// <summary>The uplift curve (<see cref="UpliftMetrics.AuucCurve"/>) of the held-out rows.</summary>
    public UpliftCurve? UpliftCurve { get; init; }

    /// <summary>The Qini coefficient (<see cref="UpliftMetrics.QiniCoefficient"/>); NaN when not evaluated.</summary>
    public double QiniCoefficient { get; init; } = double.NaN;

    /// <summary>The AUUC score (<see cref="UpliftMetrics.AuucScore"/>); NaN when not evaluated.</summary>
    public double AuucScore { get; init; } = double.NaN;

    /// <summary>Uplift by decile of predicted uplift, best first (<see cref="UpliftMetrics.UpliftByPercentile"/>, 10 bins); NaN where a decile lacks an arm; empty when not evaluated.</summary>
    public IReadOnlyList<double> UpliftByDecile { get; init; } = [];
}

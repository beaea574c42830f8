using AetherSegment.Profiles;
using AetherSegment.Uplift;

namespace AetherSegment.Web.Uplift;

/// <summary>The evaluation endpoint's answer: the held-out evaluation of every trigger model for one data version.</summary>
/// <param name="DataVersion">The campaign history's data version the models and the evaluation belong to.</param>
/// <param name="Model">The learner.</param>
/// <param name="Method">How the rows were held out (<c>customer_hash_holdout</c>).</param>
/// <param name="HoldoutShare">The share of customers held out, 0..1.</param>
/// <param name="EvaluatedAt">When the evaluation was computed.</param>
/// <param name="MaxPoints">The most points per curve in this answer.</param>
/// <param name="Triggers">One entry per trigger, catalog order.</param>
internal sealed record ModelEvaluation(string DataVersion, string Model, string Method, double HoldoutShare, DateTimeOffset EvaluatedAt, int MaxPoints,
    IReadOnlyList<ModelEvaluation.TriggerCurves> Triggers)
{
    public static ModelEvaluation From(TriggerModelEvaluation evaluation, BusinessProfile profile, int maxPoints) => new(
        evaluation.DataVersion,
        evaluation.Model,
        "customer_hash_holdout",
        evaluation.HoldoutShare,
        evaluation.EvaluatedAt,
        maxPoints,
        [.. evaluation.Triggers.Select(t => TriggerCurves.From(t, profile, maxPoints))]);

    /// <summary>The points of a curve at most <paramref name="max"/>, evenly spaced over the curve's own points, first and last kept.</summary>
    internal static IReadOnlyList<CurvePoint> Downsample(UpliftCurve? curve, int max)
    {
        if (curve is null)
        {
            return [];
        }

        int n = curve.X.Length;
        if (n <= max)
        {
            return [.. Enumerable.Range(0, n).Select(i => new CurvePoint(curve.X[i], curve.Y[i]))];
        }

        List<CurvePoint> points = new(max);
        int previous = -1;
        for (int k = 0; k < max; k++)
        {
            int i = (int)Math.Round((double)k * (n - 1) / (max - 1));
            if (i != previous)
            {
                points.Add(new CurvePoint(curve.X[i], curve.Y[i]));
                previous = i;
            }
        }

        return points;
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary>One point of a curve.</summary>
    /// <param name="X">Held-out rows targeted, best predicted uplift first.</param>
    /// <param name="Y">The curve's value there (incremental conversions).</param>
    internal sealed record CurvePoint(double X, double Y);

    /// <summary>One trigger model's held-out evaluation.</summary>
    /// <param name="Trigger">The trigger's name.</param>
    /// <param name="Offer">What the trigger offers.</param>
    /// <param name="Evaluated">Whether there were enough rows to evaluate.</param>
    /// <param name="Reason">Why not, when not.</param>
    /// <param name="TrainingRows">Rows the evaluation model was trained on.</param>
    /// <param name="HoldoutRows">Held-out rows scored.</param>
    /// <param name="HoldoutTreated">Held-out treatment rows.</param>
    /// <param name="HoldoutControl">Held-out control rows.</param>
    /// <param name="QiniCoefficient">The Qini coefficient on the held-out rows.</param>
    /// <param name="Auuc">The AUUC score (area under the uplift curve, normalized) on the held-out rows.</param>
    /// <param name="QiniCurve">The Qini curve, at most max_points points.</param>
    /// <param name="UpliftCurve">The uplift curve, at most max_points points.</param>
    /// <param name="UpliftByDecile">Treated minus control conversion rate per decile of predicted uplift, best first (null: a decile without an arm).</param>
    /// <param name="Plots">Links to the SVG plots.</param>
    internal sealed record TriggerCurves(string Trigger, string Offer, bool Evaluated, string? Reason, int TrainingRows, int HoldoutRows, int HoldoutTreated,
        int HoldoutControl, double? QiniCoefficient, double? Auuc, IReadOnlyList<CurvePoint> QiniCurve, IReadOnlyList<CurvePoint> UpliftCurve,
        IReadOnlyList<double?> UpliftByDecile, IReadOnlyDictionary<string, string>? Plots)
    {
        public static TriggerCurves From(TriggerEvaluation t, BusinessProfile profile, int maxPoints)
        {
            string plots = $"/api/v1/uplift/trigger-models/evaluation/{t.Trigger}/";
            return new TriggerCurves(
                t.Trigger,
                profile.FindTrigger(t.Trigger)?.Description ?? "",
                t.Evaluated,
                t.Reason,
                t.TrainingRows,
                t.HoldoutTreated + t.HoldoutControl,
                t.HoldoutTreated,
                t.HoldoutControl,
                Finite(t.QiniCoefficient),
                Finite(t.AuucScore),
                Downsample(t.QiniCurve, maxPoints),
                Downsample(t.UpliftCurve, maxPoints),
                [.. t.UpliftByDecile.Select(Finite)],
                t.Evaluated ? new Dictionary<string, string> { ["qini"] = plots + "qini.svg", ["uplift"] = plots + "uplift.svg", ["decile"] = plots + "decile.svg" } : null);
        }
    }
}

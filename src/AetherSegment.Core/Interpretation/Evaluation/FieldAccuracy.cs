namespace AetherSegment.Interpretation.Evaluation;

/// <summary>How often one field of the Campaign Objective Object matched the labels.</summary>
/// <param name="Correct">Examples where the field matched.</param>
/// <param name="Total">Examples where the field was compared.</param>
internal sealed record FieldAccuracy(int Correct, int Total)
{
    /// <summary>Correct over total, 0..1 (1 when nothing was compared).</summary>
    public double Accuracy => Total == 0 ? 1 : Math.Round((double)Correct / Total, 4);
}

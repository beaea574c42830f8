namespace AetherSegment.Uplift;

/// <summary>
/// Evaluates the trigger ranker's uplift models on held-out campaign history: per trigger, the Qini and uplift curves,
/// the Qini coefficient, the AUUC score and uplift by decile, as scikit-uplift computes them (<see cref="UpliftMetrics"/>).
/// </summary>
/// <remarks>
/// Implementations are thread-safe and compute the evaluation once per data version of the campaign history; callers
/// that ask again while the history is unchanged get the same result without retraining.
/// </remarks>
public interface ITriggerModelEvaluator
{
    /// <summary>The evaluation for the current campaign history, computed on the first call for that history.</summary>
    /// <param name="cancellationToken">Stops waiting; a computation already under way goes on for the next caller.</param>
    /// <returns>The evaluation; null while the ranker has no trained (or loaded) models for the current campaign history.</returns>
    Task<TriggerModelEvaluation?> EvaluateAsync(CancellationToken cancellationToken = default);
}

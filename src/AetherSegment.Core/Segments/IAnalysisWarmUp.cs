namespace AetherSegment.Segments;

/// <summary>
/// Implemented by an <see cref="ISegmentEngine"/> that can prepare, ahead of the first request, what an analyze needs
/// beyond the trigger models (the default engine builds the trigger audience snapshot when
/// <see cref="Uplift.TriggerRankingOptions.AudienceSnapshotMaxLag"/> is set). Long-lived hosts call it once at start.
/// </summary>
/// <remarks>Thread-safe; calling it again when nothing changed returns at once.</remarks>
public interface IAnalysisWarmUp
{
    /// <summary>Prepares what an analyze of the current data needs; returns once it is ready.</summary>
    /// <param name="cancellationToken">Stops waiting (a build already started goes on in the background).</param>
    Task WarmUpAsync(CancellationToken cancellationToken = default);
}

using System.Collections.Concurrent;
using System.Diagnostics;
using AetherSegment.Diagnostics;

namespace AetherSegment.Benchmarks;

/// <summary>
/// Records the durations of segment creation's spans (<c>segment.*</c> activities) while a benchmark runs, so a
/// timed total can be split into its steps: the store's open, members' insert, fingerprints, scoring, score rows,
/// summary and commit, and the engine's holdout planning.
/// </summary>
internal sealed class SegmentSpans : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<(string Name, double Milliseconds)> _spans = new();

    public SegmentSpans()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AetherSegmentTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.OperationName.StartsWith("segment.", StringComparison.Ordinal))
                {
                    _spans.Enqueue((activity.OperationName, activity.Duration.TotalMilliseconds));
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Forgets every span recorded so far (the warm-up's).</summary>
    public void Clear() => _spans.Clear();

    /// <summary>The median duration of each span name recorded since the last <see cref="Clear"/>, in first-seen order.</summary>
    public IReadOnlyList<(string Name, double Median, int Count)> Medians()
    {
        List<(string Name, double Median, int Count)> medians = [];
        foreach (IGrouping<string, (string Name, double Milliseconds)> group in _spans.GroupBy(s => s.Name))
        {
            List<double> values = [.. group.Select(s => s.Milliseconds)];
            values.Sort();
            medians.Add((group.Key, values[values.Count / 2], values.Count));
        }

        return medians;
    }

    public void Dispose() => _listener.Dispose();
}

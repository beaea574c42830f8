namespace AetherSegment.Web.Data;

/// <summary>The live event stream's state for the health endpoint; set by <see cref="LiveEventsService"/>.</summary>
/// <remarks>Thread-safe: one writer (the stream), many readers (requests); every reading is one consistent snapshot.</remarks>
public sealed class LiveStreamStatus(TimeProvider timeProvider)
{
    private volatile Snapshot _current = new(LiveStreamState.Disabled, 0, null, 0, null, null, timeProvider.GetUtcNow());

    /// <summary>The current state.</summary>
    public Snapshot Current => _current;

    /// <summary>The stream waits for the data or reads its customers.</summary>
    public void Starting() => _current = _current with { State = LiveStreamState.Starting, Since = timeProvider.GetUtcNow() };

    /// <summary>A batch was appended (or the stream started): running, the failure streak over.</summary>
    /// <param name="eventsAppended">Events appended since start.</param>
    /// <param name="lastAppendAt">When the last batch was appended; null before the first.</param>
    public void Running(long eventsAppended, DateTimeOffset? lastAppendAt)
    {
        Snapshot current = _current;
        _current = current with
        {
            State = LiveStreamState.Running,
            EventsAppended = eventsAppended,
            LastAppendAt = lastAppendAt ?? current.LastAppendAt,
            Attempt = 0,
            NextAttemptAt = null,
            Since = current.State == LiveStreamState.Running ? current.Since : timeProvider.GetUtcNow(),
        };
    }

    /// <summary>A write failed; the next attempt is scheduled.</summary>
    /// <param name="attempt">How many attempts of this write failed so far.</param>
    /// <param name="error">What failed, without store internals.</param>
    /// <param name="nextAttemptAt">When the next attempt runs.</param>
    public void Retrying(int attempt, string error, DateTimeOffset nextAttemptAt)
    {
        Snapshot current = _current;
        _current = current with
        {
            State = LiveStreamState.Retrying,
            Attempt = attempt,
            LastError = error,
            NextAttemptAt = nextAttemptAt,
            Since = current.State == LiveStreamState.Retrying ? current.Since : timeProvider.GetUtcNow(),
        };
    }

    /// <summary>The stream is off, and why (for users).</summary>
    /// <param name="reason">Why, for users.</param>
    public void Disabled(string reason) =>
        _current = _current with { State = LiveStreamState.Disabled, LastError = reason, NextAttemptAt = null, Since = timeProvider.GetUtcNow() };

    /// <summary>The stream stopped for good.</summary>
    /// <param name="reason">Why, for users.</param>
    public void Stopped(string reason) =>
        _current = _current with { State = LiveStreamState.Stopped, LastError = reason, NextAttemptAt = null, Since = timeProvider.GetUtcNow() };

    /// <summary>One reading of the stream's state.</summary>
    /// <param name="State">What the stream does.</param>
    /// <param name="EventsAppended">Events appended since the host started.</param>
    /// <param name="LastAppendAt">When the last batch was appended; null before the first.</param>
    /// <param name="Attempt">Failed attempts of the current write (0 while running).</param>
    /// <param name="LastError">The last failure, without store internals; kept after recovery; null when none.</param>
    /// <param name="NextAttemptAt">When a retrying stream tries again; null otherwise.</param>
    /// <param name="Since">When the stream entered its state.</param>
    public sealed record Snapshot(LiveStreamState State, long EventsAppended, DateTimeOffset? LastAppendAt, int Attempt, string? LastError,
        DateTimeOffset? NextAttemptAt, DateTimeOffset Since);
}

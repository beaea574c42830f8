namespace AetherSegment.Web.Data;

/// <summary>Whether the store holds data the endpoints can read; set by <see cref="DataBootstrapService"/>.</summary>
/// <remarks>Thread-safe: one writer (the bootstrap service), many readers (requests).</remarks>
public sealed class DataReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile Snapshot _current = new(DataState.Preparing, "Checking the data store.", 0);

    /// <summary>The current state, message and progress, read atomically.</summary>
    public Snapshot Current => _current;

    /// <summary>Whether data endpoints may run.</summary>
    public bool IsReady => _current.State == DataState.Ready;

    /// <summary>Marks the store as being prepared, with a progress fraction 0..1.</summary>
    public void Preparing(string message, double progress) => _current = new(DataState.Preparing, message, Math.Clamp(progress, 0, 1));

    /// <summary>Marks the store as ready.</summary>
    public void Ready(string message)
    {
        _current = new(DataState.Ready, message, 1);
        _ready.TrySetResult();
    }

    /// <summary>Completes when the store is ready; never completes when it fails.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task WhenReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    /// <summary>Marks the store as unavailable, with the reason users see.</summary>
    public void Failed(string message) => _current = new(DataState.Failed, message, 0);

    /// <summary>One reading of the readiness.</summary>
    /// <param name="State">The state.</param>
    /// <param name="Message">What is happening, for users.</param>
    /// <param name="Progress">How far preparation has come, 0..1.</param>
    public sealed record Snapshot(DataState State, string Message, double Progress);
}

namespace AetherSegment.Web.Uplift;

/// <summary>
/// What the start-up warm-up (<see cref="TriggerModelWarmupService"/>) did, for the health endpoint: a deployment can
/// wait for <c>warm_up.state = "ready"</c> before sending users, so the first analyze costs what a warm one does.
/// </summary>
/// <remarks>Thread-safe: one writer (the warm-up), many readers (requests).</remarks>
public sealed class WarmUpStatus
{
    private volatile Snapshot _current = new("waiting", null);

    /// <summary>The current state.</summary>
    public Snapshot Current => _current;

    /// <summary>The warm-up is turned off or there is nothing to warm (no ranker).</summary>
    public void Off() => _current = new("off", null);

    /// <summary>The data is ready and the warm-up runs.</summary>
    public void Running() => _current = new("running", null);

    /// <summary>The warm-up finished.</summary>
    /// <param name="seconds">How long it took.</param>
    public void Ready(double seconds) => _current = new("ready", seconds);

    /// <summary>The warm-up failed; requests still work and pay the cost themselves.</summary>
    public void Failed() => _current = new("failed", null);

    /// <summary>One reading.</summary>
    /// <param name="State">waiting (for the data), running, ready, failed or off.</param>
    /// <param name="Seconds">How long the warm-up took, once ready.</param>
    public sealed record Snapshot(string State, double? Seconds);
}

namespace AetherSegment.Web.Data;

/// <summary>What the live event stream is doing, as the health endpoint reports it.</summary>
public enum LiveStreamState
{
    /// <summary>Turned off, or the store has no live stream (BigQuery).</summary>
    Disabled,

    /// <summary>Waiting for the data set, or reading the customers it streams for.</summary>
    Starting,

    /// <summary>Appending a batch every interval.</summary>
    Running,

    /// <summary>The last write failed (for example another process holds the database lock); the next attempt is scheduled.</summary>
    Retrying,

    /// <summary>Stopped for good: the host is stopping, or the stream cannot run on this data.</summary>
    Stopped,
}

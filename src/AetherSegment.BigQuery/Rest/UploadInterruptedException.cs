namespace AetherSegment.BigQuery.Rest;

/// <summary>An upload attempt that ended before the session held every byte; the next attempt resumes.</summary>
internal sealed class UploadInterruptedException(string message, TimeSpan? retryAfter = null) : Exception(message)
{
    /// <summary>The server's <c>Retry-After</c>, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

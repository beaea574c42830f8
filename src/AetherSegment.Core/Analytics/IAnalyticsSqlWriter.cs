namespace AetherSegment.Analytics;

/// <summary>
/// A language model that writes SQL for a question (Gemini, or any chat client). What it writes is only a proposal:
/// the analytics service checks it with <see cref="AnalyticsSqlGuard"/> before anything runs, and answers with the
/// rule-based parser when it is refused or the writer fails.
/// </summary>
/// <remarks>Implementations are safe for concurrent use.</remarks>
public interface IAnalyticsSqlWriter
{
    /// <summary>Writes one SELECT statement that answers the request's question.</summary>
    /// <param name="request">The question, the dialect and the allowed schema.</param>
    /// <param name="cancellationToken">Cancels the request (the service applies its timeout through it).</param>
    /// <returns>The SQL text, or <see langword="null"/> when the model declines.</returns>
    Task<string?> WriteSqlAsync(AnalyticsSqlRequest request, CancellationToken cancellationToken = default);
}

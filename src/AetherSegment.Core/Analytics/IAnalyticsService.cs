namespace AetherSegment.Analytics;

/// <summary>
/// Answers questions about the customer data in plain English ("average order value by category last month") with
/// read-only SQL run in the configured store. Both hosts (the <c>aether ask</c> command and the web API) use it.
/// </summary>
/// <remarks>Implementations are safe for concurrent use.</remarks>
public interface IAnalyticsService
{
    /// <summary>Answers one question.</summary>
    /// <param name="question">The question in plain English (at most 500 characters).</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The answer; refused and unanswerable questions are answers too, with a reason and suggestions.</returns>
    /// <exception cref="AetherSegmentInputException">The question is empty or too long (field <c>question</c>).</exception>
    /// <exception cref="Data.DataStoreException">The store is unavailable or rejected the query.</exception>
    Task<AnalyticsAnswer> AskAsync(string question, CancellationToken cancellationToken = default);

    /// <summary>Answers one question for a named caller; language-model SQL is logged with the caller's name.</summary>
    /// <param name="question">The question in plain English (at most 500 characters).</param>
    /// <param name="caller">Who asked, for the log (for example the client address and whether it sent the API key).</param>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>The answer; refused and unanswerable questions are answers too, with a reason and suggestions.</returns>
    /// <exception cref="AetherSegmentInputException">The question is empty or too long (field <c>question</c>).</exception>
    /// <exception cref="Data.DataStoreException">The store is unavailable or rejected the query.</exception>
    Task<AnalyticsAnswer> AskForCallerAsync(string question, string caller, CancellationToken cancellationToken = default);

    /// <summary>What can be asked: example questions covering the measures, dimensions, filters and time ranges.</summary>
    IReadOnlyList<string> ExampleQuestions { get; }
}

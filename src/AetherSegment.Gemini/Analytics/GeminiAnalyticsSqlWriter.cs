using System.Text;
using AetherSegment.Analytics;
using AetherSegment.Gemini.Interpretation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AetherSegment.Gemini.Analytics;

/// <summary>
/// Asks Gemini on Vertex AI (<c>generateContent</c> with the JSON response schema <c>{sql}</c>) to write analytics SQL,
/// through the package's one Vertex transport (<see cref="VertexAiClient"/>: authentication, timeout, retries).
/// What it returns is checked by the analytics service's SQL guard before anything runs.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed partial class GeminiAnalyticsSqlWriter : IAnalyticsSqlWriter
{
    /// <summary>The response schema in Vertex's OpenAPI subset: an object with one required string, <c>sql</c>.</summary>
    private static readonly byte[] ResponseSchema =
        Encoding.UTF8.GetBytes("""{"type":"OBJECT","properties":{"sql":{"type":"STRING"}},"required":["sql"]}""");

    private readonly VertexAiClient _vertex;
    private readonly ILogger _logger;

    public GeminiAnalyticsSqlWriter(VertexAiClient vertex, ILogger<GeminiAnalyticsSqlWriter>? logger = null)
    {
        _vertex = vertex;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public async Task<string?> WriteSqlAsync(AnalyticsSqlRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Failures (VertexAiException) propagate: the analytics service then answers with the rules and says why.
        string text = await _vertex.GenerateAsync(
            AnalyticsSqlPrompt.SystemInstruction(request), AnalyticsSqlPrompt.UserMessage(request), ResponseSchema, cancellationToken).ConfigureAwait(false);

        LogAnswer(_logger, text);
        return AnalyticsSqlPrompt.ReadAnswer(text);
    }

    [LoggerMessage(Level = LogLevel.Trace, Message = "Gemini analytics answer: {Text}")]
    private static partial void LogAnswer(ILogger logger, string text);
}

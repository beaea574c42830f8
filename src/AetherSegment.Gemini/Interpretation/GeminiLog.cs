using Microsoft.Extensions.Logging;

namespace AetherSegment.Gemini.Interpretation;

/// <summary>Source-generated log messages of the Vertex AI transport.</summary>
internal static partial class GeminiLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "Calling Vertex AI model {Model} at {Endpoint}.")]
    public static partial void Calling(ILogger logger, string model, string endpoint);
}

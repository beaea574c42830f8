using Microsoft.Extensions.Logging;

namespace AetherSegment.Gemini.Interpretation;

/// <summary>Source-generated log messages of the language-model interpreters. Objectives, prompts and answers only at Trace.</summary>
internal static partial class GeminiLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "Calling Vertex AI model {Model} at {Endpoint} (attempt {Attempt}).")]
    public static partial void Calling(ILogger logger, string model, string endpoint, int attempt);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Vertex AI answered {Status}; retrying in {DelayMs} ms (retry {Retry} of {MaxRetries}).")]
    public static partial void Retrying(ILogger logger, int status, double delayMs, int retry, int maxRetries);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "The {Interpreter} interpreter failed ({Reason}); answering with the rules.")]
    public static partial void FellBack(ILogger logger, string interpreter, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Trace, Message = "Objective sent to {Interpreter}: {Objective}")]
    public static partial void Objective(ILogger logger, string interpreter, string objective);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Trace, Message = "Answer of {Interpreter}: {Answer}")]
    public static partial void Answer(ILogger logger, string interpreter, string answer);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Vertex AI request failed ({Reason}); retrying in {DelayMs} ms (retry {Retry} of {MaxRetries}).")]
    public static partial void RetryingAfterError(ILogger logger, string reason, double delayMs, int retry, int maxRetries);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Error, Message = "The {Interpreter} interpreter failed ({Reason}) and FallbackToRules is off.")]
    public static partial void Failed(ILogger logger, string interpreter, string reason);
}

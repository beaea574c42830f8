using Microsoft.Extensions.Logging;

namespace AetherSegment.AI;

/// <summary>Source-generated log messages of the language-model layer. Objectives, prompts and answers only at Trace.</summary>
internal static partial class AILog
{
    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "The {Interpreter} interpreter failed ({Reason}); answering with the {Fallback} interpreter.")]
    public static partial void FellBack(ILogger logger, string interpreter, string reason, string fallback);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Trace, Message = "Objective sent to {Interpreter}: {Objective}")]
    public static partial void Objective(ILogger logger, string interpreter, string objective);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Trace, Message = "Answer of {Interpreter}: {Answer}")]
    public static partial void Answer(ILogger logger, string interpreter, string answer);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Debug, Message = "The {Interpreter} pipeline answered in {ElapsedMs} ms (interpreter {AnsweredBy}, confidence {Confidence}).")]
    public static partial void Interpreted(ILogger logger, string interpreter, double elapsedMs, string answeredBy, double confidence);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Warning, Message = "The {Interpreter} pipeline failed after {ElapsedMs} ms: {Reason}")]
    public static partial void InterpretFailed(ILogger logger, string interpreter, double elapsedMs, string reason);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Debug, Message = "Analytics SQL written by {Writer} in {ElapsedMs} ms ({Outcome}).")]
    public static partial void SqlWritten(ILogger logger, string writer, double elapsedMs, string outcome);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Trace, Message = "Analytics SQL of {Writer}: {Sql}")]
    public static partial void Sql(ILogger logger, string writer, string? sql);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning, Message = "The {Writer} SQL writer failed after {ElapsedMs} ms: {Reason}")]
    public static partial void SqlFailed(ILogger logger, string writer, double elapsedMs, string reason);
}

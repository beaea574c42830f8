using AetherSegment.Data;
using Microsoft.Extensions.Options;

namespace AetherSegment.Cli;

/// <summary>Exit codes and the mapping of exceptions to them.</summary>
public static class CliExit
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>Any failure that is not the user's input.</summary>
    public const int Failure = 1;

    /// <summary>Bad arguments or bad input.</summary>
    public const int BadInput = 2;

    /// <summary>Maps an exception to an exit code and a one-line message (no stack trace).</summary>
    public static (int Code, string Message)? Classify(Exception exception) => exception switch
    {
        AggregateException aggregate when aggregate.InnerExceptions.Count > 0 => Classify(aggregate.InnerExceptions[0]),
        OperationCanceledException => (Failure, "cancelled."),
        AetherSegmentInputException input => (BadInput, OneLine(input.Message)),
        CliInputException input => (BadInput, OneLine(input.Message)),
        OptionsValidationException options => (BadInput, OneLine(string.Join("; ", options.Failures))),
        DataStoreException store when store.Message.StartsWith("No database at ", StringComparison.Ordinal) => (BadInput, OneLine(store.Message)),
        DataStoreException store => (Failure, OneLine(store.Message)),
        IOException io => (BadInput, OneLine(io.Message)),
        UnauthorizedAccessException access => (BadInput, OneLine(access.Message)),
        _ => (Failure, OneLine($"{exception.GetType().Name}: {exception.Message}")),
    };

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}

/// <summary>A user mistake detected by the command line itself (a bad file, a conflicting option).</summary>
public sealed class CliInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CliInputException()
    {
    }

    /// <summary>Creates the exception with a one-line message.</summary>
    public CliInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and a cause.</summary>
    public CliInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

using Microsoft.Extensions.Logging;

namespace AetherSegment.Tests;

/// <summary>A logger provider that keeps every formatted line, for tests that assert what was logged.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly List<(string Category, LogLevel Level, string Message)> _lines = [];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>A copy of the lines so far.</summary>
    public List<(string Category, LogLevel Level, string Message)> Snapshot()
    {
        lock (_lines)
        {
            return [.. _lines];
        }
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner._lines)
            {
                owner._lines.Add((category, logLevel, formatter(state, exception)));
            }
        }
    }
}

namespace AetherSegment.Analytics;

/// <summary>
/// The time limit of every pattern the analytics code matches a question (or a model's SQL) against. The patterns are
/// written to run in time linear in the text or close to it (no nested or lazy loops inside lookbehinds, stop 41); the
/// limit is the backstop: a pattern that still backtracks for this long throws a
/// <see cref="System.Text.RegularExpressions.RegexMatchTimeoutException"/>, which the parser and the service turn into
/// a decline with a reason (<see cref="TimedOutReason"/>), never an error. A question's slowest pattern takes well under
/// a millisecond on 500 characters, but the limit is wall-clock time and a one-shot process's first match of a pattern
/// includes compiling it: 10 s keeps a starved process on a loaded machine (load average 50 on 2 cores) from declining a
/// question a quiet one answers, and still stops a runaway pattern long before it exhausts its stack (stop 40's took a minute).
/// </summary>
internal static class AnalyticsRegex
{
    /// <summary>The time limit of one match, in milliseconds.</summary>
    public const int TimeoutMilliseconds = 10_000;

    /// <summary>The same limit for a pattern built at run time (from the profile's words).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(TimeoutMilliseconds);

    /// <summary>The reason a question is declined with when a pattern hit <see cref="TimeoutMilliseconds"/>.</summary>
    public const string TimedOutReason = "reading the question took too long (one of my patterns hit its time limit); ask it in fewer words or split it into simpler questions";
}

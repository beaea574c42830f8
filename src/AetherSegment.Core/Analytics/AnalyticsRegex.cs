using System.Collections.Concurrent;
using System.Text.RegularExpressions;

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

    /// <summary>
    /// No time limit, for a generated pattern that cannot backtrack (stop 49): every loop in it is bounded or a loop over one
    /// character that .NET made atomic, with no back-reference or condition, so the match tried at one position does a
    /// bounded number of steps per character and no pattern of this kind can run away. The limit costs a clock read on every
    /// match and every position tried (a fifth to a third of a parse, stops 46 and 48), which is why it is dropped here.
    /// RegexSafetyTests lists these patterns by name and checks each one's parsed tree; a pattern that can backtrack keeps
    /// <see cref="TimeoutMilliseconds"/>, and so does every new pattern until it is proved and listed.
    /// </summary>
    public const int NoBacktrackingNoLimit = System.Threading.Timeout.Infinite;

    /// <summary>The same limit for a pattern built at run time (from the profile's words).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(TimeoutMilliseconds);

    /// <summary>The reason a question is declined with when a pattern hit <see cref="TimeoutMilliseconds"/>.</summary>
    public const string TimedOutReason = "reading the question took too long (one of my patterns hit its time limit); ask it in fewer words or split it into simpler questions";

    // The patterns built at run time from a value's or a phrase's words, built once each. The phrases come from questions, so
    // the cache is emptied when it grows past a bound rather than kept forever.
    private static readonly ConcurrentDictionary<string, Regex> Built = new(StringComparer.Ordinal);

    private const int BuiltBound = 4096;

    /// <summary>A pattern built at run time (from the profile's or the question's words), with <see cref="Timeout"/>, built once.</summary>
    public static Regex Cached(string pattern)
    {
        if (Built.Count > BuiltBound)
        {
            Built.Clear();
        }

        return Built.GetOrAdd(pattern, p => new Regex(p, RegexOptions.CultureInvariant, Timeout));
    }

    /// <summary>
    /// A word or phrase said whole in lower-case text: not inside a longer word or number ("art" not in "party"). The
    /// word is matched as written (lower case it first).
    /// </summary>
    public static Regex WholeWord(string word) => Cached(@"(?<![a-z0-9])" + Regex.Escape(word) + @"(?![a-z0-9])");
}

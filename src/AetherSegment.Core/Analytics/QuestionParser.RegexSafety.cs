using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <summary>Stop 41, regex safety: a reading whose pattern hit its time limit is a decline with a reason.</summary>
internal static partial class QuestionParser
{
    /// <summary>
    /// The reading <paramref name="read"/> returns for <paramref name="state"/> (a static reader and its state: no closure per question), or a decline saying the question took too long to read when one of
    /// the patterns hit <see cref="AnalyticsRegex.TimeoutMilliseconds"/> (a backstop: no pattern is known to get near it).
    /// </summary>
    internal static ParsedQuestion ParseWithinTimeLimit<TState>(TState state, Func<TState, ParsedQuestion> read)
    {
        try
        {
            return read(state);
        }
        catch (RegexMatchTimeoutException)
        {
            return ParsedQuestion.Unplaced(AnalyticsRegex.TimedOutReason);
        }
    }
}

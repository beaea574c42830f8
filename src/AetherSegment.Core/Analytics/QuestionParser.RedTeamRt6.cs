using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// Red team rt6 (stop 44, campaigns, events, sessions and carts): "how many (an event) per session" was answered with the
/// number of sessions that had that event (the ratio dropped), and "customers who abandoned a cart and then bought" (an
/// order in time between two actions) was answered with the customers who did both in any order, or with the first
/// action alone. Both are declined with what was read.
/// </content>
internal static partial class QuestionParser
{
    private static readonly string[] SequenceCues = [" then ", " later ", " afterwards", " subsequently", " after "];

    private static string? RedTeamRt6(string lower, string question, AnalyticsQuery query)
    {
        if (query.Measure.Name == "sessions" && lower.Contains("per session", StringComparison.Ordinal))
        {
            return "\"per session\" asks for a number per session, but I read the number of sessions that had those events; ask \"average number of events per session\" or \"how many sessions had ...\"";
        }

        if (Array.Exists(SequenceCues, cue => lower.Contains(cue, StringComparison.Ordinal))
            && !lower.Contains("funnel", StringComparison.Ordinal) && !lower.Contains("on its own", StringComparison.Ordinal)
            && SequenceRegex().Match(QuestionText.Normalize(question)) is { Success: true } sequence)
        {
            return $"\"{sequence.Value.Trim()}\" puts one action after another in time, but I only read whether a customer did each (in any order); ask for the customers who did both, as in \"customers who abandoned a cart and bought\"";
        }

        return null;
    }

    [GeneratedRegex(@"(?<= )(?:(?:and )?(?:then|later|afterwards|subsequently|after that|after) (?:went on to |came back and |they )?(?:bought|buy|purchased|purchase|ordered|order|placed|added|add|abandoned|abandon|converted|convert|checked|check|viewed|view|returned|churned|completed|made|spent)\b|(?:bought|buy|purchased|purchase|ordered|order|placed an order|added|checked out|churned|returned|came back)(?: [a-z]+){0,3} (?:after|later than|following) (?:abandoning|viewing|adding|searching|browsing|checking|they)\b)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SequenceRegex();
}

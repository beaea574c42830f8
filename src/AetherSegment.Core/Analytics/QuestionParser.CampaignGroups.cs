using System.Text.RegularExpressions;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

/// <content>
/// Campaign groups said the way people say them (stop 40): "received X (treatment)", "were sent X (treatment only)",
/// "actually received (treatment group) a X campaign", "received the X trigger (treatment) two or more times", "conversion
/// rate by trigger type (treatment only)", "among customers who actually got it (treatment)", "the audience (treatment +
/// control) of X", "count each person once". Each is said as the parser already reads it ("were in the treatment group of
/// a X campaign", "in the treatment group", "were in either group of X"), so the answer restates the group.
/// </content>
internal static partial class QuestionParser
{
    /// <summary>Campaign group wordings said as the parser reads them (on normalized text); a cheap word test first.</summary>
    internal static string RephraseCampaignGroups(string text)
    {
        bool treatment = text.Contains(" treat", StringComparison.Ordinal);
        bool audience = text.Contains(" audience ", StringComparison.Ordinal);
        bool once = text.Contains(" once ", StringComparison.Ordinal);
        bool converted = text.Contains(" conver", StringComparison.Ordinal);
        if (!treatment && !audience && !once && !converted)
        {
            return text;
        }

        if (converted)
        {
            // "which campaign had the best conversion rate among customers who actually got it (treatment)": the treatment group.
            text = AmongWhoGotItRegex().Replace(text, "in the treatment group");
        }

        if (treatment)
        {
            // "received the <trigger> trigger (treatment) two or more times": in the treatment group of that many campaigns.
            text = ReceivedTimesRegex().Replace(text, m => $"were in the treatment group of {m.Groups["op"].Value}{m.Groups["n"].Value}{m.Groups["more"].Value} {m.Groups["v"].Value}campaigns");

            // "have received a <trigger> (treatment)", "were sent a <trigger> (treatment only)", "actually received (treatment
            // group) a <campaign type> campaign": receiving is being in the treatment group, said once.
            text = ReceivedTreatmentRegex().Replace(text, m => $"were in the treatment group of a {m.Groups["v"].Value}campaign{(m.Value.EndsWith(' ') ? " " : "")}");

            // "conversion rate by trigger type (treatment only)": the treatment group.
            text = TreatmentOnlyRegex().Replace(text, "in the treatment group");
        }

        if (audience)
        {
            // "in the audience (treatment + control) of <campaign>", "the size of the audience for <campaign>": both groups of
            // the campaign; the groups said again after it add nothing.
            text = AudienceRegex().Replace(text, m => m.Groups["size"].Success ? "how many customers were in either group of" : "were in either group of");
            text = BothGroupsAgainRegex().Replace(text, "");
        }

        if (once)
        {
            // "how many customers ...? Count each person once": a count of customers counts each one once already.
            text = CountOnceRegex().Replace(text, "");
        }

        return text;
    }

    private const string Received = @"(?:(?:have|has|had|were|was|been|ever|actually) )*(?:received|receive|got|get|gotten|sent)";

    // "(treatment, not holdout)", "i.e. treatment not the control group": the treatment group said twice.
    private const string NotHeldOut = @"(?: not (?:in )?(?:the )?(?:holdout|hold out|held out|control)(?: group)?)?";

    private const string TreatmentWords = @"(?:in )?(?:the )?(?:treatment|treated)(?: group| arm)?(?: only)?";

    // The value received: one to five words, none of them a group, a verb or a joining word.
    private const string ReceivedValue = @"(?<v>(?:(?!(?:treatment|treated|control|it|its|their|them|from|in|and|but|who|that|which|with|to|by|for|of|campaign|campaigns|trigger|triggers|sends|send|once|twice|times|\d+) )[a-z0-9]+ ){1,5})(?:campaigns? |triggers? |sends? )?";

    [GeneratedRegex(@"(?<= )" + Received + @" (?:" + TreatmentWords + @" )?(?:a |an |the |any )?" + ReceivedValue + @"(?:" + TreatmentWords + @" )?(?<op>at least |more than |exactly )?(?<n>\d{1,3}|" + LanguageWords.CountWordPattern + @")(?<more> or more)? times(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ReceivedTimesRegex();

    [GeneratedRegex(@"(?<= )" + Received + @" (?:" + TreatmentWords + @" (?:a |an |the |any )?" + ReceivedValue + @"|(?:a |an |the |any )?" + ReceivedValue + TreatmentWords + NotHeldOut + @"(?= )(?! (?:of|or|and|plus|vs|versus|nor) ))", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ReceivedTreatmentRegex();

    [GeneratedRegex(@"(?<=(?:conversion rate|conversion rates|conversions|converted) (?:[a-z0-9]+ ){0,6})(?:among|for|of) (?:the )?(?:customers|people|those|recipients|ones) (?:who|that) (?:actually )?(?:got|received|were sent|was sent|get|receive) (?:it|them|the campaign|the campaigns|a campaign)(?: " + TreatmentWords + @")?(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AmongWhoGotItRegex();

    /// <summary>
    /// "Customers in the treatment group of both X and Y", "customers in &lt;a place&gt; who received a X campaign (treatment)" (on
    /// the question as asked, without a breakdown or a top N): how many, each customer once (not their campaign rows).
    /// </summary>
    private static string CustomersInGroupSaid(string question)
    {
        if (!(question.Contains("group", StringComparison.OrdinalIgnoreCase) || question.Contains("treat", StringComparison.OrdinalIgnoreCase) || question.Contains("held", StringComparison.OrdinalIgnoreCase))
            || !CustomersInGroupRegex().IsMatch(question) || BreakdownWordRegex().IsMatch(question))
        {
            return question;
        }

        return "How many " + question.TrimStart();
    }

    [GeneratedRegex(@"^\s*(?:the\s+)?(?:customers|people|shoppers)\s+(?:(?:in|from)\s+[a-z ]{1,40}?\s+)?(?:(?:who|that)\s+(?:(?:were|was|have\s+been|had\s+been|have|has|had|actually)\s+)*)?(?:in\s+the\s+(?:treatment|treated|control)\s+group|held\s+out|received|got|sent)\s", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CustomersInGroupRegex();

    [GeneratedRegex(@"\b(?:by|per|each|every|which|what|top|list|how|number|count|share|percent|percentage|average|vs|versus)\b|%", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex BreakdownWordRegex();

    [GeneratedRegex(@"(?<= )(?<!(?:the|in|of|for|a) )(?:treatment|treated)(?: group| arm)? only(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex TreatmentOnlyRegex();

    [GeneratedRegex(@"(?<= )(?:(?<size>(?:what is |whats |what was )?(?:the )?(?:size|headcount) of) (?:the )?|(?:(?:were|was|are|is) )?(?:in |part of )?(?:the )?)(?:campaign )?audience(?: (?:treatment|treated) (?:plus|and|or) control| control (?:plus|and|or) (?:treatment|treated)| both groups| either group| all groups)?(?: groups?)? (?:of|for)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AudienceRegex();

    // "... of <campaign> (treatment and control)" after the audience: both groups, said already.
    [GeneratedRegex(@"(?<=either group of (?:[a-z0-9]+ ){1,8})(?:(?:treatment|treated) (?:plus|and|or) control|control (?:plus|and|or) (?:treatment|treated)|both groups)(?: groups?)?(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BothGroupsAgainRegex();

    [GeneratedRegex(@"(?<=(?:how many|number of|count of) (?:[a-z0-9]+ ){0,30})(?:(?:count|counting|counted)(?: each| every)? (?:person|customer|people|customers|shopper|individual|one) (?:only )?once|(?:each|every) (?:person|customer|shopper) (?:is )?counted (?:only )?once)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CountOnceRegex();
}

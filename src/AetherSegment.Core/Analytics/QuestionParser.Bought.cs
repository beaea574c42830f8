using System.Text.RegularExpressions;
using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

/// <content>"Who bought (something)" said of customers that have another condition: a purchase condition of its own.</content>
internal static partial class QuestionParser
{
    // "customers with churn probability over 0.6 who still bought something in the last 30 days", "exclusivity seekers who
    // ordered last month": the customers with the other condition who also have an order (in the time range). Without it the
    // verb, a skipped word, was dropped and every customer with the condition counted (in the range: those who signed up in
    // it). Returns the measure to count (the customers), adding the conditions; the measure unchanged when it does not apply.
    private static MeasureDefinition BoughtAsCondition(SemanticLayer layer, MeasureDefinition measure, List<CustomerCondition> conditions, List<QueryFilter> filters, MeasureDefinition buyers, string text)
    {
        bool member = measure.Membership is not null && layer.Fact(measure.Fact) is { IsCustomerGrain: true };
        if ((!ReferenceEquals(measure, layer.CustomerCount) && !member) || !WhoBoughtRegex().IsMatch(text)
            || conditions.Exists(c => c.Measure.Fact == EntityKind.Orders)
            || filters.Exists(f => f.Negated || layer.Dimension(f.Dimension) is not { OnCustomers: true }))
        {
            return measure;
        }

        if (member)
        {
            conditions.Add(new CustomerCondition(measure, [], new NumericComparison(ComparisonOperator.Greater, 0, null, "over 0", false), null, false));
        }

        conditions.Add(new CustomerCondition(buyers, [], null, null, false));
        return layer.CustomerCount;
    }

    // "who (have) bought something", "that ordered", "who made a purchase": then the end, a time range (masked) or "from us".
    [GeneratedRegex(@" (?:(?:who|that) )?(?:have |has |had )?(?:ever )?(?:bought|purchased|ordered|shopped|made (?:a |any )?purchases?|placed (?:an |any )?orders?)(?: (?:something|anything|at least once|from us|with us))*(?= #| $| (?:by|per|for|in|across|broken|split|grouped|with|and|on|via|through) )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex WhoBoughtRegex();

    // The buyers counted beside a "never" part: the customers with a purchase (in the question's range, when one is said),
    // counted with the never condition, as "customers who bought ... and never ..." reads.
    private static MeasureDefinition BuyersBesideNever(SemanticLayer layer, MeasureDefinition measure, List<CustomerCondition> conditions, bool other)
    {
        if (other || measure.Name != "buyers" || measure.Missing is not null || conditions.Exists(c => !c.Negated && c.Measure.Fact == measure.Fact))
        {
            return measure;
        }

        conditions.Add(new CustomerCondition(measure, [], null, null, false));
        return layer.CustomerCount;
    }

    // A purchase verb (a skipped word) said of a measure that reads no purchases and with no condition on them: "what share of
    // customers with churn over 0.6 bought something in the last 30 days" counted the customers as if it were not said.
    // Declined naming it, never answered without it.
    private static string? DroppedPurchase(SemanticLayer layer, MeasureDefinition measure, List<CustomerCondition> conditions, string text) =>
        layer.Measure("buyers") is { Missing: null } && measure.Fact != EntityKind.Orders && measure.Name != "buyers"
        && !conditions.Exists(c => c.Measure.Fact == EntityKind.Orders) && WhoBoughtRegex().Match(text) is { Success: true } verb
            ? $"I could not place \"{verb.Value.Trim()}\" on {measure.Label}; ask for the {People(layer)} who bought as a count, as in \"how many {People(layer)} with ... bought something\""
            : null;

    // "customers who abandoned a cart in the last 7 days but didn't buy anything": a question that starts with the customers
    // and what they did counts them, as "how many customers ..." does.
    private static bool LeadsWithCustomersWho(string normalized, SemanticLayer layer) =>
        LeadingCustomersRegex().Match(normalized) is { Success: true } m && layer.CustomerCount.Synonyms.Contains(m.Groups["noun"].Value);

    // One word may say which customers ("UK folks who viewed ..."; stop 38).
    [GeneratedRegex(@"^ (?:(?:the|all|our) )?(?:[a-z]+ )?(?<noun>[a-z]+) (?:who|that) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex LeadingCustomersRegex();
}

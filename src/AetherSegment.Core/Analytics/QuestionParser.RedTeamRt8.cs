using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// Red team rt8 (stop 45): counts said of one value, and "not since".
/// <list type="bullet">
/// <item>"how many customers bought (a value) in more than 2 orders", "viewed (a value) in more than 2 sessions", "spent
/// over $500 on (a value) in more than 2 orders": the count of orders or sessions is said of the value, but it was read as
/// a second condition over everything the customers did (every order, every session), with the value read apart. Such a
/// reading is declined with what was read; the count read inside the value ("placed more than 2 orders of (a value)") and
/// a count said apart from the value ("buyers of (a value) who placed more than 2 orders") keep their answers.</item>
/// <item>"how many customers haven't bought since (a date)": "since" says they bought before it; the reading counted every
/// customer with no purchase in the range, those who never bought too. Declined, naming both readings ("haven't bought in
/// the last 6 months" keeps its answer, never-buyers included as said).</item>
/// </list>
/// </content>
internal static partial class QuestionParser
{
    private static readonly string[] RedTeamRt8Cues = ["order", "transaction", "purchase", "session", "visit", "occasion", "since"];

    private static string? RedTeamRt8(string lower, string question, AnalyticsQuery query, SemanticLayer layer)
    {
        if (query.Conditions.Count == 0 || !Array.Exists(RedTeamRt8Cues, cue => lower.Contains(cue, StringComparison.Ordinal)))
        {
            return null;
        }

        string normalized = QuestionText.Normalize(question);
        return CountSaidOfValue(normalized, query, layer) ?? NotSince(normalized, query, layer);
    }

    // A count of rows read over everything a customer did while the question says it of one value read elsewhere.
    private static string? CountSaidOfValue(string normalized, AnalyticsQuery query, SemanticLayer layer)
    {
        foreach (CustomerCondition overall in query.Conditions)
        {
            if (overall is not { Negated: false, Comparison: not null, Filters.Count: 0 })
            {
                continue;
            }

            IEnumerable<QueryFilter> apart = query.Conditions.Where(c => !ReferenceEquals(c, overall) && c.Measure.Fact == overall.Measure.Fact).SelectMany(c => c.Filters);
            if (query.Measure.Fact == overall.Measure.Fact)
            {
                apart = query.Filters.Concat(apart);
            }

            // Only a value of the rows counted (what was bought or viewed), never an attribute of the customers ("buyers in
            // <a country> with more than 5 orders" counts every order of those customers).
            foreach (QueryFilter filter in apart.Where(f => layer.Dimension(f.Dimension) is { OnCustomers: false } d && d.Columns.Any(c => c.Fact == overall.Measure.Fact)))
            {
                foreach (string value in filter.Values.Select(v => v.ToLowerInvariant()).Append(filter.Phrase.ToLowerInvariant()))
                {
                    int at = value.Length == 0 ? -1 : normalized.IndexOf(value, StringComparison.Ordinal);
                    if (at >= 0 && CountAfterValueRegex().Match(normalized[(at + value.Length)..]) is { Success: true } count)
                    {
                        string unit = count.Groups["unit"].Value;
                        string ask = unit.StartsWith("session", StringComparison.Ordinal) || unit.StartsWith("visit", StringComparison.Ordinal) ? ""
                            : $"; ask as in \"how many customers placed more than 2 orders of {filter.Phrase}\"";
                        return $"\"{value}{count.Value}\" counts the {unit} of {filter.Phrase}, but I read {overall.Measure.Label} over everything the customers did, with {filter.Phrase} read apart{ask}";
                    }
                }
            }
        }

        return null;
    }

    // "haven't bought since (a date)": bought before it and not since, or every customer with nothing since? Only with no
    // other condition: beside a base ("abandoned a cart ... and have not bought since") the date is said of the base.
    private static string? NotSince(string normalized, AnalyticsQuery query, SemanticLayer layer)
    {
        if (!ReferenceEquals(query.Measure, layer.CustomerCount) || !normalized.Contains(" since ", StringComparison.Ordinal)
            || query.Conditions.FirstOrDefault(c => c.Negated) is not { } negated
            || query.Conditions.Any(c => !c.Negated)
            || NotSinceRegex().Match(normalized) is not { Success: true } said)
        {
            return null;
        }

        return $"\"{said.Value.Trim()}\" can mean the {People(layer)} who bought before it and not since, or every {layer.CustomerWords[^1]} with no purchase since, those who never bought too; I read the second; ask \"... who bought before (the date) but not since\" or \"... with no purchase in (the range)\"";
    }

    [GeneratedRegex(@"^(?: products?| items?| stuff| things)? (?:in|across|on|over|during|with) (?:(?:more than|over|at least|fewer than|less than|under|exactly|above|below|only|just) )?(?:\d+|one|two|three|four|five|a single|several|multiple) (?:or (?:more|fewer|less) )?(?:different |separate |distinct |individual )?(?<unit>orders?|transactions?|purchases?|sessions?|visits?|occasions?)\b", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CountAfterValueRegex();

    [GeneratedRegex(@" (?:havent|hasnt|have not|has not|not|never|no longer)(?: [a-z]+){0,3}? (?:bought|purchased|ordered|shopped|spent|made a purchase|made any purchases?|placed an order|placed any orders?)(?: [a-z]+){0,2}? since\b", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NotSinceRegex();
}

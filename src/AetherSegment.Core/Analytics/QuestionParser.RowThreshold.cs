using System.Text.RegularExpressions;
using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

/// <content>A count of rows over a threshold said of some customers: "how many orders over $500 from UK customers".</content>
internal static partial class QuestionParser
{
    // "how many orders over $500 from UK customers", "number of individual orders worth more than $2,000 placed by <city>
    // shoppers": the orders counted are each over the amount, and the customers only say whose; read without the customer
    // noun ("orders over $500 from UK"). Null when the question is not of that shape or does not read so.
    private static ParsedQuestion? ReadRowsOfCustomers(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds)
    {
        string text = QuestionText.Normalize(question);
        if (!RowsCountedRegex().IsMatch(text) || RowsOfCustomersRegex().Match(text) is not { Success: true } of)
        {
            return null;
        }

        string rest = string.Concat(text.AsSpan(0, of.Groups["noun"].Index), text.AsSpan(of.Groups["noun"].Index + of.Groups["noun"].Length));
        ParsedQuestion parsed = Parse(rest, layer, campaignNames, campaignIds, legacy: false);
        return parsed is { Status: AnalyticsAnswerStatus.Answered, Query: { RowComparison: not null, Conditions.Count: 0, Dimension: null, Share: false, Ratio: null, Measure.Name: "orders" or "abandoned_carts" } }
            ? parsed
            : ParsedQuestion.Unplaced("a count of orders or carts over an amount said of some customers: I could not read it without counting the customers instead; ask as in \"how many orders over $500 from customers in <a country>\"");
    }

    // The question counts rows: "how many (individual) orders", "number of abandoned carts", "how many <value> orders".
    [GeneratedRegex(@"^ (?:(?:how many|number of|count of|the number of|count|total) )?(?:individual |single |separate |distinct )?(?:(?!(?:customers?|shoppers?|buyers?|people|clients?|users?|who|that|which|were|was|are|did|have|has|with|from|by|in|of|placed|made|bought|purchased|ordered|over|above|worth) )[a-z0-9&-]+ ){0,3}(?:orders|transactions|purchases|carts|abandoned carts|abandoned baskets) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex RowsCountedRegex();

    // "... over $500 from UK customers", "... placed by customers in <a city>", "... that Canadian shoppers placed": a
    // comparison, then the customers whose rows.
    [GeneratedRegex(@" (?:over|above|more than|greater than|at least|under|below|less than|worth) .*? (?<noun>customers|shoppers|buyers|people|clients)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex RowsOfCustomersRegex();
    // "Of the customers who came from paid search, what percent are in <a country>?", "what share of customers from
    // paid search are in the US": the filters said with the whole (in a leading "of the ..." clause, or between the share
    // word and the verb) stay in the whole; those after the verb pick the part. Only when something is said after the verb.
    // Returns where the whole was said (between the share word or the question's start and the verb), or null.
    private static (int From, int To)? MarkFilteredWhole(string afterTime, int shareEnd, List<(QueryFilter Filter, int At)> placed, List<(MeasureDefinition Measure, int Start, int End)> measureAt, SemanticLayer layer)
    {
        if (shareEnd < 0)
        {
            return null;
        }

        // "what share of revenue comes from Canadian customers": the customers said after the share's measure only say
        // whose rows; the value before them picks the part, it does not name the measure's rows.
        for (int i = 0; i < placed.Count; i++)
        {
            (QueryFilter filter, int at) = placed[i];
            int end = at + filter.Phrase.Length;
            if (filter.NamesMeasure && measureAt.Exists(m => m.Start == end + 1 && ReferenceEquals(m.Measure, layer.CustomerCount))
                && measureAt.Exists(m => m.Start < at && !ReferenceEquals(m.Measure, layer.CustomerCount)))
            {
                placed[i] = (filter with { NamesMeasure = false }, at);
            }
        }

        int from;
        int to;
        if (LeadingWholeRegex().IsMatch(afterTime) && afterTime.IndexOf(" what ", StringComparison.Ordinal) is > 0 and int what && what < shareEnd)
        {
            from = 0;
            to = what;
        }
        else if (ShareVerbRegex().Match(afterTime, shareEnd) is { Success: true } verb)
        {
            from = shareEnd;
            to = verb.Index;
        }
        else
        {
            return null;
        }

        if (afterTime.AsSpan(to).Trim().Length == 0 || afterTime[to..].Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => w[0] == '#' || StopWords.Contains(w)))
        {
            return null;
        }

        for (int i = 0; i < placed.Count; i++)
        {
            (QueryFilter filter, int at) = placed[i];
            if (at > from && at < to && !filter.Negated)
            {
                placed[i] = (filter with { NamesMeasure = true }, at);
            }
        }

        return (from, to);
    }

    [GeneratedRegex(@"^ (?:of|among|amongst|out of) (?:the |all |all the |our )?(?:customers|shoppers|people|clients|users|buyers|orders|transactions|purchases) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex LeadingWholeRegex();

    [GeneratedRegex(@"(?<! who| that) (?:are|is|were|was|have|has|had|do|did|live|lives|come|came|belong) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ShareVerbRegex();
    // "What proportion of customers have an abandoned cart?": a share of customers who have any of a measure is the
    // share of those with at least one (read so: "have at least 1 abandoned cart"), out of all customers in the filters.
    // "what percent of customers who came from social have an abandoned cart" was answered as the share of abandoned carts
    // from social: a share of customers said with "have a ..." that does not read so is declined (said is then true).
    private static ParsedQuestion? ReadShareWithAny(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds, out bool said)
    {
        string text = QuestionText.Normalize(question);
        said = false;
        if (!ShareWordRegex().IsMatch(text) || HaveAnyRegex().Match(text) is not { Success: true } any)
        {
            return null;
        }

        said = true;
        if (ShareVerbRegex().IsMatch(text, any.Index + any.Length))
        {
            // "what share of customers who have a session are from the UK": the "have" is the whole's, not the part's.
            return null;
        }

        string rest = string.Concat(text.AsSpan(0, any.Groups["any"].Index), "at least 1", text.AsSpan(any.Groups["any"].Index + any.Groups["any"].Length));
        ParsedQuestion parsed = Parse(rest, layer, campaignNames, campaignIds, legacy: false);
        return parsed is { Status: AnalyticsAnswerStatus.Answered, Query: { Share: true, Dimension: null, Measure.Name: "customers", Conditions: [.., { Comparison: { Operator: ComparisonOperator.GreaterOrEqual, Value: 1 }, Negated: false, Measure.Fact: not (EntityKind.Customers or EntityKind.Scores) }] } } ? parsed : null;
    }

    [GeneratedRegex(@" (?:share|percent|percentage|proportion|fraction|ratio) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ShareWordRegex();

    // Greedy loops only: with lazy ones the generated (and the compiled) matcher looped until its backtracking stack
    // overflowed on "what percentage of customers who came from social live in each country" (CrashesStop40Tests); the
    // interpreter did not. What follows the loops is fixed words, so greedy finds the same matches.
    [GeneratedRegex(@"(?<= (?:share|percent|percentage|proportion|fraction) of (?:the |all |all the |our )?(?:[a-z]+ ){0,2})(?:customers|shoppers|people|clients|users)(?: (?:who|that) [a-z]+(?: [a-z]+){0,4})?(?: (?:from|in) [a-z]+(?: [a-z]+){0,2})? (?:who |that )?(?:have|had|has) (?<any>an|a|any) (?=[a-z])", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex HaveAnyRegex();
}

using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// Red team rt7 (stop 45): the question's subject against the measure read. "How many (a product type) orders over $1,500 were
/// placed by customers in (a country)" was answered with the customers who placed such orders (the customer noun said later only
/// says whose orders), and "how many customers ... have an order ..." could be answered with the orders. A question that
/// opens with a number of rows ("how many orders", "number of abandoned carts", "count of sessions") is declined when the
/// reading counts people, and one that opens with a number of people when the reading counts orders or carts.
/// </content>
internal static partial class QuestionParser
{
    // "how many <value> orders ... placed by customers in <a place>" read as the customers: read again without the people
    // noun said after the rows ("... placed by in <a place>"), answered when that reading counts the rows the question
    // opens with; declined otherwise. Null when the question does not open with a count of rows or the reading does not
    // count people.
    private static ParsedQuestion? RowsOfPeopleReread(string question, AnalyticsQuery query, SemanticLayer layer)
    {
        if (query is not { Ratio: null, Statistic: null, FilterRatio: null, PerPeriod: null } || !CountsPeople(query, layer)
            || RowsFirstRegex().Match(QuestionText.Normalize(question)) is not { Success: true } rows)
        {
            return null;
        }

        string normalized = QuestionText.Normalize(question);
        string noun = rows.Groups["noun"].Value;
        string declined = $"\"{rows.Value.Trim()}\" asks for a number of {noun}, but I read the number of {People(layer)} with them; ask as in \"how many orders over $500 from customers in <a country>\", or \"how many {People(layer)} placed ...\" for the {People(layer)}";
        // No people noun to take off: the readings after this one decline it (RedTeamRt7).
        if (PeopleNounRegex().Match(normalized, rows.Index + rows.Length) is not { Success: true } people)
        {
            return null;
        }

        string rest = string.Concat(normalized.AsSpan(0, people.Index), normalized.AsSpan(people.Index + people.Length));
        ParsedQuestion again = Parse(rest, layer, null, null, legacy: false);
        string wanted = noun switch
        {
            "orders" or "transactions" or "purchases" => "orders",
            "abandoned carts" or "carts" or "abandoned baskets" or "baskets" => "abandoned_carts",
            "sessions" or "visits" => "sessions",
            _ => "events",
        };
        return again is { Status: AnalyticsAnswerStatus.Answered, Query: { } read } && read.Measure.Name == wanted && read is { Ratio: null, Statistic: null } && read.Share == query.Share
            ? Audit(rest, again, layer)
            : ParsedQuestion.Unplaced(declined);
    }

    // "Total revenue from <A> and <B>", "how many orders in total from <A> and <B>", "<A> and <B> combined": values listed
    // with "and" were read as a comparison (one row each), but a word of one figure asks for the total over them. Over the
    // rows (revenue, orders) or a customer attribute (a customer is in one place) the total is the one filter on either
    // value; customers counted with a purchase of listed values could mean both or either, so that is declined. Kept when
    // the question says a breakdown or a choice ("by", "per", "each", "vs", "which", ...). Null when not of that shape.
    private static (AnalyticsQuery? Total, string? Declined) OneFigureOfList(string question, AnalyticsQuery query, SemanticLayer layer)
    {
        if (query is not { Dimension: { } level, Limit: null, Having: null, Ratio: null, Statistic: null, ComparedTime: null, FilterRatio: null, WithinGroups: false, PerPeriod: null }
            || query.Filters.Count(f => !f.Negated && !f.Group && f.Values.Count >= 2 && (f.Dimension == level.Key || f.Dimension == level.Name)) != 1)
        {
            return (null, null);
        }

        string normalized = QuestionText.Normalize(question);
        if (OneFigureRegex().Match(normalized) is not { Success: true } one || OrChoiceRegex().IsMatch(normalized)
            || normalized.Contains(" by ", StringComparison.Ordinal) || normalized.Contains(" per ", StringComparison.Ordinal))
        {
            return (null, null);
        }

        QueryFilter listed = query.Filters.First(f => !f.Negated && !f.Group && f.Values.Count >= 2 && (f.Dimension == level.Key || f.Dimension == level.Name));
        return level.OnCustomers || !CountsPeople(query, layer)
            ? (query with { Dimension = null, Filters = [.. query.Filters.Select(f => ReferenceEquals(f, listed) ? f with { Group = true } : f)], Sort = AnalyticsSort.Default }, null)
            : (null, $"\"{one.Value.Trim()}\" asks for one figure over {string.Join(" and ", listed.Values)}, but {People(layer)} with {string.Join(" and ", listed.Values)} could mean those with both or with either; ask \"... bought {string.Join(" or ", listed.Values)}\" for either, or \"... bought both ...\"");
    }

    [GeneratedRegex(@"(?<= )(?:in total|(?<!of )(?<!of the )total|combined|together|altogether|all together|in all|summed|added up|(?:as |in )?(?:one|a single) (?:combined )?(?:number|figure))(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OneFigureRegex();

    // "Among customers in <A> or <B>, what share have an abandoned cart" read as a share of the carts (after the readings of
    // a base of customers who did something, QuestionParser.NeverAndSignup.cs).
    private static string? PeopleBaseOfRows(string normalized, AnalyticsQuery query, SemanticLayer layer) =>
        query is { Share: true } && query.Measure.Name is "orders" or "abandoned_carts" or "events" or "sessions" && PeopleBaseRegex().Match(normalized) is { Success: true } among
            ? $"\"{among.Value.Trim()}\" asks for a share of {People(layer)}, but I read a share of the {query.Measure.Label}; ask as in \"what share of {People(layer)} in <a place> have at least one ...\""
            : null;

    private static bool CountsPeople(AnalyticsQuery query, SemanticLayer layer) =>
        ReferenceEquals(query.Measure, layer.CustomerCount) || query.Measure.Name is "buyers" or "at_risk_customers" or "control_group" or "treatment_group" or "arm_customers";

    private static string? RedTeamRt7(string question, AnalyticsQuery query, SemanticLayer layer)
    {
        if (query is not { Ratio: null, Statistic: null, FilterRatio: null, PerPeriod: null })
        {
            return null;
        }

        string normalized = QuestionText.Normalize(question);
        if (CountsPeople(query, layer) && RowsFirstRegex().Match(normalized) is { Success: true } rows)
        {
            return $"\"{rows.Value.Trim()}\" asks for a number of {rows.Groups["noun"].Value}, but I read the number of {People(layer)} with them; ask as in \"how many orders over $500 from customers in <a country>\", or \"how many {People(layer)} placed ...\" for the {People(layer)}";
        }

        // "how many distinct customers ... have an abandoned cart over 500" read as the carts (events and sessions: QuestionParser.LeadStop44.cs).
        return query is { Share: false, Dimension: null } && query.Measure.Name is "orders" or "abandoned_carts" or "carts_containing"
            && PeopleFirstRegex().Match(normalized) is { Success: true } people
            ? $"\"{people.Value.Trim()}\" asks for a number of people, but I read the {query.Measure.Label}; ask \"how many customers placed ...\" for the customers, or \"how many {query.Measure.Label} ...\" for the rows"
            : null;
    }

    // "how many (value) orders", "number of abandoned carts", "count of sessions": a count of rows as the question's first
    // words, at most four words (values) before the noun, none of them a people noun, a verb or a clause word.
    [GeneratedRegex(@"^ *(?:(?:hey|hi|ok|okay|so|and|also|quick question|please|tell me|can you tell me|could you tell me) )*(?:what (?:is|was|s) )?(?:(?:the )?(?:total )?(?:number|count) of |how many |count (?:the |all )?)(?:(?:total|individual|single|separate|distinct|unique|different) )?(?:(?!(?:customers?|shoppers?|buyers?|people|clients?|users?|visitors?|who|that|which|were|was|are|is|did|do|does|have|has|had|with|from|by|in|of|placed|made|bought|purchased|ordered|per|each) )[a-z0-9&-]+ ){0,4}(?<noun>orders|transactions|purchases|abandoned carts|carts|abandoned baskets|baskets|events|sessions|visits|views|searches|clicks)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex RowsFirstRegex();

    [GeneratedRegex(@"^ *(?:of|among|amongst|out of) (?:the |all |all the |our |those )?(?:customers|shoppers|buyers|people|clients|users|visitors)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PeopleBaseRegex();

    [GeneratedRegex(@"(?<= )(?:customers|shoppers|buyers|people|clients|users|visitors)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PeopleNounRegex();
}

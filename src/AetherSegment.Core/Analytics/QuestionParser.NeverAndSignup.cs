using System.Text.RegularExpressions;
using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

/// <content>
/// A last look at a reading against the question's own words, once per question (stop 39): a "never" clause that a second
/// verb follows, a purchase said without a value beside a negated purchase, and a time range said of when the customers
/// signed up. Each was found by a property test over every pair of a condition kind and a "never" part
/// (<c>ask-never39</c>), where the reading answered a different question.
/// </content>
internal static partial class QuestionParser
{
    private static ParsedQuestion Audit(string question, ParsedQuestion parsed, SemanticLayer layer)
    {
        if (parsed is not { Status: AnalyticsAnswerStatus.Answered, Query: { } query })
        {
            return parsed;
        }

        // A cheap word test first: most questions say none of these words.
        string lower = question.ToLowerInvariant();
        bool negated = lower.Contains("never", StringComparison.Ordinal) || lower.Contains("not", StringComparison.Ordinal) || lower.Contains("n't", StringComparison.Ordinal) || lower.Contains("nt ", StringComparison.Ordinal);
        bool joined = JoinWords.Any(w => lower.Contains(w, StringComparison.Ordinal));
        if (!negated && !joined)
        {
            return parsed;
        }

        string normalized = QuestionText.Normalize(question);
        if (negated && NeverClauseThenVerbRegex().Match(normalized) is { Success: true } clause)
        {
            // "customers who have never bought anything viewed <a category>": the negation belongs to the clause, the second
            // verb is what the customers did. Read apart, the negation was put on the second verb or its value.
            return ParsedQuestion.Unplaced($"\"{clause.Groups["clause"].Value}\" followed by \"{clause.Groups["verb"].Value}\": I could not tell which verb the negation belongs to; ask with the negation last, as in \"customers who {clause.Groups["verb"].Value} ... and never bought anything\"");
        }

        if (negated && DroppedPositivePurchase(normalized, query, layer) is { } dropped)
        {
            return ParsedQuestion.Unplaced(dropped);
        }

        return joined ? SignupRange(normalized, parsed, query, layer) : parsed;
    }

    private static readonly string[] JoinWords = ["signed up", "sign up", "signup", "joined", "registered", "acquired", "new customers"];

    // "customers who bought in the last 30 days but never bought <a category>": the purchase said with no value is a
    // condition of its own, which a reading of only the negated purchase drops (answering "customers who did not buy <it>").
    private static string? DroppedPositivePurchase(string normalized, AnalyticsQuery query, SemanticLayer layer)
    {
        if (query.Measure.Name == "buyers" || query.Measure.Fact == EntityKind.Orders
            || !query.Conditions.Any(c => c.Negated && c.Measure.Fact == EntityKind.Orders)
            || query.Conditions.Any(c => !c.Negated && c.Measure.Fact == EntityKind.Orders))
        {
            return null;
        }

        foreach (Match verb in PurchaseVerbRegex().Matches(normalized))
        {
            string before = normalized[..(verb.Index + 1)];
            string after = normalized[(verb.Index + verb.Length)..];
            if (!NegationBeforeVerbRegex().IsMatch(before) && !after.StartsWith("nothing ", StringComparison.Ordinal) && !after.StartsWith("no ", StringComparison.Ordinal) && !after.StartsWith("none ", StringComparison.Ordinal))
            {
                return $"I could not place \"{verb.Value.Trim()}\" beside a purchase that is negated; ask for the two parts with a value each, as in \"{People(layer)} who bought in the last 30 days\" and \"{People(layer)} who never bought ...\"";
            }
        }

        return null;
    }

    // "customers who signed up in 2026 and never ordered", "customers who joined in the last 90 days with an abandoned cart":
    // the range is when the customers signed up, and every condition is over all time. Read so only for a count of
    // customers with one range; the restatement says "who signed up". Elsewhere a range taken by the conditions while the
    // question said it of the sign-up is declined.
    private static ParsedQuestion SignupRange(string normalized, ParsedQuestion parsed, AnalyticsQuery query, SemanticLayer layer)
    {
        if (query.Time is not { } time || SignupRangeRegex().Match(normalized) is not { Success: true } said
            || !SaidRightAfter(normalized[(said.Index + said.Length)..], time.Phrase))
        {
            return parsed;
        }

        if (!ReferenceEquals(query.Measure, layer.CustomerCount) || query.ComparedTime is not null || query.Dimension is { IsTime: true } || query.Share || query.Ratio is not null || query.FilterRatio is not null
            || query.Conditions.Any(c => c.Time is not null))
        {
            return query.TimeOnConditions
                ? ParsedQuestion.Unplaced($"I could not place \"{said.Groups["verb"].Value}\" with {time.Phrase}: the range would apply to the rows in the condition, not to when the {People(layer)} signed up; ask for a count of {People(layer)} who signed up {time.Phrase}")
                : parsed;
        }

        List<CustomerCondition> conditions = [.. query.Conditions.Select(c => layer.Fact(c.Measure.Fact) is { Time: not null, IsCustomerGrain: false } ? c with { AllTime = true } : c)];
        return parsed with { Query = query with { Conditions = conditions, TimeOnConditions = false, SignupTime = true } };
    }

    // The range's own words right after the verb, with at most two words of joining between ("in the", "during").
    private static bool SaidRightAfter(string rest, string phrase)
    {
        string[] words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int skip = 0; skip <= 2 && skip <= words.Length; skip++)
        {
            if (string.Join(' ', words.Skip(skip)).StartsWith(phrase, StringComparison.Ordinal))
            {
                return true;
            }

            if (skip < words.Length && words[skip] is not ("in" or "during" or "within" or "over" or "since" or "from" or "the"))
            {
                return false;
            }
        }

        return false;
    }

    // "who have never bought anything viewed", "that never ordered searched": a negated purchase with no value, or with a
    // value, then a verb of events or (with no value) of purchases, with no "and" or "but" between them.
    [GeneratedRegex(@"(?<= )(?<clause>(?:who|that) (?:have |has |had )?(?:never|not|havent|hasnt|didnt|did not|have not|has not) (?:ever )?(?:bought|purchased|ordered|placed (?:an |any )?orders?|made (?:a |any )?purchases?))(?:(?: anything| at all| yet| ever)* (?<verb>bought|purchased|ordered|placed|made|viewed|searched|added|used|browsed|looked|wishlisted|clicked|started|visited|abandoned)| (?:anything )?(?:from |in |any )?(?:(?!and |but |or |who |that )[a-z0-9]+ ){1,3}?(?<verb>viewed|searched|added|used|browsed|looked|wishlisted|clicked|started|visited))(?= )")]
    private static partial Regex NeverClauseThenVerbRegex();

    // A negation word within the three words before a purchase verb: "never bought", "haven't ever ordered".
    [GeneratedRegex(@"(?<= )(?:never|not|havent|hasnt|didnt|dont|doesnt|no|without)(?: (?:ever|yet|actually|really|even|have|has|had|been|then|go on to|end up|once))* $")]
    private static partial Regex NegationBeforeVerbRegex();

    // "signed up in", "joined during", "acquired within", "new customers from": the verb of joining right before a range.
    [GeneratedRegex(@"(?<= )(?<verb>signed up|sign up|signup|joined|registered|acquired|new customers)(?= )")]
    private static partial Regex SignupRangeRegex();
}

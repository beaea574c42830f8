using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// Red team rt9 (stop 46): parts of a question dropped from the reading.
/// <list type="bullet">
/// <item>A scope said before the share word ("In (a value), what share of orders ...", "Of last year's revenue from
/// (a country) customers, what share came from orders above $1,000?"): the values said there are the whole's, but the
/// whole was read over all rows. Read into the whole when every value said there is a plain filter and nothing else is
/// said there that the whole would drop (a threshold, a condition); otherwise declined.</item>
/// <item>Two thresholds on one row ("abandoned carts worth more than 1000 that had at least 3 items"): one was read, the
/// other dropped. Declined.</item>
/// <item>A place the profile writes in capitals ("US") lost in a reading that reads the question again in lower case,
/// where it is the pronoun ("for us"): read again with the value's name, or declined.</item>
/// </list>
/// </content>
internal static partial class QuestionParser
{
    // A value written in capitals ("US") said in the question but found nowhere in the reading: the question read again
    // with the value's own name, or a reason to decline. Null when nothing was lost.
    private static ParsedQuestion? CapitalValueLost(string question, AnalyticsQuery query, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds)
    {
        foreach (PronounPhrase pronoun in layer.Lexicon.Pronouns)
        {
            if (pronoun.Written.FirstOrDefault(w => WrittenAs(question, w)) is not { } written
                || layer.Lexicon.Entries.FirstOrDefault(e => e.Kind == LexiconKind.Filter && e.Phrase == pronoun.Phrase) is not { Values: [{ } value] })
            {
                continue;
            }

            if (AllFilters(query).Any(f => f.Values.Contains(value, StringComparer.OrdinalIgnoreCase)))
            {
                continue;
            }

            // Read again without the campaign lists (the audit has none): only a question that names no campaign.
            string again = CapitalWordRegex(written).Replace(question, value);
            ParsedQuestion? reread = question.Contains("campaign", StringComparison.OrdinalIgnoreCase) ? null : Parse(again, layer, campaignNames, campaignIds);
            return reread is { Status: AnalyticsAnswerStatus.Answered, Query: { } read } && AllFilters(read).Any(f => f.Values.Contains(value, StringComparer.OrdinalIgnoreCase))
                ? reread
                : ParsedQuestion.Unplaced($"\"{written}\" is said in the question, but my reading lost it; ask with \"{value}\"");
        }

        return null;
    }

    private static Regex CapitalWordRegex(string written) =>
        AnalyticsRegex.Cached(@"(?<![A-Za-z0-9])" + Regex.Escape(written) + @"(?![A-Za-z0-9])");

    // Every filter of a reading: its own, its conditions', its whole's.
    private static IEnumerable<QueryFilter> AllFilters(AnalyticsQuery query)
    {
        IEnumerable<QueryFilter> all = query.Filters.Concat(query.Conditions.SelectMany(c => c.Filters));
        if (query.ShareWhole is { } whole)
        {
            all = all.Concat(AllFilters(whole));
        }

        if (query.FilterRatio is { } ratio)
        {
            all = all.Concat(ratio.Numerator).Concat(ratio.Denominator);
        }

        return all;
    }

    // "In <a value>, what share of orders had ...": the values said before the share word are the whole's. The reading with
    // them in the whole, a reason to decline, or (null, null) when the question is not of that shape.
    private static (AnalyticsQuery? Reread, string? Declined) ScopeBeforeShare(string lower, AnalyticsQuery query)
    {
        if (query is not { Share: true, Dimension: null, ShareWhole: null, WithinGroups: false, FilterRatio: null, Ratio: null }
            || ShareAskedRegex().Match(lower) is not { Success: true } asked || asked.Index == 0)
        {
            return (null, null);
        }

        string before = lower[..asked.Index];
        string after = lower[asked.Index..];
        List<QueryFilter> scope = [];
        foreach (QueryFilter filter in query.Filters)
        {
            if (filter.NamesMeasure)
            {
                continue;
            }

            bool saidBefore = SaidIn(before, filter);
            if (saidBefore && (filter.Negated || SaidIn(after, filter)))
            {
                return (null, $"\"{filter.Phrase}\" is said before the share and after it: I could not tell whether it scopes the whole or picks the part; ask as in \"what share of {filter.Phrase} {query.Measure.Label} ...\"");
            }

            if (saidBefore && filter.Values.Count > 1)
            {
                // "Among customers in A or B, ...": a list keeps the readings it had (QuestionParser.RedTeamRt7.cs).
                return (null, null);
            }

            if (saidBefore)
            {
                scope.Add(filter);
            }
        }

        if (scope.Count == 0)
        {
            // "For customers with more than 3 orders, what share of revenue came from <a country>": a condition said before
            // the share word is the whole's, but the whole drops its conditions.
            // Only a condition said with a relative word ("with", "who") before the share and none after it: "of the carts
            // abandoned in the last 7 days, what fraction came from customers with ..." names the measure there.
            return query.Conditions.Count > 0 && (ScopeRelativeRegex().IsMatch(before) || ComparisonSaidRegex().IsMatch(before)) && !ConditionsAfter(after)
                ? (null, $"\"{before.Trim().TrimEnd(',', ':', '-')}\" before the share: I could not read it into the whole the share is out of; ask for the two figures")
                : (null, null);
        }

        string values = string.Join(", ", scope.Select(f => f.Phrase));
        // Whatever else is said there (a threshold, a condition) would be dropped from the whole; "all" or "total" after the
        // share word asks for every row instead.
        if ((query.RowComparison is { } row && (before.Contains(row.Phrase.ToLowerInvariant(), StringComparison.Ordinal) || ComparisonSaidRegex().IsMatch(before)))
            || ComparisonSaidRegex().IsMatch(before) || ScopeConditionRegex().IsMatch(before) || query.Conditions.Count > 0 && !ConditionsAfter(after)
            || AllOfRegex().IsMatch(after))
        {
            return (null, $"\"{before.Trim().TrimEnd(',', ':', '-')}\" before the share: I could not read all of it into the whole the share is out of; ask as in \"what share of {values} {query.Measure.Label} ...\"");
        }

        List<QueryFilter> filters = [.. query.Filters.Select(f => scope.Contains(f) ? f with { NamesMeasure = true } : f)];
        return (query with { Filters = filters }, null);
    }

    // The conditions are said after the share word (the part's), never before it: only then may the whole drop them.
    private static bool ConditionsAfter(string after) => ScopeConditionRegex().IsMatch(after) || ComparisonSaidRegex().IsMatch(after);

    // A filter's value or phrase said whole in lower-case text (RedTeamRt10 uses it too).
    private static bool SaidIn(string text, QueryFilter filter) =>
        filter.Values.Select(v => v.ToLowerInvariant()).Append(filter.Phrase.ToLowerInvariant()).Any(v => v.Length > 0 && AnalyticsRegex.WholeWord(v).IsMatch(text));

    // Two thresholds said on one row, one read: "carts worth more than 1000 that had at least 3 items".
    private static string? ThresholdDropped(string lower, AnalyticsQuery query)
    {
        if (query.RowComparison is null)
        {
            return null;
        }

        int read = Comparisons(query.RowComparison) + (query.Having is null ? 0 : 1) + query.Conditions.Sum(c => Comparisons(c.Comparison) + Comparisons(c.RowComparison));
        int said = ComparisonSaidRegex().Count(lower);
        return said > read
            ? $"{said} thresholds are said, but I read {read} ({query.RowComparison.Phrase}); ask about one threshold on each row at a time"
            : null;
    }

    private static int Comparisons(NumericComparison? comparison) => comparison is null ? 0 : 1 + Comparisons(comparison.OfRows);

    // "what share", "what percentage", "how much of": where the share is asked.
    [GeneratedRegex(@"(?<![a-z])(?:what|which) (?:share|percentage|percent|proportion|fraction|portion|pct|%)(?![a-z])|(?<![a-z])how much of(?![a-z])", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ShareAskedRegex();

    // A threshold said with a number: "more than 1000", "at least 3", "over $500", "above $1,000".
    [GeneratedRegex(@"(?<![a-z])(?:more than|greater than|larger than|bigger than|higher than|over|above|exceeding|at least|no less than|under|below|less than|fewer than|lower than|at most|no more than|up to)\s+(?:us\s*)?\$?\s*\d", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ComparisonSaidRegex();

    // Something said of the customers or rows beyond values: "who bought", "with an abandoned cart", "that placed".
    [GeneratedRegex(@"(?<![a-z])(?:who|that|which|whose|with|without|having|had|has|have|bought|purchased|ordered|placed|viewed|abandoned|never|not)(?![a-z])", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ScopeConditionRegex();

    // A relative word that says a condition of the customers or rows: "with more than 3 orders", "who bought".
    [GeneratedRegex(@"(?<![a-z])(?:who|that|which|whose|with|without|having|never|not)(?![a-z])", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ScopeRelativeRegex();

    // "what share of all orders", "of total revenue", "of the overall": every row asked for.
    [GeneratedRegex(@"^(?:what|which) (?:share|percentage|percent|proportion|fraction|portion|pct|%) of (?:the )?(?:all|total|overall|entire|whole|every)(?![a-z])", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AllOfRegex();
}

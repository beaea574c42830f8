namespace AetherSegment.Analytics;

/// <content>
/// Red team rt4 (stop 44, scope and exclusions in combined questions): "customers in (a level's plural) other than A"
/// was read as a breakdown by that level without A, where one total is asked; it is now read as the one total unless a
/// breakdown is said ("by", "per", "each", "which" ...). "A's revenue as a share of total revenue (a range)" was read as
/// the share of A's revenue that falls in the range (out of A over all time); it is now read as A's share of all revenue
/// in the range when the range is said after the whole, and declined when the range is said before it. "A's revenue out
/// of total revenue" read as A's revenue alone (the whole dropped) is declined with what was read.
/// </content>
internal static partial class QuestionParser
{
    private static readonly string[] ExclusionAfterLevel = [" other than ", " except ", " apart from ", " excluding ", " besides ", " outside ", " but not ", " not including "];

    private static readonly string[] BreakdownSaid = [" by ", " per ", " each ", " every ", " which ", " split", " broken ", " breakdown", " break down", " top ", " bottom ", " rank", " list", " across ", " separately", " individually", " highest", " lowest", " most ", " least ", " leading", " compare", " vs ", " versus "];

    private static readonly string[] WholeWords = [" total ", " all ", " overall ", " entire ", " whole "];

    private static readonly string[] WholeDropped =
    [
        " out of total ", " out of all ", " out of the total ", " out of overall ", " out of the overall ", " out of the entire ",
        " as a share of ", " as a percentage of ", " as a percent of ", " as percent of ", " as a fraction of ", " as a proportion of ",
        " as a share of the ", " as share of ", " as percentage of ", " relative to total ", " relative to all ", " relative to the total ",
        " relative to overall ", " compared with total ", " compared to total ", " compared with all ", " compared to all ",
        " compared with the total ", " compared to the total ", " vs total ", " versus total ", " vs all ", " versus all ",
    ];

    private static readonly string[] CountAsked = ["how many", "number of", "count "];

    /// <summary>
    /// "how many customers are in countries other than A": a breakdown by the level the exclusion is on, with no breakdown
    /// said, is read as the one total; null when the reading stays.
    /// </summary>
    private static AnalyticsQuery? RedTeamRt4Total(string lower, string question, AnalyticsQuery query)
    {
        if (query is not { Dimension: { } level, Limit: null, Having: null, Share: false, WithinGroups: false, ComparedTime: null, FilterRatio: null }
            || !query.Filters.Any(f => f.Negated && f.Dimension == level.Key))
        {
            return null;
        }

        string normalized = QuestionText.Normalize(question);
        string plural = " " + level.PluralLabel.ToLowerInvariant();
        if (!Array.Exists(ExclusionAfterLevel, word => normalized.Contains(plural + word, StringComparison.Ordinal))
            || Array.Exists(BreakdownSaid, word => normalized.Contains(word, StringComparison.Ordinal))
            || normalized.Contains(" what" + plural, StringComparison.Ordinal))
        {
            return null;
        }

        return query with { Dimension = null, Sort = AnalyticsSort.Default };
    }

    /// <summary>The re-readings of this file (a total for an exclusion, the whole of a share), or null when the reading stays.</summary>
    private static AnalyticsQuery? RedTeamRt4Reread(string lower, string question, AnalyticsQuery query)
    {
        if (RedTeamRt4Total(lower, question, query) is { } total)
        {
            return total;
        }

        return query is { Share: true, ShareOfTime: true } && lower.Contains(" of ", StringComparison.Ordinal)
            && ShareOfTimeWhole(QuestionText.Normalize(question), query, out bool reread) is null && reread
            ? query with { ShareOfTime = false, Filters = [.. query.Filters.Select(f => f with { NamesMeasure = false })] }
            : null;
    }

    private static string? RedTeamRt4(string lower, string question, AnalyticsQuery query)
    {
        if (!Array.Exists(WholeWords, word => lower.Contains(word.TrimStart(), StringComparison.Ordinal))
            && !lower.Contains("share of", StringComparison.Ordinal) && !lower.Contains("percent", StringComparison.Ordinal))
        {
            return null;
        }

        string normalized = QuestionText.Normalize(question);
        if (query is { Share: true, ShareOfTime: true })
        {
            return ShareOfTimeWhole(normalized, query, out _);
        }

        // "A revenue out of total revenue": the whole was dropped and the part alone answered.
        if (query is { Share: false, Ratio: null, FilterRatio: null, ShareWhole: null }
            && WholeDropped.FirstOrDefault(word => normalized.Contains(word, StringComparison.Ordinal)) is { } dropped
            && !Array.Exists(CountAsked, word => lower.Contains(word, StringComparison.Ordinal)))
        {
            return $"\"{dropped.Trim()}\" asks for a part out of a whole, but I read the part alone; ask as in \"what share of total revenue came from ...\"";
        }

        return null;
    }

    /// <summary>
    /// "average spend of customers in A" read as the average order value: the spend is said of the customers (each
    /// customer's total), not of each order; declined with both readings.
    /// </summary>
    private static string? RedTeamRt4Spend(string lower, string question, AnalyticsQuery query, SemanticLayer layer)
    {
        if (query.Measure.Name != "average_order_value" || !lower.Contains("spend of", StringComparison.Ordinal))
        {
            return null;
        }

        string normalized = QuestionText.Normalize(question);
        foreach (string noun in layer.CustomerWords.Append("buyers").Append("shoppers"))
        {
            string plural = noun.EndsWith('s') ? noun : noun + "s";
            if (normalized.Contains(" spend of " + plural + " ", StringComparison.Ordinal) || normalized.Contains(" spend of the " + plural + " ", StringComparison.Ordinal)
                || normalized.Contains(" spend of our " + plural + " ", StringComparison.Ordinal))
            {
                return $"\"spend of {plural}\" is said of each {noun}'s total, but I read the average order value; ask \"average spend per buyer\" (each buyer's total) or \"average order value\"";
            }
        }

        return null;
    }

    /// <summary>
    /// "A's revenue as a share of total revenue this year" read as the share of A's revenue that falls in the range: the
    /// whole is every value, not A over all time. Sets <paramref name="reread"/> when the range is said after the whole
    /// (A's share of all revenue in the range); a reason when the range is said before it; null otherwise.
    /// </summary>
    private static string? ShareOfTimeWhole(string normalized, AnalyticsQuery query, out bool reread)
    {
        reread = false;
        if (query.Time is not { } range || (query.Filters.Count == 0 && query.Conditions.Count == 0))
        {
            return null;
        }

        int whole = -1;
        foreach (string word in WholeWords)
        {
            int at = normalized.IndexOf(word, StringComparison.Ordinal);
            if (at >= 0 && (whole < 0 || at < whole))
            {
                whole = at;
            }
        }

        if (whole < 0)
        {
            return null;
        }

        string after = normalized[whole..];
        if (query.Filters.Any(f => after.Contains(" " + f.Phrase.ToLowerInvariant() + " ", StringComparison.Ordinal)))
        {
            return null;
        }

        int said = range.Phrase.Length == 0 ? -1 : normalized.IndexOf(" " + range.Phrase.ToLowerInvariant(), StringComparison.Ordinal);
        if (query.Conditions.Count == 0 && said > whole)
        {
            reread = true;
            return null;
        }

        return $"the whole of the share is said as every value (\"{after.Trim()}\"), but I read the share of the part that falls in {range.Phrase} out of the part over all time; ask \"what share of all {query.Measure.Label} {range.Phrase} came from ...\" or \"what share of ... {query.Measure.Label} was {range.Phrase}\"";
    }
}

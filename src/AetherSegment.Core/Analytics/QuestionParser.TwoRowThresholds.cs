using System.Text.RegularExpressions;
using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

/// <content>
/// Two thresholds said on one row (stop 47, cov62): "how many abandoned carts over $1,000 with at least 3 items were abandoned
/// in the last 7 days?", "carts abandoned in the last 7 days with 3+ items and a cart value above $500". The question is read
/// three times: without either threshold, with the item threshold alone and with the money threshold alone (each said at the
/// end in a plain form). Only when all three read the same rows, the item reading compares the item count and the money
/// reading the value of each row, is the question answered with both comparisons on each row; otherwise the decline stands
/// (ThresholdDropped: a threshold that cannot be read is never dropped). The three readings are kept only when answered, so
/// each is read without a declined reading's golden-file reason (stop 48, QuestionParser.ParseSpeedStop45.cs).
/// </content>
internal static partial class QuestionParser
{
    /// <summary>The question with both thresholds read on each row, or null when it cannot be read so.</summary>
    private static ParsedQuestion? TwoRowThresholds(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds)
    {
        question = CartWorthAmountSaid(question);
        if (!question.Contains("item", StringComparison.OrdinalIgnoreCase) || !question.Contains('$', StringComparison.Ordinal))
        {
            return null;
        }

        MatchCollection items = ItemThresholdRegex().Matches(question);
        MatchCollection money = MoneyThresholdRegex().Matches(question);
        if (items.Count != 1 || money.Count != 1 || !items[0].Groups["cmp"].Success && !items[0].Groups["plus"].Success
            || items[0].Index < money[0].Index + money[0].Length && money[0].Index < items[0].Index + items[0].Length)
        {
            return null;
        }

        Match item = items[0];
        Match value = money[0];
        string rest = question;
        foreach (Match m in new[] { item, value }.OrderByDescending(m => m.Index))
        {
            rest = string.Concat(rest.AsSpan(0, m.Index), " ", rest.AsSpan(m.Index + m.Length));
        }

        rest = SpacesRegex().Replace(rest, " ").Trim().TrimEnd('?', '.', ' ', ',', '-');
        rest = DanglingJoinRegex().Replace(rest, "");
        if (ComparisonSaidRegex().IsMatch(rest.ToLowerInvariant()) || rest.Contains('$', StringComparison.Ordinal))
        {
            return null;
        }

        string itemPhrase = item.Groups["core"].Value.Trim();
        string valuePhrase = $"worth {value.Groups["cmp"].Value.ToLowerInvariant()} ${value.Groups["n"].Value}{value.Groups["k"].Value}";
        ParsedQuestion plain = ReadAnswered(rest + "?", layer, campaignNames, campaignIds);
        ParsedQuestion byItems = ReadAnswered($"{rest} with {itemPhrase}?", layer, campaignNames, campaignIds);
        ParsedQuestion byValue = ReadAnswered($"{rest} {valuePhrase}?", layer, campaignNames, campaignIds);
        if (plain is not { Status: AnalyticsAnswerStatus.Answered, Query: { RowComparison: null } p }
            || byItems is not { Status: AnalyticsAnswerStatus.Answered, Query: { RowComparison: { Items: true } itemRow } i }
            || byValue is not { Status: AnalyticsAnswerStatus.Answered, Query: { RowComparison: { Items: false, Money: true } valueRow } v }
            || !PlainRows(p) || !PlainRows(i) || !PlainRows(v) || i.RowValue is not null || v.RowValue is not null
            || !SameRows(p, i, layer) || !SameRows(p, v, layer))
        {
            return null;
        }

        return byItems with { Query = i with { AlsoRowComparison = valueRow with { Phrase = value.Value.Trim() } } };
    }

    // Nothing beside the rows counted that a second threshold could change the reading of.
    private static bool PlainRows(AnalyticsQuery q) =>
        q is { Conditions.Count: 0, Share: false, Ratio: null, FilterRatio: null, Having: null, Statistic: null, ComparedTime: null, AlsoRowComparison: null, ShareWhole: null }
        && q.Measure.Fact is EntityKind.Orders or EntityKind.Carts && q.Measure.Additive;

    private static bool SameRows(AnalyticsQuery a, AnalyticsQuery b, SemanticLayer layer) =>
        ReferenceEquals(a.Measure, b.Measure) && a.Dimension?.Key == b.Dimension?.Key && a.Limit == b.Limit && a.Sort == b.Sort && Equals(a.Time, b.Time)
        && a.Filters.Count == b.Filters.Count
        && string.Equals(AnswerWriter.Describe(a with { RowComparison = null }, layer, null), AnswerWriter.Describe(b with { RowComparison = null }, layer, null), StringComparison.Ordinal);

    // "with at least 3 items", "3+ items", "and more than 2 items", "that had 4 or more items".
    [GeneratedRegex(@"(?:\b(?:with|having|containing|and|that had|that have|which had)\s+)?(?<core>(?<cmp>(?:at least|more than|over|above|fewer than|less than|under|at most|no more than|no less than)\s+)?\d+(?<plus>\+|\s+or more|\s+or fewer|\s+or less)?\s+items?)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ItemThresholdRegex();

    // "over $1,000", "and a cart value above $500", "worth more than $2k".
    [GeneratedRegex(@"(?:\b(?:with|having|and|worth)\s+)?(?:(?:an?|the)\s+)?(?:(?:total\s+|cart\s+|order\s+)?value\s+(?:of\s+)?)?(?<cmp>more than|greater than|over|above|at least|under|below|less than|at most|no more than)\s+(?:us\s*)?\$\s?(?<n>\d[\d,]*(?:\.\d+)?)(?<k>k)?(?![\w,])", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex MoneyThresholdRegex();

    [GeneratedRegex(@"\s{2,}", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SpacesRegex();

    // A joining word left at the end once the thresholds are taken out: "... in the last 7 days and".
    [GeneratedRegex(@"(?:\s+(?:and|with|that|which|having))+$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex DanglingJoinRegex();
}

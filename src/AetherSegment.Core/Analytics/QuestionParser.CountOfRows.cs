using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// A count of the rows that pass a comparison of their own (stop 42): "customers with at least 2 orders over $1,000",
/// "placed only a single order over $1,000". Read as two conditions, it was a customer with 2 orders of any value and one
/// of them over $1,000, a confident wrong answer.
/// </content>
internal static partial class QuestionParser
{
    /// <summary>
    /// Joins a count said right before its rows ("at least 2 orders") with the comparison said right after them ("over
    /// $1,000"): the count is then of those rows only. Both must name the same measure at the same place, with only a
    /// linking word between the rows and the amount. Returns why it is declined when the amount is said of the same rows with
    /// other words between ("at least 2 orders in the last 30 days over $500"), else null.
    /// </summary>
    private static string? CountRowsOver(SemanticLayer layer, List<(MeasureDefinition Subject, NumericComparison Comparison)> compared, List<(int Start, int End, int CountedEnd, int RowsEnd)> at, string text)
    {
        if (compared.Count < 2)
        {
            return null;
        }

        // The comparisons are read pattern by pattern ("over $800" before "3 or more"): pair them in the order they were said.
        for (int i = 0; i < compared.Count; i++)
        {
            if (at[i].CountedEnd < 0)
            {
                continue;
            }

            (MeasureDefinition subject, NumericComparison count) = compared[i];
            int next = -1;
            for (int j = 0; j < compared.Count; j++)
            {
                if (at[j].Start >= at[i].CountedEnd && (next < 0 || at[j].Start < at[next].Start))
                {
                    next = j;
                }
            }

            if (next < 0)
            {
                continue;
            }

            (MeasureDefinition rowsOf, NumericComparison row) = compared[next];
            if (!ReferenceEquals(subject, rowsOf) || count.Money || count.Percent || count.Items
                || !(row.Money || row.Items) || subject.Format != MeasureFormat.Count || layer.RowColumn(subject.Fact, row) is null)
            {
                continue;
            }

            if (!RowsLinkRegex().IsMatch(text.AsSpan(at[i].CountedEnd, at[next].Start - at[i].CountedEnd)))
            {
                if (at[next].RowsEnd == at[i].CountedEnd)
                {
                    string rows = $"{count.Describe(MeasureFormat.Count)} {subject.Label} {row.Describe(row.Items ? MeasureFormat.Count : MeasureFormat.Money)}";
                    return $"\"{count.Describe(MeasureFormat.Count)}\" and \"{row.Describe(row.Items ? MeasureFormat.Count : MeasureFormat.Money)}\" both say something of the {subject.Label}, with words between them: is the count of the {subject.Label} {row.Describe(row.Items ? MeasureFormat.Count : MeasureFormat.Money)} only, or of all of them with one over it? Ask as in \"customers with {rows}\"";
                }

                continue;
            }

            compared[i] = (subject, count with { OfRows = row });
            compared.RemoveAt(next);
            at.RemoveAt(next);
            if (next < i)
            {
                i--;
            }
        }

        return null;
    }

    /// <summary>
    /// "customers who placed only one order", "have only ever made a single purchase", "just 1 transaction": exactly one,
    /// which the count comparisons read.
    /// </summary>
    internal static string RephraseOnlyOne(string text) =>
        text.Contains(" only ", StringComparison.Ordinal) || text.Contains(" just ", StringComparison.Ordinal)
            ? OnlyOneRegex().Replace(text, "${verb}exactly 1 ")
            : text;

    // Between the rows and their amount: nothing, or a word that links them ("orders each over", "orders worth over",
    // "orders of over", "orders that were over", "orders with a value over").
    [GeneratedRegex(@"^ *(?:(?:each|worth|of|valued at|that|which|were|was|are|with a value of|with a value|with an order value of|with an order value) *){0,3}$", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex RowsLinkRegex();

    [GeneratedRegex(@"(?<= )(?:only|just) (?:ever )?(?<verb>(?:placed|made|had|done|completed) )?(?:one|a single|1) (?=(?:[a-z]+ ){0,2}(?:orders?|purchases?|transactions?) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OnlyOneRegex();
}

using System.Text.RegularExpressions;
using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

/// <content>
/// Readings found to answer a different question at stop 49 (unseen sets, the lead).
/// </content>
internal static partial class QuestionParser
{
    /// <summary>
    /// "customers with ... a lifetime order total above $3,000" read as the customers with one order over $3,000 (stop 49,
    /// unseen): "lifetime" (or "all-time", "summed", "combined") says each customer's total, but the only amount threshold
    /// of the reading is on a single row. Declined unless the reading also has a threshold on a customer's total, which
    /// the word can belong to.
    /// </summary>
    private static string? LeadStop49(string question, AnalyticsQuery query, SemanticLayer layer)
    {
        // "the average per-customer total of the carts they abandoned" read as the number of carts per customer: "the
        // total of the carts" is their value or their number, and the reading counts them.
        string normalized = QuestionText.Normalize(question);
        MeasureDefinition measure = query.Statistic?.Of ?? query.Measure;
        if (measure.Format == MeasureFormat.Count && TotalOfRowsRegex().Match(normalized) is { Success: true } total)
        {
            return $"\"{total.Value.Trim()}\": their value or their number? I read {measure.Label}; ask for the value (as in \"total value of ...\") or for the count (as in \"number of ...\")";
        }

        bool onRows = query.Conditions.Any(c => c.RowComparison is { Items: false });
        if (!onRows && query.RowComparison is not { Items: false })
        {
            return null;
        }

        // "the revenue of customers who spent more than $5,000 over all their orders" read as the revenue of orders over
        // $5,000: "over all their orders" sums a customer's rows, whichever threshold the reading put on one row.
        Match said = TheirRowsSummedRegex().Match(normalized);
        if (!said.Success && onRows
            && !query.Conditions.Any(c => c.RowComparison is null && c.Comparison is not null && c.Measure.Format == MeasureFormat.Money))
        {
            said = TotalOverRowsRegex().Match(normalized);
        }

        if (!said.Success)
        {
            return null;
        }

        string rows = string.Join(" and ", query.Conditions.Where(c => c.RowComparison is { Items: false }).Select(c => c.Measure.Label)
            .Append(query.RowComparison is { Items: false } ? query.Measure.Label : null).OfType<string>().Distinct());
        return $"\"{said.Value.Trim()}\" says each customer's total, but I read each amount threshold on a single row of {rows}; "
            + $"ask \"{People(layer)} whose lifetime spend is over <amount>\" for the total, or \"{People(layer)} with an order over <amount>\" for one order";
    }

    // "the total of the carts they abandoned", "total of their orders": a value or a number, not said which.
    [GeneratedRegex(@"(?<![a-z])total of (?:the |their |all |all the |all their )?(?:abandoned )?(?:carts|orders|purchases|transactions)(?![a-z])", RegexOptions.CultureInvariant, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex TotalOfRowsRegex();

    // "over all their orders", "their total", "summed over all their": a total over each customer's rows, said outright.
    [GeneratedRegex(@"(?<![a-z])(?:their total|(?:summed |in total )?(?:over|across) all (?:of )?their)(?![a-z])", RegexOptions.CultureInvariant, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex TheirRowsSummedRegex();

    // "lifetime", "all-time", "summed over", "combined", "their total": a total over a customer's rows.
    [GeneratedRegex(@"(?<![a-z])(?:lifetime|all-time|all time|summed|combined)(?![a-z])", RegexOptions.CultureInvariant, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex TotalOverRowsRegex();
}

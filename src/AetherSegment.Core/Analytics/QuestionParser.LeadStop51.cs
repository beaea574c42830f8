using System.Text.RegularExpressions;
using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

// Stop 51 (lead): a comparison said on each counted row even where the question names whose rows they are ("<category>
// transactions from <a city>'s customers had a quantity greater than 1"): the quantity of each order line, never the
// customers' total units. Before, naming the customers made it each customer's units sold (a wrong answer, twice unseen).
internal static partial class QuestionParser
{
    private static string LeadStop51Said(string question)
    {
        if (question.Contains('\'', StringComparison.Ordinal) || question.Contains('\u2019', StringComparison.Ordinal))
        {
            // "count <a city> customers' orders with more than 1 unit": "<a city> orders" (the orders of those customers), not
            // the customers (the possessive made "customers" the thing counted).
            question = PossessiveRowsRegex().Replace(question, m => $"{m.Groups["who"].Value}{m.Groups["rows"].Value}");
        }

        return question;
    }

    // "(customer counts)", "- counts of customers": the customers counted, said again (QuestionParser.Restatements.cs).
    [GeneratedRegex(@"\s*\(\s*(?:as |in )?(?:customer counts?|counts? of customers|number of customers|customers counted)\s*\)|\s*[,;:\u2013\u2014-]\s*(?:as |in )?(?:customer counts?|counts? of customers)\s*[.!?]?\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CustomerCountsAsideRegex();

    // "<capitalised words> customers' orders" (or transactions, purchases, order lines); the words before say which customers.
    [GeneratedRegex(@"(?<who>(?:(?:our|the) )?(?:[A-Z][\w-]*\s+){0,3})(?<people>customers|buyers|shoppers|clients)['\u2019]\s+(?<rows>orders|transactions|purchases|order lines)\b", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex PossessiveRowsRegex();

    /// <summary>
    /// Whether a threshold is said on each of the counted rows, in words that cannot be a customer's total: "orders (that)
    /// had a quantity of 2 or more", "transactions with a quantity greater than 1", "order lines with more than 3 units".
    /// "customers who bought more than 3 units" and "a total quantity over 5" are not.
    /// </summary>
    private static bool ThresholdOnEachRowSaid(string text) =>
        (text.Contains(" quantity", StringComparison.Ordinal) || text.Contains(" unit", StringComparison.Ordinal))
        && !text.Contains(" total quantit", StringComparison.Ordinal) && !text.Contains(" units sold", StringComparison.Ordinal)
        && !text.Contains(" in total", StringComparison.Ordinal) && !text.Contains(" combined", StringComparison.Ordinal)
        && (RowQuantityRegex().IsMatch(text) || RowsWithUnitsRegex().IsMatch(text));

    // "had a quantity greater than 1", "with a quantity of 2 or more", "having quantity above 1", "whose quantity was at least 2".
    [GeneratedRegex(@" (?:had|has|have|having|with|whose|where the|where) (?:a |an |the )?(?:line |item )?quantity (?:(?:was|is|were) )?(?:of )?(?:over|above|more than|greater than|higher than|at least|no less than|under|below|less than|fewer than|at most|exactly|between|\d)", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex RowQuantityRegex();

    // "orders with more than 1 unit", "transactions that had at least 2 units", "order lines containing 3 or more units".
    [GeneratedRegex(@" (?:orders?|transactions?|purchases?|order lines?|line items?|lines) (?:that |which )?(?:had|has|have|having|with|containing|contained) (?:(?:over|above|more than|greater than|at least|under|below|less than|fewer than|at most|exactly) )?\d+ (?:or (?:more|fewer|less) )?units?\b", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex RowsWithUnitsRegex();

    /// <summary>
    /// "events by device, counting only customers who have bought a &lt;category&gt; item": a purchase said of the customers,
    /// read as the events' own filter (the events of that category, a wrong answer on main). Events with a value of a level
    /// the orders also carry, no condition on the orders, and a purchase verb said: declined with the part named.
    /// </summary>
    private static string? LeadStop51(string question, AnalyticsQuery query, SemanticLayer layer)
    {
        if ((query.Statistic?.Of ?? query.Measure).Fact != EntityKind.Events || query.Conditions.Any(c => c.Measure.Fact == EntityKind.Orders))
        {
            return null;
        }

        QueryFilter? onOrdersToo = query.Filters.FirstOrDefault(f => !f.NamesMeasure && layer.Dimension(f.Dimension) is { } d && d.Columns.Any(c => c.Fact == EntityKind.Orders));
        return onOrdersToo is not null && PurchaseVerbRegex().IsMatch(" " + QuestionText.Normalize(question) + " ")
            ? $"\"{onOrdersToo.Phrase}\" is read on the events, not as what the customers bought; ask for the events of \"{onOrdersToo.Phrase}\" or for the customers who bought it, one at a time"
            : null;
    }
}

using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>A count of rows over a threshold said of some customers: "how many orders over $500 from UK customers".</content>
internal static partial class QuestionParser
{
    // "how many orders over $500 from UK customers", "number of individual orders worth more than $2,000 placed by London
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
            : ParsedQuestion.Unplaced("a count of orders or carts over an amount said of some customers: I could not read it without counting the customers instead; ask as in \"how many orders over $500 in the United Kingdom\"");
    }

    // The question counts rows: "how many (individual) orders", "number of abandoned carts".
    [GeneratedRegex(@"^ (?:(?:how many|number of|count of|the number of|count|total) )?(?:individual |single |separate |distinct )?(?:orders|transactions|purchases|carts|abandoned carts|abandoned baskets) ")]
    private static partial Regex RowsCountedRegex();

    // "... over $500 from UK customers", "... placed by customers in London": a comparison, then the customers whose rows.
    [GeneratedRegex(@" (?:over|above|more than|greater than|at least|under|below|less than|worth) .*?(?:from|by|of) (?:(?:[a-z0-9]+ ){0,3}?)(?<noun>customers|shoppers|buyers|people|clients)(?= )")]
    private static partial Regex RowsOfCustomersRegex();
}

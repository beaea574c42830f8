using System.Text.RegularExpressions;
using AetherSegment.Data;
using AetherSegment.Profiles;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

/// <content>
/// Recency (stop 41, ask33): "how many days on average since their last order", "average days since last purchase for
/// &lt;country&gt; customers (those who have purchased)". Each buyer's days from their latest order to the data's as-of
/// instant (a parameter set by the service), read as a value of each customer (QuestionParser.CustomersAndCampaigns.cs);
/// a customer without orders has no last order, so it is over the buyers.
/// </content>
internal static partial class QuestionParser
{
    // "days since their last order": each buyer's days from their latest order to the as-of instant; the words said as
    // "orders" (a statistic word between them kept), so the rest reads as a statistic of each customer's orders.
    private static string ReadDaysSinceLast(string text, Func<SqlDialect, string> orderTime, out CustomerValue? value)
    {
        value = null;
        if (DaysSinceLastRegex().Match(text) is not { Success: true } m)
        {
            return text;
        }

        // "as of the latest data": the instant said; without it, asked back (QuestionParser.Statistics.cs).
        bool anchored = false;
        text = Consume(text, AsOfLatestDataRegex(), _ => anchored = true);
        m = DaysSinceLastRegex().Match(text);
        value = new CustomerValue(new MeasureDefinition("days_since_last_purchase", "days since the last purchase", EntityKind.Orders, MeasureFormat.Decimal,
            d => $"({d.EpochMicros(d.Parameter(AnalyticsCompiler.AsOfParameter))} - {d.EpochMicros($"MAX({orderTime(d)})")}) / 86400000000.0", [], false)
        { UsesAsOf = true }, false)
        { AsOfSaid = anchored };
        string said = m.Groups["avg"].Success ? "orders " + m.Groups["avg"].Value : "orders";
        return string.Concat(text.AsSpan(0, m.Index), said, new string(' ', Math.Max(1, m.Length - said.Length)), text.AsSpan(m.Index + m.Length));
    }

    /// <summary>
    /// "customers who haven't purchased in the past 180 days but did buy before that - how many lapsed buyers": the buyers
    /// with nothing in the range (their last order before it), as the parser reads "buyers who havent bought anything in
    /// the last 180 days"; the name said after its definition adds nothing. On normalized text.
    /// </summary>
    private static string RephraseLapsed(string text)
    {
        if (!text.Contains(" before", StringComparison.Ordinal) && !text.Contains(" previously ", StringComparison.Ordinal) && !text.Contains(" earlier ", StringComparison.Ordinal))
        {
            return text;
        }

        text = NotInRangeButBeforeRegex().Replace(text, m => $" buyers who havent bought anything in the last {m.Groups["n"].Value} {m.Groups["unit"].Value} ");
        // The count asked after the definition is asked first: "how many buyers who havent bought anything ...".
        return text.Contains(" havent bought anything in the ", StringComparison.Ordinal) && HowManyLapsedRegex().Match(text) is { Success: true } howMany
            ? " how many" + string.Concat(text.AsSpan(0, howMany.Index), " ", text.AsSpan(howMany.Index + howMany.Length))
            : text;
    }

    // "customers who haven't purchased in the past 180 days but did buy before that": the noun is said (after another
    // word, "customers in <place> who ...", the buyers would be read apart from the customers).
    [GeneratedRegex(@"(?<= )(?:customers|people|shoppers|buyers) (?:(?:who|that) )?(?:" + LanguageWords.HaveNotPattern + "|" + LanguageWords.HasNotPattern + "|" + LanguageWords.DidNotPattern + @") (?:bought|ordered|purchased|shopped|placed an order|made a purchase)(?: anything)? (?:in|during|within) the (?:last|past) (?<n>\d{1,4}) (?<unit>days|weeks|months) but (?:(?:did|have|had|has) )?(?:buy|bought|order|ordered|purchase|purchased|shop|shopped)(?: something| anything)? (?:before that|before then|before|previously|earlier)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NotInRangeButBeforeRegex();

    // "- how many lapsed buyers?" after the definition.
    [GeneratedRegex(@"(?<= )how many lapsed (?:buyers|customers|shoppers|people)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex HowManyLapsedRegex();

    // "(how many) days (on average) (has it been) since their last order", "days since last purchase".
    [GeneratedRegex(@"(?<= )(?:(?:how many|number of|the number of) )?days? (?<avg>on average |on avg |in average )?(?:(?:has it been|have passed|has passed|passed|have elapsed|elapsed|it has been|its been|it s been) )?since (?:(?:their|the|a customer s|each customer s|a buyer s|each buyer s|his or her|its|customers|buyers) )?(?:last|latest|most recent|final) (?:purchase|order|transaction)s?(?: dates?)?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex DaysSinceLastRegex();

    // "as of the latest data", "counted to the end of the data", "up to the most recent data point".
    [GeneratedRegex(@"(?<= )(?:counted |measured )?(?:as of|as at|up to|until|to) (?:the )?(?:latest|last|most recent|end of the|newest) (?:data|data point|record|timestamp|date in the data|data date|date of the data)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AsOfLatestDataRegex();
}

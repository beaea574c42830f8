using AetherSegment.Data;
using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

/// <content>
/// Red team rt5 (stop 44, time words and what is counted): "average number of buyers per day in (a month)" was answered
/// as the distinct buyers of the whole range divided by its days, where the average of each day's buyers is asked (a
/// customer who bought on several days counts on each of them). A count of distinct customers on a fact with many rows per
/// customer does not add up over days, so its average per period is declined with the wordings that are answered.
/// </content>
internal static partial class QuestionParser
{
    /// <summary>Why an average per period of distinct customers on a many-rows fact is not read, or null.</summary>
    private static string? RedTeamRt5(AnalyticsQuery query, SemanticLayer layer)
    {
        if (query is not { PerPeriod: { } grain } || query.Measure.Fact is EntityKind.Customers or EntityKind.Scores
            || layer.Fact(query.Measure.Fact) is not { } fact)
        {
            return null;
        }

        string sql = query.Measure.Expression(SqlDialect.DuckDB);
        if (!sql.Contains("COUNT(DISTINCT " + fact.CustomerId(SqlDialect.DuckDB) + ")", StringComparison.Ordinal))
        {
            return null;
        }

        string unit = grain switch { TimeGrain.Day => "day", TimeGrain.Week => "week", _ => "month" };
        string label = query.Measure.Label.Replace("average ", string.Empty, StringComparison.Ordinal).Replace(" per " + unit, string.Empty, StringComparison.Ordinal);
        return $"an average number of {label} per {unit} is ambiguous: each {unit}'s {label} counted on their own (a customer who bought on several {unit}s counts on each) or the {label} of the whole range divided by its {unit}s; ask \"{label} by {unit}\" for each {unit}'s count, or \"{label}\" over the range for the customers counted once";
    }
}

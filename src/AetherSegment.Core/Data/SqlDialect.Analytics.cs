using AetherSegment.Analytics;

namespace AetherSegment.Data;

/// <summary>The conversational analytics compiler's dialect differences: time truncation and list membership.</summary>
public sealed partial class SqlDialect
{
    /// <summary>Truncates a TIMESTAMP expression to the start of its day, ISO week (Monday) or month, as a TIMESTAMP.</summary>
    internal string TruncateTimestamp(string expression, TimeGrain grain)
    {
        if (IsBigQuery)
        {
            string part = grain switch
            {
                TimeGrain.Day => "DAY",
                TimeGrain.Week => "ISOWEEK",
                _ => "MONTH",
            };
            return $"TIMESTAMP_TRUNC({expression}, {part})";
        }

        string duckPart = grain switch
        {
            TimeGrain.Day => "'day'",
            TimeGrain.Week => "'week'",
            _ => "'month'",
        };
        return $"CAST(date_trunc({duckPart}, {expression}) AS TIMESTAMP)";
    }

    /// <summary>Membership of an expression in an ARRAY&lt;STRING&gt; parameter.</summary>
    internal string InStringList(string expression, string parameterName) =>
        IsBigQuery ? $"{expression} IN UNNEST({Parameter(parameterName)})" : $"{expression} = ANY({Parameter(parameterName)})";
}

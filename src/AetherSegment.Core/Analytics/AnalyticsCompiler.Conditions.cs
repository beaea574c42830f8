using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

/// <content>Which conditions a question's time range bounds.</content>
internal static partial class AnalyticsCompiler
{
    // "customers with a CLV score over 0.5 who made a purchase last month": the range is the purchases' (as the restatement
    // says), not also the customers' signup; a condition on a customer's own attribute or score is then over all time. Alone
    // ("customers with a CLV score over 0.5 last month") the range stays on it (those who signed up in it).
    private static bool AttributeUntimed(AnalyticsQuery query, CustomerCondition condition, SemanticLayer layer) =>
        query.TimeOnConditions && condition.Time is null && condition.Measure.Fact is EntityKind.Customers or EntityKind.Scores
        && query.Conditions.Any(other => other.Time is null && other.Measure.Fact is not (EntityKind.Customers or EntityKind.Scores) && layer.Fact(other.Measure.Fact)?.Time is not null);
}

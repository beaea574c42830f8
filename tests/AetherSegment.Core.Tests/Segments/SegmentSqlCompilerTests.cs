using System.Text.RegularExpressions;
using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.DependencyInjection;
using AetherSegment.Interpretation;
using AetherSegment.Segments;
using AetherSegment.Synthetic.Profiles;

namespace AetherSegment.Core.Tests.Segments;

public sealed partial class SegmentSqlCompilerTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly AetherSegment.Profiles.BusinessProfile Demo = AetherSegment.Synthetic.Profiles.HomeFurnishingProfile.Load();

    private static SegmentDefinition Define(CampaignObjective objective, bool withTrigger = true)
    {
        SegmentDefinitionBuilder builder = new(HomeFurnishingProfile.Load(), new AetherSegmentOptions());
        List<SegmentFilter> filters = [.. builder.FromObjective(objective)];
        if (withTrigger && objective.SuggestedTrigger is { } trigger)
        {
            filters.Add(TriggerEligibilityFilter.For(Demo, trigger)!);
        }

        return new SegmentDefinition { Filters = filters, Trigger = objective.SuggestedTrigger, AsOf = AsOf };
    }

    [Theory]
    [MemberData(nameof(ExampleIds))]
    public void BigQuery_ExampleObjectives_PassTheGoogleSqlChecks(string id)
    {
        SegmentDefinition definition = Define(ExampleObjectives.Get(id));

        foreach (SqlStatement statement in new[]
        {
            SegmentSqlCompiler.Members(HomeFurnishingProfile.Load(), definition, SqlDialect.BigQuery),
            SegmentSqlCompiler.Preview(HomeFurnishingProfile.Load(), definition, SqlDialect.BigQuery, 0.7, 0.4, 5),
        })
        {
            Assert.Empty(GoogleSqlChecker.Problems(statement));
        }
    }

    [Theory]
    [MemberData(nameof(ExampleIds))]
    public void DuckDB_ExampleObjectives_UseDollarParametersAndAnyForLists(string id)
    {
        SqlStatement statement = SegmentSqlCompiler.Members(HomeFurnishingProfile.Load(), Define(ExampleObjectives.Get(id)), SqlDialect.DuckDB);

        Assert.DoesNotContain("@", statement.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("UNNEST", statement.Sql, StringComparison.Ordinal);
        HashSet<string> used = [.. DollarParameter().Matches(statement.Sql).Select(m => m.Groups[1].Value)];
        Assert.Equal(used.Order(), statement.Parameters.Select(p => p.Name).Order());
        foreach (QueryParameter list in statement.Parameters.Where(p => p.Type == QueryParameterType.StringArray))
        {
            Assert.Contains($"= ANY(${list.Name})", statement.Sql, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string> ExampleIds() => ExampleObjectives.Ids();

    [Fact]
    public void Seed1_AbandonedCartIn48Hours_IsATimestampParameterTwoDaysBeforeAsOf()
    {
        SqlStatement statement = SegmentSqlCompiler.Members(HomeFurnishingProfile.Load(), Define(ExampleObjectives.Get("seed-1")), SqlDialect.BigQuery);

        QueryParameter since = Assert.Single(statement.Parameters, p => p.Name.EndsWith("_since", StringComparison.Ordinal));
        Assert.Equal(QueryParameterType.Timestamp, since.Type);
        Assert.Equal(AsOf.AddHours(-48), since.Value);
        Assert.Equal(AsOf, Assert.Single(statement.Parameters, p => p.Name == "as_of").Value);
        Assert.Contains("a.abandoned_at >= @" + since.Name, statement.Sql, StringComparison.Ordinal);
        Assert.Contains(statement.Parameters, p => p.Type == QueryParameterType.Float64 && (double)p.Value! == 0.7);
        Assert.Contains("s.discount_sensitivity >= @", statement.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed2_SofasInTheLast30Days_IsOnePurchaseConditionWithTheProductType()
    {
        SegmentDefinition definition = Define(ExampleObjectives.Get("seed-2"), withTrigger: false);

        SegmentFilter filter = Assert.Single(definition.Filters);
        BehaviorCondition purchased = Assert.IsType<BehaviorCondition>(filter.Condition);
        Assert.Equal(BehaviorKind.Purchased, purchased.Kind);
        Assert.Equal(30, purchased.WithinDays);
        Assert.Equal(["Sofas"], purchased.ProductTypes);
        Assert.Equal("purchased Sofas in the last 30 days", filter.Description);
        Assert.Equal(FilterProvenance.Ai, filter.Provenance);
        SqlStatement sql = SegmentSqlCompiler.Members(HomeFurnishingProfile.Load(), definition, SqlDialect.BigQuery);
        Assert.Contains("c.customer_id IN (SELECT t.customer_id FROM transactions AS t WHERE TRUE AND t.transaction_date >= @", sql.Sql, StringComparison.Ordinal);
        Assert.Contains("t.product_type IN UNNEST(@", sql.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed3_ChurnAndNoPurchase_UseTheChurnThresholdOptionAndNotExists()
    {
        SegmentDefinitionBuilder builder = new(HomeFurnishingProfile.Load(), new AetherSegmentOptions { ChurnRiskThreshold = 0.65 });

        IReadOnlyList<SegmentFilter> filters = builder.FromObjective(ExampleObjectives.Get("seed-3"));
        SqlStatement sql = SegmentSqlCompiler.Members(HomeFurnishingProfile.Load(), new SegmentDefinition { Filters = filters, AsOf = AsOf }, SqlDialect.DuckDB);

        Assert.Equal(["churn_risk", "no_purchase_for_days"], filters.Select(f => f.Key));
        Assert.Equal(0.65, ((AttributeCondition)filters[0].Condition).Number);
        Assert.Contains("c.customer_id NOT IN (SELECT t.customer_id FROM transactions", sql.Sql, StringComparison.Ordinal);
        Assert.Contains("LEFT JOIN customer_scores AS s", sql.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void MediumTier_UsesBothConfiguredThresholds()
    {
        SegmentDefinitionBuilder builder = new(HomeFurnishingProfile.Load(), new AetherSegmentOptions { HighValueThreshold = 0.8, LowValueThreshold = 0.3 });
        CampaignObjective objective = new() { Objective = "x", Audience = new Audience { ValueTier = ValueTier.Medium } };

        SqlStatement sql = SegmentSqlCompiler.Members(HomeFurnishingProfile.Load(), new SegmentDefinition { Filters = builder.FromObjective(objective), AsOf = AsOf }, SqlDialect.DuckDB);

        Assert.Contains("(c.clv_score >= $p1_clv_score_min AND c.clv_score < $p2_clv_score_below)", sql.Sql, StringComparison.Ordinal);
        Assert.Equal([0.3, 0.8], sql.Parameters.Select(p => (double)p.Value!));
    }

    [Fact]
    public void EveryProfileTrigger_HasAFilterThatCompilesInBothDialects()
    {
        foreach (AetherSegment.Profiles.TriggerDefinition trigger in Demo.Triggers)
        {
            SegmentFilter filter = TriggerEligibilityFilter.For(Demo, trigger)!;
            SegmentDefinition definition = new() { Filters = [filter], Trigger = trigger.Id, AsOf = AsOf };

            Assert.Equal(FilterProvenance.Trigger, filter.Provenance);
            Assert.Equal("trigger_" + trigger.Id, filter.Key);
            Assert.Empty(GoogleSqlChecker.Problems(SegmentSqlCompiler.Members(HomeFurnishingProfile.Load(), definition, SqlDialect.BigQuery)));
            Assert.DoesNotContain("@", SegmentSqlCompiler.Members(HomeFurnishingProfile.Load(), definition, SqlDialect.DuckDB).Sql, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Preview_AppliesTheFiltersInOrderAsAChainAndCountsEveryStep()
    {
        SegmentDefinition definition = Define(ExampleObjectives.Get("seed-5"));

        SqlStatement preview = SegmentSqlCompiler.Preview(HomeFurnishingProfile.Load(), definition, SqlDialect.DuckDB, 0.7, 0.4, 5);

        Assert.Equal(["cities", "value_tier", "trigger_exclusive_access"], definition.Filters.Select(f => f.Key));
        Assert.StartsWith("WITH s1 AS (SELECT c.* FROM customers AS c WHERE c.city = ANY(", preview.Sql, StringComparison.Ordinal);
        Assert.Contains("s2 AS (SELECT c.* FROM s1 AS c WHERE c.clv_score >= $", preview.Sql, StringComparison.Ordinal);
        Assert.Contains("s3 AS (SELECT c.* FROM s2 AS c LEFT JOIN customer_scores AS s", preview.Sql, StringComparison.Ordinal);
        Assert.Contains("UNION ALL SELECT 3, NULL, NULL, NULL, NULL, NULL, NULL, COUNT(*), SUM(clv_score), 0.0, 0 FROM s3", preview.Sql, StringComparison.Ordinal);
        Assert.Contains("FROM s3 AS m GROUP BY 5, 6, 7", preview.Sql, StringComparison.Ordinal);
        // Every step carries every customer column, so a condition on any of them can come at any step (issue 13).
        Assert.Equal(3, Regex.Count(preview.Sql, @"SELECT c\.\* FROM s?[0-9]?"));
        Assert.DoesNotContain("s4", preview.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("abandoned_carts", preview.Sql, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex DollarParameter();
}

using System.Text.Json.Nodes;
using AetherSegment.Data;
using AetherSegment.DependencyInjection;
using AetherSegment.Interpretation;
using AetherSegment.Profiles;
using AetherSegment.Segments;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Uplift;
using AetherSegment.Tests;

namespace AetherSegment.Core.Tests.Segments;

/// <summary>
/// The BigQuery SQL of every example objective, parsed by an independent GoogleSQL grammar (node-sql-parser's BigQuery
/// dialect, pinned in tools/googlesql-parse and installed with npm ci on first use).
/// </summary>
public sealed class GoogleSqlIndependentParseTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task BigQuerySqlOfEveryExampleObjective_ParsesWithAnIndependentGoogleSqlGrammar()
    {
        SegmentDefinitionBuilder builder = new(HomeFurnishingProfile.Load(), new AetherSegmentOptions());
        JsonArray statements = [];
        foreach ((string id, CampaignObjective objective) in ExampleObjectives.All())
        {
            List<SegmentFilter> filters = [.. builder.FromObjective(objective)];
            if (objective.SuggestedTrigger is { } trigger)
            {
                filters.Add(TriggerEligibilityFilter.For(AetherSegment.Synthetic.Profiles.HomeFurnishingProfile.Load(), trigger)!);
            }

            SegmentDefinition definition = new() { Filters = filters, Trigger = objective.SuggestedTrigger, AsOf = AsOf };
            statements.Add(new JsonObject { ["id"] = id + "/members", ["sql"] = SegmentSqlCompiler.Members(HomeFurnishingProfile.Load(), definition, SqlDialect.BigQuery).Sql });
            statements.Add(new JsonObject { ["id"] = id + "/preview", ["sql"] = SegmentSqlCompiler.Preview(HomeFurnishingProfile.Load(), definition, SqlDialect.BigQuery, 0.7, 0.4, 5).Sql });
        }

        // The uplift feature queries run in the warehouse too: training (as of each send) and scoring a segment.
        (string firstId, CampaignObjective first) = ExampleObjectives.All().First();
        SqlStatement members = SegmentSqlCompiler.Members(HomeFurnishingProfile.Load(), new SegmentDefinition { Filters = builder.FromObjective(first), AsOf = AsOf }, SqlDialect.BigQuery);
        UpliftFeatureSet features = UpliftFeatureSet.Create(HomeFurnishingProfile.Load(), [.. HomeFurnishingProfile.Load().Catalog.Taxonomy.Roots.Select(r => r.Name)]);
        statements.Add(new JsonObject { ["id"] = "uplift/training", ["sql"] = UpliftFeatureQuery.Training(SqlDialect.BigQuery, features, 25_000).Sql });
        statements.Add(new JsonObject { ["id"] = "uplift/data-version", ["sql"] = UpliftFeatureQuery.DataVersion(SqlDialect.BigQuery, HomeFurnishingProfile.Load()).Sql });
        statements.Add(new JsonObject { ["id"] = $"uplift/scoring/{firstId}", ["sql"] = UpliftFeatureQuery.Scoring(SqlDialect.BigQuery, features, members, AsOf).Sql });
        statements.Add(new JsonObject { ["id"] = $"uplift/scoring-sample/{firstId}", ["sql"] = UpliftFeatureQuery.Scoring(SqlDialect.BigQuery, features, members, AsOf, 50_000).Sql });

        // The features derived from a second retailer's mapping (other tables, expressions for columns, no carts).
        BusinessProfile summit = BusinessProfileLoader.LoadFile(Path.Combine(TestPaths.RepositoryRoot, "tests", "AetherSegment.TestRetailers", "SummitOutfitters", "summit-outfitters.profile.json"));
        UpliftFeatureSet summitFeatures = UpliftFeatureSet.Create(summit, [.. summit.Catalog.Taxonomy.Roots.Select(r => r.Name)]);
        statements.Add(new JsonObject { ["id"] = "uplift/summit/training", ["sql"] = UpliftFeatureQuery.Training(SqlDialect.BigQuery, summitFeatures, 25_000).Sql });
        statements.Add(new JsonObject { ["id"] = "uplift/summit/data-version", ["sql"] = UpliftFeatureQuery.DataVersion(SqlDialect.BigQuery, summit).Sql });
        statements.Add(new JsonObject { ["id"] = "uplift/summit/scoring", ["sql"] = UpliftFeatureQuery.Scoring(SqlDialect.BigQuery, summitFeatures, new SqlStatement("SELECT member_no AS customer_id FROM members"), AsOf, 50_000).Sql });

        await GoogleSqlParse.AssertAllParseAsync(statements);
    }

    [Fact]
    public async Task BigQuerySqlOfEveryPairOfFilterKindsAndEveryTrigger_PassesTheChecksAndParses()
    {
        JsonArray statements = [];
        foreach ((string name, IReadOnlyList<SegmentFilter> filters) in FilterKinds.Pairs())
        {
            SegmentDefinition definition = new() { Filters = filters, AsOf = AsOf };
            SqlStatement members = SegmentSqlCompiler.Members(HomeFurnishingProfile.Load(), definition, SqlDialect.BigQuery);
            SqlStatement preview = SegmentSqlCompiler.Preview(HomeFurnishingProfile.Load(), definition, SqlDialect.BigQuery, 0.7, 0.4, 5);
            Assert.True(GoogleSqlChecker.Problems(members).Count == 0, name + ": " + string.Join("; ", GoogleSqlChecker.Problems(members)));
            Assert.True(GoogleSqlChecker.Problems(preview).Count == 0, name + ": " + string.Join("; ", GoogleSqlChecker.Problems(preview)));
            statements.Add(new JsonObject { ["id"] = name + "/members", ["sql"] = members.Sql });
            statements.Add(new JsonObject { ["id"] = name + "/preview", ["sql"] = preview.Sql });
        }

        Assert.Equal(2 * FilterKinds.All.Count * (FilterKinds.All.Count + 2 * FilterKinds.Triggers.Count), statements.Count);
        await GoogleSqlParse.AssertAllParseAsync(statements);
    }
}

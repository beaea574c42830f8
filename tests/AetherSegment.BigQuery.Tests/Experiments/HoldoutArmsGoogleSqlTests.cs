using AetherSegment.Data;
using AetherSegment.Experiments;
using AetherSegment.BigQuery.Tests.Uplift;

namespace AetherSegment.BigQuery.Tests.Experiments;

/// <summary>
/// The arms of a holdout in GoogleSQL, for a warehouse that computes them: plain, stratified by per-member scores and
/// stratified by a referenced audience score set, each parsed by a GoogleSQL parser with its parameters named.
/// </summary>
public sealed class HoldoutArmsGoogleSqlTests
{
    [Fact]
    public async Task MemberArmsSql_EveryKindOfHoldout_ParsesAsGoogleSql_WithNamedParametersOnly()
    {
        SegmentHoldout plain = HoldoutAssignment.Create(0.1, "salt");
        SegmentHoldout perMember = plain with { Method = HoldoutAssignment.StratifiedMethod };
        SegmentHoldout referencing = perMember with { Scores = "aud_1" };
        string[] statements = [.. new[] { plain, perMember, referencing }.Select(h => HoldoutAssignment.MemberArmsSql(SqlDialect.BigQuery, h))];

        Assert.Contains(AudienceUpliftScores.ReferencesTableName, statements[2], StringComparison.Ordinal);
        Assert.DoesNotContain("aud_1", statements[2], StringComparison.Ordinal);
        Assert.All(statements, s => Assert.Contains("@segment_id", s, StringComparison.Ordinal));
        Assert.All(statements, s => Assert.DoesNotContain("$", s, StringComparison.Ordinal));
        await ExactSqlScoringTests.AssertParsesAsGoogleSqlAsync(statements);
    }
}

using System.Globalization;
using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DuckDB;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 35: "conversion rate for treatment vs control on X" answers one row per arm over every send of the
/// campaign, and "treated customers" is the treatment arm. Every row is recounted by SQL on the fixture.
/// </summary>
public sealed class CampaignArmsTests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    [InlineData("conversion rate for treatment vs control on CMP002", "avg(CASE WHEN converted THEN 1.0 ELSE 0.0 END)", "campaign_id = 'CMP002'")]
    [InlineData("Campaign 3: conversion rate in control versus treatment", "avg(CASE WHEN converted THEN 1.0 ELSE 0.0 END)", "campaign_name = 'Campaign 3'")]
    [InlineData("how many customers were in the treatment and control groups of CMP004?", "count(*)", "campaign_id = 'CMP004'")]
    [InlineData("conversions for treatment compared with control in CMP001", "count(*) FILTER (WHERE converted)", "campaign_id = 'CMP001'")]
    [InlineData("attributed revenue of treated vs control customers for CMP005", "sum(revenue)", "campaign_id = 'CMP005'")]
    public async Task BothArms_AreOneRowPerArm(string question, string aggregate, string where)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);
        QueryResult truth = await new DuckDBDataStore(database.Path).QueryAsync(new SqlStatement($"SELECT \"group\", {aggregate} FROM campaign_history WHERE {where} GROUP BY 1"));

        Assert.Contains("treatment or control", answer.Restatement, StringComparison.Ordinal);
        Assert.Equal(2, answer.Rows.Count);
        foreach (object?[] row in truth.Rows)
        {
            IReadOnlyDictionary<string, object?> arm = Assert.Single(answer.Rows, r => Equals(r[answer.Columns[0]], row[0]));
            Assert.Equal(Convert.ToDouble(row[1], CultureInfo.InvariantCulture), Convert.ToDouble(arm[answer.Columns[^1]], CultureInfo.InvariantCulture), 6);
        }
    }

    [Fact]
    public async Task TreatedCustomers_AreTheTreatmentArm()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "Attributed revenue from treated customers, split by trigger type");
        QueryResult truth = await new DuckDBDataStore(database.Path).QueryAsync(new SqlStatement("SELECT trigger_type, sum(revenue) FROM campaign_history WHERE \"group\" = 'treatment' GROUP BY 1"));

        Assert.Equal(truth.Rows.Count, answer.Rows.Count);
        foreach (object?[] row in truth.Rows)
        {
            IReadOnlyDictionary<string, object?> trigger = Assert.Single(answer.Rows, r => Equals(r[answer.Columns[0]], row[0]));
            Assert.Equal(Convert.ToDouble(row[1], CultureInfo.InvariantCulture), Convert.ToDouble(trigger[answer.Columns[^1]], CultureInfo.InvariantCulture), 6);
        }
    }
}

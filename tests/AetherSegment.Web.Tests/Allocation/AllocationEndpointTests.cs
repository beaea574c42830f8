using System.Text.Json;
using AetherSegment.Web.Tests.Infrastructure;

namespace AetherSegment.Web.Tests.Allocation;

/// <summary>
/// Issue 16 item 5 over HTTP on Kestrel with DuckDB: POST /api/v1/segments/{id}/allocate and /segments/allocate give
/// each member at most one trigger under the budget, with per-trigger figures that add up and the profit-vs-budget
/// curve; bad input is a 400 problem+json naming the field, an unknown segment a 404.
/// </summary>
public sealed class AllocationEndpointTests(GeneratedServerFixture fixture) : IClassFixture<GeneratedServerFixture>
{
    private async Task<string> CreateAsync()
    {
        (int status, JsonDocument created, _) = await fixture.Server.PostJsonAsync("api/v1/segments/create", new { campaign_objective = Objectives.WinBack });
        using (created)
        {
            Assert.Equal(201, status);
            return created.RootElement.GetProperty("segment_id").GetString()!;
        }
    }

    private static double Value(JsonElement e, string name) => e.GetProperty(name).GetProperty("value").GetDouble();

    [Fact]
    public async Task StoredSegment_AllocatesUnderTheBudget_FiguresAddUp_AndTheCurveRisesToTheUnboundedPlan()
    {
        string id = await CreateAsync();
        using JsonDocument segment = await fixture.Server.GetJsonAsync($"api/v1/segments/{id}");
        long size = segment.RootElement.GetProperty("size").GetInt64();

        (int status, JsonDocument unboundedDoc, _) = await fixture.Server.PostJsonAsync($"api/v1/segments/{id}/allocate", new { });
        using JsonDocument unboundedOwner = unboundedDoc;
        Assert.True(status == 200, unboundedDoc.RootElement.GetRawText());
        JsonElement unbounded = unboundedDoc.RootElement;
        Assert.Equal(id, unbounded.GetProperty("segment_id").GetString());
        Assert.Equal(size, unbounded.GetProperty("members").GetInt32());
        JsonElement[] triggers = [.. unbounded.GetProperty("triggers").EnumerateArray()];
        Assert.Equal(unbounded.GetProperty("assigned").GetInt32(), triggers.Sum(t => t.GetProperty("members").GetInt32()));
        Assert.Equal(Value(unbounded, "expected_incremental_profit"), triggers.Sum(t => Value(t, "expected_incremental_profit")), 6);
        JsonElement[] curve = [.. unbounded.GetProperty("profit_curve").EnumerateArray()];
        Assert.Equal(11, curve.Length);
        Assert.Equal(0, curve[0].GetProperty("budget").GetDouble());
        Assert.Equal(Value(unbounded, "expected_incremental_profit"), curve[^1].GetProperty("expected_incremental_profit").GetDouble(), 6);
        double full = unbounded.GetProperty("spend").GetDouble();
        Assert.True(full > 0, "the unbounded plan spends nothing: " + unbounded.GetRawText());

        double budget = full / 3;
        (status, JsonDocument boundedDoc, _) = await fixture.Server.PostJsonAsync($"api/v1/segments/{id}/allocate", new { budget, caps = new Dictionary<string, double>(), minProfitPerSend = 0 });
        using JsonDocument boundedOwner = boundedDoc;
        Assert.Equal(200, status);
        JsonElement bounded = boundedDoc.RootElement;
        Assert.Equal(budget, bounded.GetProperty("budget").GetDouble(), 9);
        Assert.True(bounded.GetProperty("spend").GetDouble() <= budget * (1 + 1e-9));
        Assert.True(Value(bounded, "expected_incremental_profit") <= Value(unbounded, "expected_incremental_profit") + 1e-9);
        Assert.True(bounded.GetProperty("assigned").GetInt32() <= unbounded.GetProperty("assigned").GetInt32());
    }

    [Fact]
    public async Task Objective_AllocatesItsEligibleSegment_LikeTheStoredOne()
    {
        (int status, JsonDocument analysis, _) = await fixture.Server.PostJsonAsync("api/v1/campaigns/analyze", new { objective = Objectives.WinBack });
        using (analysis)
        {
            Assert.Equal(200, status);
            JsonElement coo = analysis.RootElement.GetProperty("campaign_objective_object");
            (status, JsonDocument run, _) = await fixture.Server.PostJsonAsync("api/v1/segments/allocate", new { campaign_objective_object = coo, curve_points = 4 });
            using (run)
            {
                Assert.True(status == 200, run.RootElement.GetRawText());
                Assert.Equal(JsonValueKind.Null, run.RootElement.GetProperty("segment_id").ValueKind);
                Assert.Equal(analysis.RootElement.GetProperty("segment_preview").GetProperty("size").GetInt64(), run.RootElement.GetProperty("members").GetInt64());
                Assert.Equal(5, run.RootElement.GetProperty("profit_curve").GetArrayLength());
            }
        }
    }

    [Fact]
    public async Task PolicyEvaluation_WhenAsked_ValuesThePlanOnHeldOutHistoryAgainstSingleBestRandomAndNobody()
    {
        string id = await CreateAsync();
        (int status, JsonDocument plainDoc, _) = await fixture.Server.PostJsonAsync($"api/v1/segments/{id}/allocate", new { budget = 40, curve_points = 1 });
        using JsonDocument plainOwner = plainDoc;
        Assert.Equal(200, status);
        Assert.Equal(JsonValueKind.Null, plainDoc.RootElement.GetProperty("policy_evaluation").ValueKind);

        (status, JsonDocument doc, _) = await fixture.Server.PostJsonAsync($"api/v1/segments/{id}/allocate", new { budget = 40, curve_points = 1, policy_evaluation = true });
        using JsonDocument owner = doc;
        Assert.True(status == 200, doc.RootElement.GetRawText());
        // The plan is the same with or without its evaluation.
        Assert.Equal(plainDoc.RootElement.GetProperty("spend").GetDouble(), doc.RootElement.GetProperty("spend").GetDouble());
        JsonElement evaluation = doc.RootElement.GetProperty("policy_evaluation");
        Assert.Equal(JsonValueKind.Null, evaluation.GetProperty("reason").ValueKind);
        int rows = evaluation.GetProperty("held_out_rows").GetInt32();
        Assert.True(rows > 0);
        Assert.Equal(40.0 / doc.RootElement.GetProperty("members").GetInt32() * rows, evaluation.GetProperty("budget").GetDouble(), 6);
        Assert.Equal("expected incremental profit per member", evaluation.GetProperty("unit").GetString());
        JsonElement[] policies = [.. evaluation.GetProperty("policies").EnumerateArray()];
        Assert.Equal(["allocation", "random", "nobody"], new[] { policies[0], policies[2], policies[3] }.Select(p => p.GetProperty("policy").GetString()));
        Assert.StartsWith("single_best:", policies[1].GetProperty("policy").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, policies[3].GetProperty("doubly_robust").GetProperty("value").GetDouble());
        for (int k = 0; k < 3; k++)
        {
            foreach (string estimate in new[] { "ips", "doubly_robust" })
            {
                JsonElement e = policies[k].GetProperty(estimate);
                Assert.True(e.GetProperty("low").GetDouble() <= e.GetProperty("value").GetDouble() && e.GetProperty("value").GetDouble() <= e.GetProperty("high").GetDouble());
            }
        }
    }

    [Theory]
    [InlineData("{\"budget\":0}", "budget")]
    [InlineData("{\"budget\":-5}", "budget")]
    [InlineData("{\"caps\":{\"personalized_discount_offer\":1.5}}", "caps")]
    [InlineData("{\"caps\":{\"no_such_trigger\":0.5}}", "caps")]
    [InlineData("{\"curve_points\":0}", "curve_points")]
    [InlineData("{\"min_profit_per_send\":1,\"minProfitPerSend\":2}", "min_profit_per_send")]
    [InlineData("{\"budget\":\"lots\"}", "budget")]
    public async Task BadInput_Is400ProblemJsonNamingTheField(string body, string field)
    {
        string id = await CreateAsync();
        (int status, JsonDocument problem, string? type) = await fixture.Server.PostRawAsync($"api/v1/segments/{id}/allocate", body);
        using (problem)
        {
            Assert.Equal(400, status);
            Assert.Equal("application/problem+json", type);
            Assert.Equal(field, problem.RootElement.GetProperty("field").GetString());
        }
    }

    [Fact]
    public async Task UnknownSegment_Is404_AndAnObjectiveIsRequired()
    {
        (int status, JsonDocument problem, string? type) = await fixture.Server.PostJsonAsync("api/v1/segments/seg_00000000000000000000000000000000/allocate", new { budget = 100 });
        using (problem)
        {
            Assert.Equal(404, status);
            Assert.Equal("application/problem+json", type);
        }

        (status, problem, _) = await fixture.Server.PostJsonAsync("api/v1/segments/allocate", new { budget = 100 });
        using (problem)
        {
            Assert.Equal(400, status);
            Assert.Equal("campaign_objective_object", problem.RootElement.GetProperty("field").GetString());
        }
    }
}

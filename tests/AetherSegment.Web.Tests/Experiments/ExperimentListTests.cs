using System.Text.Json;

namespace AetherSegment.Web.Tests.Experiments;

/// <summary>
/// GET /api/v1/experiments on Kestrel over DuckDB: the activated segments with a holdout and their status from the
/// clock, the attribution window and the store's orders; the measured campaign's report counts the orders appended
/// after its activation.
/// </summary>
public sealed class ExperimentListTests(CampaignsServerFixture fixture) : IClassFixture<CampaignsServerFixture>
{
    [Fact]
    public async Task List_HasEveryHoldoutSegmentWithItsStatus_AndTheReportCountsTheOutcomes()
    {
        using JsonDocument list = await fixture.Server.GetJsonAsync("api/v1/experiments");
        Assert.Equal(14, list.RootElement.GetProperty("window_days").GetInt32());
        Dictionary<string, JsonElement> byId = list.RootElement.GetProperty("experiments").EnumerateArray().ToDictionary(e => e.GetProperty("segment_id").GetString()!, e => e.Clone());
        Assert.DoesNotContain(fixture.WithoutHoldout, byId.Keys);
        Assert.Equal("measured", byId[fixture.Measured].GetProperty("status").GetString());
        Assert.Equal("running", byId[fixture.Running].GetProperty("status").GetString());
        Assert.Equal("not_sent", byId[fixture.NotSent].GetProperty("status").GetString());
        Assert.Equal(0.5, byId[fixture.Measured].GetProperty("holdout_share").GetDouble());

        using JsonDocument report = await fixture.Server.GetJsonAsync(byId[fixture.Measured].GetProperty("results_href").GetString()!.TrimStart('/'));
        Assert.Equal(fixture.Conversions.Treated, report.RootElement.GetProperty("treated").GetProperty("conversions").GetInt64());
        Assert.Equal(fixture.Conversions.Holdout, report.RootElement.GetProperty("holdout").GetProperty("conversions").GetInt64());
        Assert.Equal(fixture.Conversions.Treated * CampaignsServerFixture.OrderValue, report.RootElement.GetProperty("treated").GetProperty("revenue").GetDouble(), 6);
        Assert.True(report.RootElement.GetProperty("daily").GetArrayLength() >= fixture.OutcomeDays);
    }

    [Fact]
    public async Task BadInput_Is400ProblemJsonNamingTheField()
    {
        using HttpResponseMessage limit = await fixture.Server.Client.GetAsync("api/v1/experiments?limit=0");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, limit.StatusCode);
        Assert.Equal("application/problem+json", limit.Content.Headers.ContentType?.MediaType);
        Assert.Contains("limit", await limit.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using HttpResponseMessage window = await fixture.Server.Client.GetAsync("api/v1/experiments?window_days=400");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, window.StatusCode);
        Assert.Contains("window_days", await window.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

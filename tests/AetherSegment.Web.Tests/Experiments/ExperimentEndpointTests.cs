using System.Net;
using System.Text;
using System.Text.Json;
using AetherSegment.Experiments;
using AetherSegment.Tests;
using AetherSegment.Web.Tests.Infrastructure;

namespace AetherSegment.Web.Tests.Experiments;

/// <summary>
/// Issue 15 over HTTP on Kestrel: a segment created with a holdout, its marked and send-list exports, the experiment
/// design, results from an outcome CSV, and bad input answered 400 problem+json naming the field.
/// </summary>
public sealed class ExperimentEndpointTests(GeneratedServerFixture fixture) : IClassFixture<GeneratedServerFixture>
{
    private async Task<(string Id, JsonElement Holdout)> CreateAsync(object body)
    {
        (int status, JsonDocument created, _) = await fixture.Server.PostJsonAsync("api/v1/segments/create", body);
        using (created)
        {
            Assert.Equal(201, status);
            return (created.RootElement.GetProperty("segment_id").GetString()!, created.RootElement.TryGetProperty("holdout", out JsonElement h) ? h.Clone() : default);
        }
    }

    [Fact]
    public async Task SegmentWithHoldout_ExportsDesignsAndMeasures()
    {
        (string id, JsonElement holdout) = await CreateAsync(new { campaign_objective = Objectives.WinBack, holdout = 0.25, holdout_salt = "web-test" });
        Assert.Equal(0.25, holdout.GetProperty("share").GetDouble());
        SegmentHoldout stored = holdout.Deserialize<SegmentHoldout>(AetherSegmentJson.Options)!;

        string[] marked = (await fixture.Server.Client.GetStringAsync($"api/v1/segments/{id}/export?format=csv&holdout=mark")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",holdout", marked[0], StringComparison.Ordinal);
        string[][] members = [.. marked.Skip(1).Select(l => l.Split(','))];
        HashSet<string> expected = await HoldoutReference.ExpectedAsync(fixture.Store, id, stored, members.Select(m => m[0]));
        Assert.All(members, m => Assert.Equal(expected.Contains(m[0]) ? "true" : "false", m[^1]));
        string[] sendList = (await fixture.Server.Client.GetStringAsync($"api/v1/segments/{id}/export?format=csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(members.Count(m => m[^1] == "false"), sendList.Length - 1);

        using JsonDocument design = await fixture.Server.GetJsonAsync($"api/v1/segments/{id}/experiment/design?uplift=0.02");
        Assert.Equal(0.25, design.RootElement.GetProperty("holdout_share").GetDouble());
        Assert.Equal(members.Length, design.RootElement.GetProperty("members").GetInt64());
        Assert.Matches("^This campaign (can|cannot) detect", design.RootElement.GetProperty("statement").GetString());

        StringBuilder csv = new("customer_id,converted\n");
        long treated = 0;
        for (int i = 0; i < members.Length; i += 2)
        {
            csv.Append(members[i][0]).Append(",1\n");
            treated += members[i][^1] == "false" ? 1 : 0;
        }

        using HttpResponseMessage results = await fixture.Server.Client.PostAsync($"api/v1/segments/{id}/experiment/results", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, results.StatusCode);
        using JsonDocument report = JsonDocument.Parse(await results.Content.ReadAsStringAsync());
        Assert.Equal(treated, report.RootElement.GetProperty("treated").GetProperty("conversions").GetInt64());
    }

    [Fact]
    public async Task BadInput_Is400ProblemJsonNamingTheField()
    {
        (int status, JsonDocument body, string? type) = await fixture.Server.PostJsonAsync("api/v1/segments/create", new { campaign_objective = Objectives.WinBack, holdout = 0.6 });
        using (body)
        {
            Assert.Equal(400, status);
            Assert.Equal("application/problem+json", type);
            Assert.Contains("holdout must be a share in (0, 0.5]", body.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        (string plain, _) = await CreateAsync(new { campaign_objective = Objectives.Regional });
        using HttpResponseMessage noHoldout = await fixture.Server.Client.GetAsync($"api/v1/segments/{plain}/experiment/results");
        Assert.Equal(HttpStatusCode.BadRequest, noHoldout.StatusCode);
        Assert.Equal("application/problem+json", noHoldout.Content.Headers.ContentType?.MediaType);
        Assert.Contains("has no holdout", await noHoldout.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        (string held, _) = await CreateAsync(new { campaign_objective = Objectives.Regional, holdout = 0.1 });
        using HttpResponseMessage wrongColumns = await fixture.Server.Client.PostAsync($"api/v1/segments/{held}/experiment/results", new StringContent("id,bought\nC1,1\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongColumns.StatusCode);
        Assert.Contains("the outcome file has the columns 'id,bought'", await wrongColumns.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using HttpResponseMessage badNumber = await fixture.Server.Client.GetAsync($"api/v1/segments/{held}/experiment/design?uplift=lots");
        Assert.Equal(HttpStatusCode.BadRequest, badNumber.StatusCode);
        Assert.Contains("uplift must be a number", await badNumber.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using HttpResponseMessage badMode = await fixture.Server.Client.GetAsync($"api/v1/segments/{held}/export?format=csv&holdout=maybe");
        Assert.Equal(HttpStatusCode.BadRequest, badMode.StatusCode);
    }
}

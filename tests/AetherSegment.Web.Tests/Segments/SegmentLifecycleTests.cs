using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AetherSegment.Web.Tests.Infrastructure;

namespace AetherSegment.Web.Tests.Segments;

/// <summary>
/// Issue 13 (4): named segments, idempotent create with a client key, the segment list, rename, delete and re-export
/// with readable file names.
/// </summary>
public sealed class SegmentLifecycleTests(GeneratedServerFixture fixture) : IClassFixture<GeneratedServerFixture>
{
    [Fact]
    public async Task Create_SameIdempotencyKeyTwice_MakesOneSegment()
    {
        string key = "test-" + Guid.NewGuid().ToString("N");
        using HttpRequestMessage first = new(HttpMethod.Post, "api/v1/segments/create") { Content = JsonContent.Create(new { campaign_objective = Objectives.WinBack, name = "Win back November" }) };
        first.Headers.Add("Idempotency-Key", key);
        using HttpResponseMessage created = await fixture.Server.Client.SendAsync(first);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using JsonDocument one = JsonDocument.Parse(await created.Content.ReadAsStringAsync());

        // The same key in the body (clientKey) answers the first segment with 200.
        (int status, JsonDocument again, _) = await fixture.Server.PostJsonAsync("api/v1/segments/create",
            new { campaign_objective = Objectives.WinBack, name = "Win back November", clientKey = key });
        using (again)
        {
            Assert.Equal(200, status);
            Assert.Equal(one.RootElement.GetProperty("segment_id").GetString(), again.RootElement.GetProperty("segment_id").GetString());
        }

        using JsonDocument list = await fixture.Server.GetJsonAsync("api/v1/segments");
        Assert.Single(list.RootElement.GetProperty("segments").EnumerateArray(), s => s.GetProperty("segment_id").GetString() == one.RootElement.GetProperty("segment_id").GetString());
        Assert.Equal("Win back November", one.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task ListRenameExportDelete_WorkOnAStoredSegment()
    {
        (int status, JsonDocument created, _) = await fixture.Server.PostJsonAsync("api/v1/segments/create", new { campaign_objective = Objectives.Regional });
        string id;
        using (created)
        {
            Assert.Equal(201, status);
            id = created.RootElement.GetProperty("segment_id").GetString()!;
            Assert.StartsWith("Geographic targeting, ", created.RootElement.GetProperty("name").GetString(), StringComparison.Ordinal);
        }

        using (JsonDocument list = await fixture.Server.GetJsonAsync("api/v1/segments"))
        {
            JsonElement mine = Assert.Single(list.RootElement.GetProperty("segments").EnumerateArray(), s => s.GetProperty("segment_id").GetString() == id);
            Assert.Equal("/api/v1/segments/" + id, mine.GetProperty("href").GetString());
        }

        using (HttpResponseMessage renamed = await fixture.Server.Client.PatchAsJsonAsync($"api/v1/segments/{id}", new { name = "London & Manchester VIPs" }))
        {
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        }

        using (HttpResponseMessage export = await fixture.Server.Client.GetAsync($"api/v1/segments/{id}/export?format=csv"))
        {
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            Assert.Equal($"london-manchester-vips-{DateTime.UtcNow:yyyy-MM-dd}.csv", export.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            Assert.StartsWith("customer_id", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (HttpResponseMessage badName = await fixture.Server.Client.PatchAsJsonAsync($"api/v1/segments/{id}", new { name = "" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
            Assert.Contains("\"field\":\"name\"", await badName.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (HttpResponseMessage deleted = await fixture.Server.Client.DeleteAsync($"api/v1/segments/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using (HttpResponseMessage gone = await fixture.Server.Client.GetAsync($"api/v1/segments/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        using (HttpResponseMessage again = await fixture.Server.Client.DeleteAsync($"api/v1/segments/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        }
    }

    [Fact]
    public async Task ActivationPolicy_NamesTheTinySizeAndThePersonalColumns()
    {
        using JsonDocument policy = await fixture.Server.GetJsonAsync("api/v1/segments/activation-policy");
        Assert.Equal(50, policy.RootElement.GetProperty("tiny_segment_size").GetInt32());
        Assert.Contains("email", policy.RootElement.GetProperty("personal_columns").EnumerateArray().Select(c => c.GetString()));
        // The page downloads the default export, which leaves the personal columns out.
        Assert.DoesNotContain("email", policy.RootElement.GetProperty("exported_columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("customer_id", policy.RootElement.GetProperty("exported_columns")[0].GetString());
    }
}

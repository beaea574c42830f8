using System.Net;
using System.Text.Json;
using AetherSegment.Data;
using AetherSegment.Web.Tests.Infrastructure;

namespace AetherSegment.Web.Tests.Segments;

public sealed class SegmentEndpointTests(GeneratedServerFixture fixture) : IClassFixture<GeneratedServerFixture>
{
    private async Task<JsonElement> AnalyzeAsync(string objective)
    {
        (int status, JsonDocument body, _) = await fixture.Server.PostJsonAsync("api/v1/campaigns/analyze", new { objective });
        Assert.Equal(200, status);
        return body.RootElement.Clone();
    }

    [Fact]
    public async Task PreviewFilters_Country_ShrinksTheSegmentToThatCountry()
    {
        JsonElement analysis = await AnalyzeAsync(Objectives.Regional);
        JsonElement coo = analysis.GetProperty("campaign_objective_object");

        (int status, JsonDocument body, _) = await fixture.Server.PostJsonAsync("api/v1/segments/preview-filters",
            new { campaign_objective_object = coo, new_filters = new { clv_min = 0.85 } });
        using (body)
        {
            Assert.Equal(200, status);
            JsonElement root = body.RootElement;
            Assert.Equal(analysis.GetProperty("segment_preview").GetProperty("size").GetInt64(), root.GetProperty("before").GetProperty("size").GetInt64());
            long expected = await fixture.CountAsync(
                "SELECT COUNT(*) FROM customers WHERE (city = 'London' OR city = 'Manchester') AND clv_score >= 0.85");
            Assert.Equal(expected, root.GetProperty("after").GetProperty("size").GetInt64());
            Assert.Equal(root.GetProperty("after").GetProperty("size").GetInt64() - root.GetProperty("before").GetProperty("size").GetInt64(),
                root.GetProperty("size_change").GetInt64());
            JsonElement added = Assert.Single(root.GetProperty("added_filters").EnumerateArray());
            Assert.Equal("user", added.GetProperty("provenance").GetString());
            JsonElement[] waterfall = [.. root.GetProperty("preview").GetProperty("waterfall").EnumerateArray()];
            Assert.Equal(expected, waterfall[^1].GetProperty("size").GetInt64());
        }
    }

    [Theory]
    [InlineData("{\"new_filters\":{}}", "campaign_objective_object")]
    [InlineData("{\"campaign_objective_object\":\"text\"}", "campaign_objective_object")]
    [InlineData("{\"campaign_objective_object\":{\"objective\":\"x\",\"campaign_type\":\"nope\"}}", "campaign_objective_object.campaign_type")]
    [InlineData("{\"campaign_objective_object\":{\"objective\":\"x\"},\"new_filters\":{\"shoe_size\":3}}", "new_filters.shoe_size")]
    [InlineData("{\"campaign_objective_object\":{\"objective\":\"x\"},\"new_filters\":{\"clv_min\":7}}", "new_filters.clv_min")]
    [InlineData("{\"campaign_objective_object\":{\"objective\":\"x\"},\"new_filters\":{\"clv_min\":\"high\"}}", "new_filters.clv_min")]
    [InlineData("{\"campaign_objective_object\":{\"objective\":\"x\"},\"new_filters\":{\"location_country\":\"Narnia\"}}", "new_filters.location_country")]
    [InlineData("{\"campaign_objective_object\":{\"objective\":\"x\"},\"new_filters\":[1]}", "new_filters")]
    [InlineData("{\"campaign_objective_object\":{\"objective\":\"x\"},\"trigger\":\"telepathy\"}", "trigger")]
    public async Task PreviewFilters_BadInput_Answers400ProblemNamingTheField(string json, string field)
    {
        (int status, JsonDocument body, string? type) = await fixture.Server.PostRawAsync("api/v1/segments/preview-filters", json);
        using (body)
        {
            Assert.Equal(400, status);
            Assert.Equal("application/problem+json", type);
            string? named = body.RootElement.GetProperty("field").GetString();
            Assert.True(named is not null && (named == field || named.StartsWith(field, StringComparison.Ordinal) || field.StartsWith(named, StringComparison.Ordinal)),
                $"expected field {field}, got {named}");
        }
    }

    [Fact]
    public async Task Create_ThenGetAndExport_ReturnTheSameMembers()
    {
        JsonElement analysis = await AnalyzeAsync(Objectives.Regional);
        (int status, JsonDocument created, _) = await fixture.Server.PostJsonAsync("api/v1/segments/create", new
        {
            campaign_objective = analysis.GetProperty("campaign_objective_object"),
            override_trigger = "exclusive_access",
            additional_filters = new { location_city = "London" },
        });
        using (created)
        {
            Assert.Equal(201, status);
            JsonElement segment = created.RootElement;
            string id = segment.GetProperty("segment_id").GetString()!;
            long size = segment.GetProperty("size").GetInt64();
            Assert.Equal("exclusive_access", segment.GetProperty("trigger").GetString());
            string[] provenances = [.. segment.GetProperty("filters").EnumerateArray().Select(f => f.GetProperty("provenance").GetString()!)];
            Assert.Contains("ai", provenances);
            Assert.Contains("trigger", provenances);
            Assert.Contains("user", provenances);
            Assert.False(string.IsNullOrWhiteSpace(segment.GetProperty("explanation").GetProperty("summary").GetString()));
            Assert.True(segment.TryGetProperty("created_at", out _));

            using JsonDocument fetched = await fixture.Server.GetJsonAsync($"api/v1/segments/{id}");
            Assert.Equal(size, fetched.RootElement.GetProperty("size").GetInt64());

            string csv = await fixture.Server.Client.GetStringAsync($"api/v1/segments/{id}/export?format=csv");
            string[] lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("customer_id", lines[0], StringComparison.Ordinal);
            Assert.Equal(size, lines.Length - 1);

            using JsonDocument members = JsonDocument.Parse(await fixture.Server.Client.GetStringAsync($"api/v1/segments/{id}/export?format=json"));
            Assert.Equal(size, members.RootElement.GetArrayLength());
            Assert.All(members.RootElement.EnumerateArray(), m => Assert.Equal("London", m.GetProperty("city").GetString()));
        }
    }

    [Fact]
    public async Task Create_FromObjectiveText_InterpretsIt()
    {
        (int status, JsonDocument created, _) = await fixture.Server.PostJsonAsync("api/v1/segments/create", new { campaign_objective = Objectives.WinBack });
        using (created)
        {
            Assert.Equal(201, status);
            Assert.Equal("win_back", created.RootElement.GetProperty("campaign_objective_object").GetProperty("campaign_type").GetString());
        }
    }

    [Theory]
    [InlineData("{}", "campaign_objective")]
    [InlineData("{\"campaign_objective\":\"\"}", "campaign_objective")]
    [InlineData("{\"campaign_objective\":42}", "campaign_objective")]
    [InlineData("{\"campaign_objective\":{\"objective\":\"x\"},\"override_trigger\":\"bogus\"}", "override_trigger")]
    [InlineData("{\"campaign_objective\":{\"objective\":\"x\"},\"additional_filters\":{\"clv_max\":-1}}", "additional_filters.clv_max")]
    public async Task Create_BadInput_Answers400ProblemNamingTheField(string json, string field)
    {
        (int status, JsonDocument body, _) = await fixture.Server.PostRawAsync("api/v1/segments/create", json);
        using (body)
        {
            Assert.Equal(400, status);
            Assert.Equal(field, body.RootElement.GetProperty("field").GetString());
        }
    }

    [Fact]
    public async Task UnknownSegment_Answers404Problem_ForGetAndExport()
    {
        using HttpResponseMessage get = await fixture.Server.Client.GetAsync("api/v1/segments/seg_does_not_exist");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        using HttpResponseMessage export = await fixture.Server.Client.GetAsync("api/v1/segments/seg_does_not_exist/export?format=csv");
        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
    }

    [Fact]
    public async Task Export_UnknownFormat_Answers400NamingFormat()
    {
        using HttpResponseMessage response = await fixture.Server.Client.GetAsync("api/v1/segments/anything/export?format=xml");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("format", body.RootElement.GetProperty("field").GetString());
    }
}

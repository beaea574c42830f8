using System.Text.Json;
using AetherSegment.Data;
using AetherSegment.Web.Tests.Infrastructure;

namespace AetherSegment.Web.Tests.Campaigns;

public sealed class AnalyzeEndpointTests(GeneratedServerFixture fixture) : IClassFixture<GeneratedServerFixture>
{
    [Fact]
    public async Task Analyze_AbandonedCarts_InterpretsAndSizesTheSegmentLikeTheData()
    {
        (int status, JsonDocument body, _) = await fixture.Server.PostJsonAsync("api/v1/campaigns/analyze", new { objective = Objectives.AbandonedCarts });
        using (body)
        {
            Assert.Equal(200, status);
            JsonElement coo = body.RootElement.GetProperty("campaign_objective_object");
            Assert.Equal("abandoned_cart_recovery", coo.GetProperty("campaign_type").GetString());
            Assert.Equal("high", coo.GetProperty("audience").GetProperty("value_tier").GetString());
            Assert.Equal(2, coo.GetProperty("audience").GetProperty("behavior").GetProperty("abandoned_cart_within_days").GetDouble());

            JsonElement preview = body.RootElement.GetProperty("segment_preview");
            DateTimeOffset asOf = preview.GetProperty("as_of").GetDateTimeOffset();
            long expected = await fixture.CountAsync(
                "SELECT COUNT(*) FROM customers c WHERE c.clv_score >= 0.7 AND EXISTS (SELECT 1 FROM abandoned_carts a WHERE a.customer_id = c.customer_id AND a.abandoned_at >= $since AND a.abandoned_at <= $as_of)",
                QueryParameter.Timestamp("since", asOf.AddDays(-2)), QueryParameter.Timestamp("as_of", asOf));
            Assert.Equal(expected, preview.GetProperty("size").GetInt64());
            Assert.True(preview.GetProperty("avg_clv").GetDouble() >= 0.7);
            Assert.All(preview.GetProperty("filters").EnumerateArray(), f => Assert.Equal("ai", f.GetProperty("provenance").GetString()));
            Assert.True(preview.TryGetProperty("predicted_uplift", out _));
            Assert.True(preview.TryGetProperty("avg_cart_value", out _));
        }
    }

    [Fact]
    public async Task Analyze_TriggerSuggestions_AreRankedBestFirst()
    {
        (int status, JsonDocument body, _) = await fixture.Server.PostJsonAsync("api/v1/campaigns/analyze", new { objective = Objectives.WinBack });
        using (body)
        {
            Assert.Equal(200, status);
            JsonElement[] suggestions = [.. body.RootElement.GetProperty("trigger_suggestions").EnumerateArray()];
            double[] conversions = [.. suggestions.Select(s => s.GetProperty("expected_incremental_conversions").GetDouble())];
            Assert.Equal(conversions.OrderByDescending(c => c), conversions);
            Assert.All(suggestions, s => Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("rationale").GetString())));
        }
    }

    [Theory]
    [InlineData("{}", "objective")]
    [InlineData("{\"objective\":\"\"}", "objective")]
    [InlineData("{\"objective\":\"   \"}", "objective")]
    [InlineData("{\"objective\":42}", "objective")]
    [InlineData("{\"objective\":", "objective")]
    [InlineData("not json", "body")]
    [InlineData("[]", "body")]
    [InlineData("", "body")]
    public async Task Analyze_BadInput_Answers400ProblemNamingTheField(string json, string field)
    {
        (int status, JsonDocument body, string? type) = await fixture.Server.PostRawAsync("api/v1/campaigns/analyze", json);
        using (body)
        {
            Assert.Equal(400, status);
            Assert.Equal("application/problem+json", type);
            Assert.Equal(field, body.RootElement.GetProperty("field").GetString());
            Assert.DoesNotContain("   at ", body.RootElement.GetRawText(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Analyze_OverLongObjective_Answers400()
    {
        (int status, JsonDocument body, _) = await fixture.Server.PostJsonAsync("api/v1/campaigns/analyze", new { objective = new string('a', 2_500) });
        using (body)
        {
            Assert.Equal(400, status);
            Assert.Equal("objective", body.RootElement.GetProperty("field").GetString());
        }
    }
}

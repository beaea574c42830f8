using System.Text.Json;
using AetherSegment.Web.Tests.Infrastructure;

namespace AetherSegment.Web.Tests.Campaigns;

/// <summary>
/// Issue 13 (2): one number per concept. The trigger table, the before/after card and the refinement estimate describe
/// the same audience (after the trigger filter); the overview's cards count the segment "Build this segment" opens; the
/// overview, analytics and segments share one as-of.
/// </summary>
public sealed class OneNumberPerConceptTests(GeneratedServerFixture fixture) : IClassFixture<GeneratedServerFixture>
{
    [Theory]
    [InlineData(Objectives.WinBack)]
    [InlineData(Objectives.Regional)]
    public async Task TriggerTable_SizeUpliftAndConversions_EqualPreviewFiltersWithThatTrigger(string objective)
    {
        (int status, JsonDocument analyzed, _) = await fixture.Server.PostJsonAsync("api/v1/campaigns/analyze", new { objective });
        using (analyzed)
        {
            Assert.Equal(200, status);
            JsonElement coo = analyzed.RootElement.GetProperty("campaign_objective_object");
            JsonElement[] suggestions = [.. analyzed.RootElement.GetProperty("trigger_suggestions").EnumerateArray()];
            Assert.Equal(8, suggestions.Length);
            foreach (JsonElement suggestion in suggestions)
            {
                string trigger = suggestion.GetProperty("trigger").GetString()!;
                (int previewStatus, JsonDocument preview, _) = await fixture.Server.PostJsonAsync("api/v1/segments/preview-filters",
                    new { campaign_objective_object = coo, new_filters = new { }, trigger });
                using (preview)
                {
                    Assert.Equal(200, previewStatus);
                    JsonElement root = preview.RootElement;
                    long afterTrigger = root.GetProperty("before").GetProperty("size").GetInt64();
                    Assert.True(suggestion.GetProperty("segment_size_after_trigger").GetInt64() == afterTrigger, trigger);
                    Assert.Equal(afterTrigger, root.GetProperty("after").GetProperty("size").GetInt64());
                    JsonElement estimate = root.GetProperty("trigger_estimate");
                    Assert.Equal(trigger, estimate.GetProperty("trigger").GetString());
                    Assert.Equal(afterTrigger, estimate.GetProperty("segment_size_after_trigger").GetInt64());
                    Assert.Equal(suggestion.GetProperty("expected_incremental_conversions").GetDouble(), estimate.GetProperty("expected_incremental_conversions").GetDouble(), 6);
                    Assert.Equal(suggestion.GetProperty("predicted_uplift").GetDouble(), estimate.GetProperty("predicted_uplift").GetDouble(), 9);
                }
            }
        }
    }

    [Fact]
    public async Task PreviewFilters_Refined_EstimatesTheRefinedAudience()
    {
        (_, JsonDocument analyzed, _) = await fixture.Server.PostJsonAsync("api/v1/campaigns/analyze", new { objective = Objectives.WinBack });
        using (analyzed)
        {
            JsonElement coo = analyzed.RootElement.GetProperty("campaign_objective_object");
            (int status, JsonDocument preview, _) = await fixture.Server.PostJsonAsync("api/v1/segments/preview-filters",
                new { campaign_objective_object = coo, new_filters = new { location_country = "United States" }, trigger = "exclusive_access" });
            using (preview)
            {
                Assert.Equal(200, status);
                long after = preview.RootElement.GetProperty("after").GetProperty("size").GetInt64();
                Assert.True(after < preview.RootElement.GetProperty("before").GetProperty("size").GetInt64());
                Assert.Equal(after, preview.RootElement.GetProperty("trigger_estimate").GetProperty("segment_size_after_trigger").GetInt64());
            }
        }
    }

    [Fact]
    public async Task Overview_OpportunitySizesAndAsOf_EqualTheSegmentEachCardOpens()
    {
        using JsonDocument stats = await fixture.Server.GetJsonAsync("api/v1/overview/stats");
        DateTimeOffset asOf = stats.RootElement.GetProperty("as_of").GetDateTimeOffset();
        JsonElement[] opportunities = [.. stats.RootElement.GetProperty("opportunities").EnumerateArray()];
        Assert.Equal(5, opportunities.Length);
        foreach (JsonElement opportunity in opportunities)
        {
            (int status, JsonDocument analyzed, _) = await fixture.Server.PostJsonAsync("api/v1/campaigns/analyze",
                new { objective = opportunity.GetProperty("objective").GetString() });
            using (analyzed)
            {
                Assert.Equal(200, status);
                JsonElement preview = analyzed.RootElement.GetProperty("segment_preview");
                Assert.Equal(opportunity.GetProperty("size").GetInt64(), preview.GetProperty("size").GetInt64());
                Assert.Equal(asOf, preview.GetProperty("as_of").GetDateTimeOffset());
            }
        }

        // A table whose latest row lies after the wall clock is flagged (the generator dates some purchases up to a day
        // ahead of its as-of), and only such a table.
        DateTimeOffset generatedAt = stats.RootElement.GetProperty("generated_at").GetDateTimeOffset();
        Assert.All(stats.RootElement.GetProperty("data_health").EnumerateArray(), t => Assert.Equal(
            t.GetProperty("latest").ValueKind == JsonValueKind.String && t.GetProperty("latest").GetDateTimeOffset() > generatedAt.AddMinutes(1),
            t.GetProperty("future").GetBoolean()));
    }
}

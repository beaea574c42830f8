using System.Text.Json;
using AetherSegment.Data;
using AetherSegment.Web.Hosting;
using AetherSegment.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AetherSegment.Web.Tests.Campaigns;

/// <summary>
/// Issue 13 (1): an objective combining an acquisition source with another condition answered 503 with the raw store
/// error ("Binder Error: Values list "c" does not have a column named "acquisition_source"").
/// </summary>
public sealed class CombinedConditionsTests(GeneratedServerFixture fixture) : IClassFixture<GeneratedServerFixture>
{
    [Theory]
    [InlineData("Target high value customers who came from paid search with free shipping")]
    [InlineData("Customers acquired from referral in the last 30 days")]
    public async Task AnalyzePreviewAndCreate_AcquisitionSourceWithAnotherCondition_Answer200WithAgreeingSizes(string objective)
    {
        (int status, JsonDocument analyzed, _) = await fixture.Server.PostJsonAsync("api/v1/campaigns/analyze", new { objective });
        using (analyzed)
        {
            Assert.True(status == 200, analyzed.RootElement.GetRawText());
            JsonElement coo = analyzed.RootElement.GetProperty("campaign_objective_object");
            JsonElement preview = analyzed.RootElement.GetProperty("segment_preview");
            Assert.True(preview.GetProperty("filters").GetArrayLength() >= 2);

            // The refinement path runs the same chain with a trigger and a user filter after the source.
            (int previewStatus, JsonDocument refined, _) = await fixture.Server.PostJsonAsync("api/v1/segments/preview-filters",
                new { campaign_objective_object = coo, new_filters = new { location_country = "United States" }, trigger = "free_shipping_offer" });
            using (refined)
            {
                Assert.True(previewStatus == 200, refined.RootElement.GetRawText());
            }

            (int createStatus, JsonDocument created, _) = await fixture.Server.PostJsonAsync("api/v1/segments/create",
                new { campaign_objective = coo, override_trigger = "none" });
            using (created)
            {
                Assert.True(createStatus is 200 or 201, created.RootElement.GetRawText());
                Assert.Equal(preview.GetProperty("size").GetInt64(), created.RootElement.GetProperty("size").GetInt64());
            }
        }
    }

    [Fact]
    public void StoreError_BecomesA503ProblemWithoutTheStoreText()
    {
        ProblemDetails problem = ApiExceptionHandler.Map(new DataStoreException(
            "DuckDB rejected the query: Binder Error: Values list \"c\" does not have a column named \"acquisition_source\""), "00-trace-1");

        Assert.Equal(503, problem.Status);
        Assert.DoesNotContain("Binder", problem.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("DuckDB", problem.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("acquisition_source", problem.Detail, StringComparison.Ordinal);
    }
}

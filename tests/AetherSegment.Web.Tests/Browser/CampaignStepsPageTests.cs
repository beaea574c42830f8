using System.Globalization;
using System.Text.Json;
using AetherSegment.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AetherSegment.Web.Tests.Browser;

/// <summary>
/// Issues 15 and 16 on the campaign page in headless Chromium: step 3's "best trigger per customer" shows the
/// allocation endpoint's own figures and profit curve and follows a budget change; activation with a holdout, then
/// step 5's experiment design shows the design endpoint's figures and its statement and follows the holdout share.
/// </summary>
public sealed class CampaignStepsPageTests(GeneratedServerFixture fixture) : IClassFixture<GeneratedServerFixture>
{
    private static string Money(double v) => (v < 0 ? "\u2212" : "") + "$" + Math.Abs(v).ToString("N0", CultureInfo.InvariantCulture);

    private static string Int(long v) => v.ToString("N0", CultureInfo.InvariantCulture);

    private static string Pct(double v, int digits) => (v * 100).ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%";

    private async Task<JsonDocument> AllocateAsync(JsonElement coo, double? budget)
    {
        (int status, JsonDocument run, _) = await fixture.Server.PostJsonAsync("api/v1/segments/allocate",
            new { campaign_objective_object = coo, additional_filters = new Dictionary<string, object>(), budget, curve_points = 10 });
        Assert.True(status == 200, run.RootElement.GetRawText());
        return run;
    }

    private static async Task AssertAllocationShownAsync(IPage page, JsonElement run)
    {
        Assert.Equal(Int(run.GetProperty("assigned").GetInt64()), await page.TextContentAsync("[data-metric='alloc_assigned'] .value"));
        Assert.Equal(Money(run.GetProperty("spend").GetDouble()), await page.TextContentAsync("[data-metric='alloc_spend'] .value"));
        Assert.Equal(Money(run.GetProperty("expected_incremental_profit").GetProperty("value").GetDouble()), await page.TextContentAsync("[data-metric='alloc_profit'] .value"));
        Assert.Equal(Money(run.GetProperty("expected_incremental_revenue").GetProperty("value").GetDouble()), await page.TextContentAsync("[data-metric='alloc_revenue'] .value"));
        Assert.Equal(run.GetProperty("triggers").GetArrayLength(), await page.Locator("#alloc-triggers tr[data-alloc-trigger]").CountAsync());
        Assert.Equal(run.GetProperty("profit_curve").GetArrayLength(), await page.Locator("#chart-profit-curve-svg svg circle.point").CountAsync());
        Assert.Equal(1, await page.Locator("#chart-profit-curve-svg svg circle.marker").CountAsync());
    }

    [ChromiumFact]
    public async Task Step3BestTriggerPerCustomer_FollowsTheBudget_Step5DesignFollowsTheHoldoutShare()
    {
        // The API's answer first: it also trains the trigger models (warm-up is off in tests), so the page's analyze is quick.
        (int status, JsonDocument analysis, _) = await fixture.Server.PostJsonAsync("api/v1/campaigns/analyze", new { objective = Objectives.WinBack });
        using JsonDocument analysisOwner = analysis;
        Assert.Equal(200, status);
        JsonElement coo = analysis.RootElement.GetProperty("campaign_objective_object");

        await using BrowserSession session = await BrowserSession.LaunchAsync();
        IPage page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        page.SetDefaultTimeout(90_000);
        List<string> errors = [];
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, "campaign-segmentation.html").ToString());
        await page.FillAsync("#objective", Objectives.WinBack);
        await page.ClickAsync("#analyze");
        await page.WaitForSelectorAsync("body[data-step='analyzed']");
        await page.WaitForSelectorAsync("body[data-preview]");


        // Step 3: the option shows the unbounded plan, then the plan under the budget typed in.
        await page.CheckAsync("#alloc-on");
        await page.WaitForSelectorAsync("body[data-allocation]");
        using JsonDocument unbounded = await AllocateAsync(coo, null);
        await AssertAllocationShownAsync(page, unbounded.RootElement);
        Assert.Equal("none", await page.TextContentAsync("[data-metric='alloc_budget'] .value"));

        double budget = Math.Round(unbounded.RootElement.GetProperty("spend").GetDouble() / 3, 2);
        Assert.True(budget > 0, "the unbounded plan spends nothing");
        string seq = (await page.GetAttributeAsync("body", "data-allocation"))!;
        await page.FillAsync("#alloc-budget", budget.ToString(CultureInfo.InvariantCulture));
        await page.ClickAsync("#alloc-update");
        await page.WaitForFunctionAsync($"document.body.dataset.allocation !== '{seq}' && document.getElementById('alloc-status').textContent === ''");
        using JsonDocument bounded = await AllocateAsync(coo, budget);
        await AssertAllocationShownAsync(page, bounded.RootElement);
        Assert.Equal(Money(budget), await page.TextContentAsync("[data-metric='alloc_budget'] .value"));
        Assert.True(bounded.RootElement.GetProperty("spend").GetDouble() < unbounded.RootElement.GetProperty("spend").GetDouble());

        // A budget of zero is refused on the page, in words, without a call.
        await page.FillAsync("#alloc-budget", "0");
        await page.ClickAsync("#alloc-update");
        Assert.Equal("A budget above $0, or empty for none.", await page.TextContentAsync("#alloc-budget-error"));
        await page.FillAsync("#alloc-budget", "");

        // Activation with a 20% holdout, then step 5's design equals the design endpoint at that share.
        await page.FillAsync("#segment-name", "Design test");
        await page.ClickAsync("#activate");
        await page.WaitForSelectorAsync("#confirm-dialog[open]");
        await page.CheckAsync("#holdout-on");
        await page.FillAsync("#holdout-share", "20");
        if (await page.GetAttributeAsync("body", "data-warnings") != "0")
        {
            await page.CheckAsync("#confirm-ack");
        }

        await page.ClickAsync("#confirm-activate");
        await page.WaitForSelectorAsync("body[data-step='activated']");
        await page.WaitForSelectorAsync("body[data-design]");
        string segmentId = (await page.GetAttributeAsync("[data-metric='segment_id']", "data-segment-id"))!;
        using (JsonDocument stored = await fixture.Server.GetJsonAsync($"api/v1/segments/{segmentId}"))
        {
            Assert.Equal(0.2, stored.RootElement.GetProperty("holdout").GetProperty("share").GetDouble());
        }

        await AssertDesignShownAsync(page, segmentId, 0.2);
        string designSeq = (await page.GetAttributeAsync("body", "data-design"))!;
        await page.FillAsync("#design-holdout", "40");
        await page.ClickAsync("#design-update");
        await page.WaitForFunctionAsync($"document.body.dataset.design !== '{designSeq}'");
        await AssertDesignShownAsync(page, segmentId, 0.4);

        await CampaignWorkflowTests.AssertAccessibleAsync(page, "campaign page with the allocation and the design");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotFolder, "campaign-steps-3-5.png"), FullPage = true });
        Assert.Empty(errors);
    }

    private async Task AssertDesignShownAsync(IPage page, string segmentId, double share)
    {
        using HttpResponseMessage response = await fixture.Server.Client.GetAsync($"api/v1/segments/{segmentId}/experiment/design?holdout={share.ToString(CultureInfo.InvariantCulture)}");
        string body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            // No prediction or no baseline for this store: the page says what the API says, as text.
            using JsonDocument problem = JsonDocument.Parse(body);
            Assert.Equal(problem.RootElement.GetProperty("detail").GetString(), await page.TextContentAsync("#design-error"));
            return;
        }

        using JsonDocument design = JsonDocument.Parse(body);
        JsonElement d = design.RootElement;
        Assert.Equal(d.GetProperty("statement").GetString(), await page.TextContentAsync("#design-statement"));
        Assert.Matches("^This campaign (can|cannot) detect", await page.TextContentAsync("#design-statement"));
        Assert.Equal(Pct(d.GetProperty("holdout_share").GetDouble(), 0), await page.TextContentAsync("[data-metric='design_holdout_share'] .value"));
        Assert.Equal(Pct(d.GetProperty("power").GetDouble(), 0), await page.TextContentAsync("[data-metric='design_power'] .value"));
        Assert.Equal((d.GetProperty("mde_at_80").GetDouble() * 100).ToString("F2", CultureInfo.InvariantCulture) + " pp", await page.TextContentAsync("[data-metric='design_mde'] .value"));
        string required = d.GetProperty("required_holdout_share").ValueKind == JsonValueKind.Number ? Pct(d.GetProperty("required_holdout_share").GetDouble(), 0) : "none up to 50%";
        Assert.Equal(required, await page.TextContentAsync("[data-metric='design_required_share'] .value"));
    }
}

using System.Globalization;
using System.Text.Json;
using AetherSegment.Web.Tests.Experiments;
using Microsoft.Playwright;

namespace AetherSegment.Web.Tests.Browser;

/// <summary>
/// Issue 15 item 6 in headless Chromium: the Campaigns page lists the experiments with their status, shows the
/// measured campaign's report with the API's own figures, the cumulative-lift chart with its always-valid band (one
/// point per daily look), the calibration chart or "not ranked: no calibration", and passes axe-core.
/// </summary>
public sealed class CampaignsPageTests(CampaignsServerFixture fixture) : IClassFixture<CampaignsServerFixture>
{
    private static string Pct(double v) => (v * 100).ToString("F2", CultureInfo.InvariantCulture) + "%";

    [ChromiumFact]
    public async Task CampaignsPage_ListsStatuses_ShowsTheReportAndBothCharts()
    {
        await using BrowserSession session = await BrowserSession.LaunchAsync();
        IPage page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        List<string> errors = [];
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, "campaigns.html").ToString());
        await page.WaitForSelectorAsync("body[data-loaded='true']");

        Assert.Equal("measured", await page.GetAttributeAsync($"tr[data-segment='{fixture.Measured}']", "data-status"));
        Assert.Equal("running", await page.GetAttributeAsync($"tr[data-segment='{fixture.Running}']", "data-status"));
        Assert.Equal("not sent", await page.TextContentAsync($"tr[data-segment='{fixture.NotSent}'] .badge"));
        Assert.Equal(0, await page.Locator($"tr[data-segment='{fixture.WithoutHoldout}']").CountAsync());
        Assert.Equal("Campaigns", await page.TextContentAsync("nav a[aria-current='page']"));

        await page.ClickAsync($"tr[data-segment='{fixture.Measured}'] button[data-action='report']");
        await page.WaitForSelectorAsync($"body[data-report='{fixture.Measured}']");
        using JsonDocument report = await fixture.Server.GetJsonAsync($"api/v1/segments/{fixture.Measured}/experiment/results?window_days=14");
        JsonElement r = report.RootElement;
        Assert.Equal(Pct(r.GetProperty("treated").GetProperty("conversion_rate").GetDouble()), await page.TextContentAsync("[data-metric='treated_rate'] .value"));
        Assert.Equal(Pct(r.GetProperty("holdout").GetProperty("conversion_rate").GetDouble()), await page.TextContentAsync("[data-metric='holdout_rate'] .value"));
        Assert.Equal((r.GetProperty("absolute_lift").GetProperty("estimate").GetDouble() * 100).ToString("F2", CultureInfo.InvariantCulture) + " pp",
            await page.TextContentAsync("[data-metric='absolute_lift'] .value"));
        Assert.Equal(r.GetProperty("p_value").GetDouble().ToString("F4", CultureInfo.InvariantCulture), await page.TextContentAsync("[data-metric='p_value'] .value"));
        Assert.Equal(r.GetProperty("always_valid_p_value").GetDouble().ToString("F4", CultureInfo.InvariantCulture), await page.TextContentAsync("[data-metric='always_valid_p_value'] .value"));
        Assert.Equal(r.GetProperty("statement").GetString(), await page.TextContentAsync("#report-statement"));
        Assert.Equal(fixture.Conversions.Treated.ToString("N0", CultureInfo.InvariantCulture),
            await page.TextContentAsync("#report-arms tr[data-arm='treated'] td:nth-child(3)"));

        // The cumulative lift: one point per daily look of the report, and the band.
        int looks = r.GetProperty("daily").GetArrayLength();
        Assert.True(looks >= fixture.OutcomeDays);
        Assert.Equal(looks, await page.Locator("#chart-lift-svg svg circle.point").CountAsync());
        Assert.Equal(1, await page.Locator("#chart-lift-svg svg polygon.band").CountAsync());

        // The calibration: a chart when the report has bins, else the plain message.
        int bins = r.TryGetProperty("calibration", out JsonElement calibration) && calibration.ValueKind == JsonValueKind.Array ? calibration.GetArrayLength() : 0;
        if (bins > 0)
        {
            Assert.Equal(bins, await page.Locator("#chart-calibration-svg svg circle.observed").CountAsync());
        }
        else
        {
            Assert.Equal("not ranked: no calibration", await page.TextContentAsync("#calibration-note"));
            Assert.Equal(0, await page.Locator("#chart-calibration-svg svg").CountAsync());
        }

        await CampaignWorkflowTests.AssertAccessibleAsync(page, "campaigns page with a report");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotFolder, "campaigns.png"), FullPage = true });

        // A campaign without outcomes yet: its report has no conversion, the page says so without breaking.
        await page.ClickAsync($"tr[data-segment='{fixture.NotSent}'] button[data-action='report']");
        await page.WaitForSelectorAsync($"body[data-report='{fixture.NotSent}']");
        using HttpResponseMessage notSent = await fixture.Server.Client.GetAsync($"api/v1/segments/{fixture.NotSent}/experiment/results?window_days=14");
        using JsonDocument notSentBody = JsonDocument.Parse(await notSent.Content.ReadAsStringAsync());
        if (notSent.IsSuccessStatusCode)
        {
            Assert.True(await page.IsVisibleAsync("#report-body"));
            Assert.Equal("0", await page.TextContentAsync("#report-arms tr[data-arm='treated'] td:nth-child(3)"));
        }
        else
        {
            // No outcome yet is a 400 with the reason, shown as text.
            Assert.False(await page.IsVisibleAsync("#report-body"));
            Assert.Equal(notSentBody.RootElement.GetProperty("detail").GetString(), await page.TextContentAsync("#report-error"));
        }

        Assert.Empty(errors);
    }
}

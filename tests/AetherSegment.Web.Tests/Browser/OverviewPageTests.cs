using System.Text.Json;
using AetherSegment.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AetherSegment.Web.Tests.Browser;

public sealed class OverviewPageTests(SeededServerFixture fixture) : IClassFixture<SeededServerFixture>
{
    [ChromiumFact]
    public async Task Dashboard_ShowsTheApiNumbers_OnALaptopAndAPhone()
    {
        await using BrowserSession session = await BrowserSession.LaunchAsync();
        using JsonDocument stats = await fixture.Server.GetJsonAsync("api/v1/overview/stats");
        JsonElement metrics = stats.RootElement.GetProperty("metrics");

        IPage page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        await page.GotoAsync(fixture.Server.BaseAddress.ToString());
        await page.WaitForSelectorAsync("body[data-loaded='true']");

        Assert.Equal(metrics.GetProperty("total_customers").GetInt64().ToString("N0", System.Globalization.CultureInfo.InvariantCulture), await page.TextContentAsync("#m-total"));
        Assert.Equal(metrics.GetProperty("at_risk_customers").GetInt64().ToString("N0", System.Globalization.CultureInfo.InvariantCulture), await page.TextContentAsync("#m-risk"));
        Assert.Equal(stats.RootElement.GetProperty("opportunities").GetArrayLength(), await page.Locator(".opportunity").CountAsync());
        Assert.Equal(6, await page.Locator("#table-health tr[data-table]").CountAsync());
        Assert.True(await page.Locator("#chart-geo svg path, #chart-geo svg circle").CountAsync() >= 4);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotFolder, "overview-laptop.png"), FullPage = true });

        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotFolder, "overview-phone.png"), FullPage = false });
        double scrollWidth = await page.EvaluateAsync<double>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 400, $"the page scrolls sideways on a phone ({scrollWidth}px wide)");
    }

    [ChromiumFact]
    public async Task Pages_LoadNothingFromOtherHosts()
    {
        await using BrowserSession session = await BrowserSession.LaunchAsync();
        IPage page = await session.Browser.NewPageAsync();
        string origin = fixture.Server.BaseAddress.GetLeftPart(UriPartial.Authority);
        List<string> external = [];
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                external.Add(request.Url);
            }
        };

        foreach (string path in (string[])["", "campaign-segmentation.html", "conversational-analytics.html", "docs"])
        {
            await page.GotoAsync(new Uri(fixture.Server.BaseAddress, path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        }

        Assert.Empty(external);
    }
}

using System.Globalization;
using System.Text.Json;
using AetherSegment.Tests;
using AetherSegment.Web.Tests.Infrastructure;
using AetherSegment.Web.Tests.Uplift;
using Microsoft.Playwright;

namespace AetherSegment.Web.Tests.Browser;

/// <summary>
/// Issue 14, plots: step 3's Models panel draws the held-out Qini curves, uplift curves and uplift by decile with one
/// series per evaluated trigger and a legend, shows the endpoint's own Qini coefficient and AUUC, and passes axe-core.
/// </summary>
public sealed class ModelCurvesPageTests(ModelEvaluationServerFixture fixture) : IClassFixture<ModelEvaluationServerFixture>
{
    [ChromiumFact]
    public async Task ModelsPanel_OneSeriesPerTrigger_TheEndpointsNumbers_Accessible()
    {
        await using BrowserSession session = await BrowserSession.LaunchAsync();
        IBrowserContext context = await session.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        IPage page = await context.NewPageAsync();
        List<string> errors = [];
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{message.Text} {message.Location}");
            }
        };
        page.PageError += (_, error) => errors.Add(error);

        // The models of 10,000 customers' campaign history train on the first analyze; let the API wait for them, not the page.
        await fixture.TrainAsync();
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, "campaign-segmentation.html").ToString());
        await page.ClickAsync("#examples button:has-text('Abandoned carts, high value')");
        await page.WaitForSelectorAsync("body[data-step='analyzed']", new PageWaitForSelectorOptions { Timeout = 900_000 });
        await page.ClickAsync("#model-curves > summary");
        await page.WaitForSelectorAsync("#model-curves[data-state='ready']", new PageWaitForSelectorOptions { Timeout = 900_000 });

        using JsonDocument doc = JsonDocument.Parse(await fixture.Patient.GetStringAsync("api/v1/uplift/trigger-models/evaluation"));
        JsonElement[] evaluated = [.. doc.RootElement.GetProperty("triggers").EnumerateArray().Where(t => t.GetProperty("evaluated").GetBoolean())];
        string[] names = [.. evaluated.Select(t => t.GetProperty("trigger").GetString()!)];
        Assert.True(names.Length >= 2, $"only {names.Length} trigger(s) evaluated");

        const string Series = "nodes => nodes.map(n => n.dataset.series)";
        Assert.Equal(names, await page.Locator("#chart-qini svg polyline.series").EvaluateAllAsync<string[]>(Series));
        Assert.Equal(names, await page.Locator("#chart-uplift svg polyline.series").EvaluateAllAsync<string[]>(Series));
        Assert.Equal(names, await page.Locator("#chart-decile svg g.series").EvaluateAllAsync<string[]>(Series));
        Assert.Equal(names, await page.Locator("#curves-legend [data-series]").EvaluateAllAsync<string[]>(Series));
        int[] pointsPerLine = await page.Locator("#chart-qini svg polyline.series").EvaluateAllAsync<int[]>("nodes => nodes.map(n => n.points.numberOfItems)");
        Assert.All(pointsPerLine.Zip(evaluated), p => Assert.Equal(p.Second.GetProperty("qini_curve").GetArrayLength(), p.First));
        foreach (string chart in (string[])["#chart-qini", "#chart-uplift", "#chart-decile"])
        {
            Assert.False(string.IsNullOrWhiteSpace(await page.TextContentAsync($"{chart} svg > title")), $"{chart} has no title");
            Assert.False(string.IsNullOrWhiteSpace(await page.TextContentAsync($"{chart} svg > desc")), $"{chart} has no desc");
        }

        // One number per concept: the table shows the endpoint's Qini coefficient and AUUC.
        foreach (JsonElement t in evaluated)
        {
            string row = $"#model-scores tr[data-trigger='{t.GetProperty("trigger").GetString()}']";
            foreach ((string metric, string field) in (ValueTuple<string, string>[])[("qini_coefficient", "qini_coefficient"), ("auuc", "auuc")])
            {
                double expected = t.GetProperty(field).GetDouble();
                string cell = $"{row} td[data-metric='{metric}']";
                Assert.Equal(expected, double.Parse((await page.GetAttributeAsync(cell, "data-value"))!, CultureInfo.InvariantCulture));
                Assert.Equal(expected.ToString("N3", CultureInfo.InvariantCulture), await page.TextContentAsync(cell));
            }
        }

        Assert.Equal(names.Length, await page.Locator("#decile-table tr[data-trigger]").CountAsync());
        await CampaignWorkflowTests.AssertAccessibleAsync(page, "models panel");
        await page.Locator("#model-curves").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotFolder, "models-1366.png") });
        if (Environment.GetEnvironmentVariable("AETHER_DOCS_SCREENSHOTS") == "1")
        {
            string folder = Directory.CreateDirectory(Path.Combine(TestPaths.RepositoryRoot, "docs", "images", "web")).FullName;
            await page.Locator("#model-curves").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, "models-1366.png"), Scale = ScreenshotScale.Css });
        }

        // On a phone the panel stays inside the viewport: the charts scale, the tables scroll in their own box.
        IBrowserContext phone = await session.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        IPage small = await phone.NewPageAsync();
        small.PageError += (_, error) => errors.Add(error);
        await small.GotoAsync(new Uri(fixture.Server.BaseAddress, "campaign-segmentation.html").ToString());
        await small.ClickAsync("#examples button:has-text('Abandoned carts, high value')");
        await small.WaitForSelectorAsync("body[data-step='analyzed']", new PageWaitForSelectorOptions { Timeout = 900_000 });
        await small.ClickAsync("#model-curves > summary");
        await small.WaitForSelectorAsync("#model-curves[data-state='ready']", new PageWaitForSelectorOptions { Timeout = 900_000 });
        int overflow = await small.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow} px wider than a 390 px viewport with the Models panel open");
        await CampaignWorkflowTests.AssertAccessibleAsync(small, "models panel, 390 px");
        if (Environment.GetEnvironmentVariable("AETHER_DOCS_SCREENSHOTS") == "1")
        {
            await small.Locator("#model-curves").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(TestPaths.RepositoryRoot, "docs", "images", "web", "models-390.png"), Scale = ScreenshotScale.Css });
        }

        await phone.CloseAsync();

        Assert.Empty(errors);
        await context.CloseAsync();
    }
}

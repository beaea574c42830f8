using System.Globalization;
using System.Text.Json;
using AetherSegment.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AetherSegment.Web.Tests.Browser;

/// <summary>Walks the five steps of the campaign segmentation page in headless Chromium and checks the page's numbers against the API.</summary>
public sealed class CampaignPageTests(GeneratedServerFixture fixture) : IClassFixture<GeneratedServerFixture>
{
    private static string Int(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    [ChromiumTheory]
    [InlineData("abandoned-carts", "Abandoned carts, high value", Objectives.AbandonedCarts, "United States")]
    [InlineData("regional", "London & Manchester launch", Objectives.Regional, "United Kingdom")]
    public async Task FiveSteps_ShowTheApiNumbers_AndExport(string name, string exampleTitle, string objective, string country)
    {
        await using BrowserSession session = await BrowserSession.LaunchAsync();
        IBrowserContext context = await session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            AcceptDownloads = true,
        });
        IPage page = await context.NewPageAsync();
        List<string> consoleErrors = [];
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add($"{message.Text} {message.Location}");
            }
        };
        string shots = BrowserSession.ScreenshotFolder;

        // Step 1: the example is one click away.
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, "campaign-segmentation.html").ToString());
        await page.ClickAsync($"#examples button:has-text('{exampleTitle}')");
        await page.WaitForSelectorAsync("body[data-step='analyzed']");
        await page.WaitForSelectorAsync("body[data-preview]");
        Assert.Equal(objective, await page.InputValueAsync("#objective"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, $"campaign-{name}-1-2-interpretation.png"), FullPage = true });

        // Step 2: the interpretation and the eligible segment match the API.
        (int status, JsonDocument analysisDoc, _) = await fixture.Server.PostJsonAsync("api/v1/campaigns/analyze", new { objective });
        using JsonDocument analysisOwner = analysisDoc;
        Assert.Equal(200, status);
        JsonElement analysis = analysisDoc.RootElement;
        JsonElement coo = analysis.GetProperty("campaign_objective_object");
        JsonElement preview = analysis.GetProperty("segment_preview");
        Assert.Equal(coo.GetProperty("campaign_type").GetString()!.Replace('_', ' '), await page.TextContentAsync("[data-field='campaign_type'] .v"));
        Assert.Equal(Int(preview.GetProperty("size").GetInt64()), await page.TextContentAsync("[data-metric='size'] .value"));
        Assert.Equal(preview.GetProperty("filters").GetArrayLength(), await page.Locator("#segment-filters li").CountAsync());

        // Step 3: the triggers in the API's order; the before/after panel shows the segment with the selected trigger.
        string[] apiTriggers = [.. analysis.GetProperty("trigger_suggestions").EnumerateArray().Select(t => t.GetProperty("trigger").GetString()!)];
        string[] pageTriggers = [.. await page.Locator("#triggers tr[data-trigger]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.trigger)")];
        Assert.Equal(apiTriggers, pageTriggers);
        Assert.Equal(Int(preview.GetProperty("size").GetInt64()), await page.TextContentAsync("[data-metric='trigger_before'] .value"));

        // Step 4: a refinement updates the live preview to the API's after-size.
        // The offer the objective names is preselected; without one, the top-ranked trigger.
        string? selectedTrigger = coo.GetProperty("suggested_trigger").ValueKind == JsonValueKind.String
            ? coo.GetProperty("suggested_trigger").GetString()
            : apiTriggers.Length > 0 ? apiTriggers[0] : null;
        string previewSeq = (await page.GetAttributeAsync("body", "data-preview"))!;
        await page.SelectOptionAsync("#f-country", country);
        await page.WaitForFunctionAsync($"document.body.dataset.preview !== '{previewSeq}'");
        (int previewStatus, JsonDocument refined, _) = await fixture.Server.PostJsonAsync("api/v1/segments/preview-filters", new
        {
            campaign_objective_object = coo,
            new_filters = new Dictionary<string, object> { ["location_country"] = country },
            trigger = selectedTrigger,
        });
        using (refined)
        {
            Assert.Equal(200, previewStatus);
            Assert.Equal(Int(refined.RootElement.GetProperty("after").GetProperty("size").GetInt64()), await page.TextContentAsync("[data-metric='refine_after'] .value"));
            Assert.Equal(Int(refined.RootElement.GetProperty("before").GetProperty("size").GetInt64()), await page.TextContentAsync("[data-metric='refine_before'] .value"));
            int bars = await page.Locator("#chart-waterfall svg rect").CountAsync();
            Assert.Equal(refined.RootElement.GetProperty("preview").GetProperty("waterfall").GetArrayLength() + 1, bars);
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, $"campaign-{name}-3-4-triggers-refine.png"), FullPage = true });

        // Step 5: activation stores the segment; the page shows its id, size and explanation, and exports it.
        await page.FillAsync("#segment-name", $"Browser {name}");
        await page.ClickAsync("#activate");
        await page.WaitForSelectorAsync("#confirm-dialog[open]");
        if (await page.GetAttributeAsync("body", "data-warnings") != "0")
        {
            await page.CheckAsync("#confirm-ack");
        }

        await page.ClickAsync("#confirm-activate");
        await page.WaitForSelectorAsync("body[data-step='activated']");
        string segmentId = (await page.GetAttributeAsync("[data-metric='segment_id']", "data-segment-id"))!;
        using JsonDocument stored = await fixture.Server.GetJsonAsync($"api/v1/segments/{segmentId}");
        Assert.Equal(Int(stored.RootElement.GetProperty("size").GetInt64()), await page.TextContentAsync("[data-metric='segment_size'] .value"));
        Assert.Equal(stored.RootElement.GetProperty("explanation").GetProperty("summary").GetString(), await page.TextContentAsync("#explanation-summary"));
        Assert.EndsWith($"/api/v1/segments/{segmentId}", await page.InputValueAsync("#api-link"), StringComparison.Ordinal);

        IDownload download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-csv"));
        string csvPath = Path.Combine(shots, $"campaign-{name}.csv");
        await download.SaveAsAsync(csvPath);
        string[] lines = File.ReadAllLines(csvPath);
        Assert.StartsWith("customer_id", lines[0], StringComparison.Ordinal);
        Assert.Equal(stored.RootElement.GetProperty("size").GetInt64(), lines.Length - 1);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, $"campaign-{name}-5-activation.png"), FullPage = true });
        Assert.Empty(consoleErrors);
        await context.CloseAsync();
    }

    [ChromiumFact]
    public async Task OpportunityLink_OpensTheWorkflowOnItsObjective()
    {
        await using BrowserSession session = await BrowserSession.LaunchAsync();
        IPage page = await session.Browser.NewPageAsync();
        await page.GotoAsync(fixture.Server.BaseAddress.ToString());
        await page.WaitForSelectorAsync("body[data-loaded='true']");
        await page.ClickAsync(".opportunity[data-id='london-manchester-high-clv'] a");
        await page.WaitForSelectorAsync("body[data-step='analyzed']");
        Assert.Contains("London and Manchester", await page.InputValueAsync("#objective"), StringComparison.Ordinal);
        Assert.Equal("London, Manchester", await page.TextContentAsync("[data-field='cities'] .v"));
    }
}

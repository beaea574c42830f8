using AetherSegment.Profiles;
using AetherSegment.TestRetailers.SummitOutfitters;
using AetherSegment.Web.Tests.Retailers;
using Microsoft.Playwright;

namespace AetherSegment.Web.Tests.Browser;

/// <summary>The pages take their lists and examples from the profile: another retailer's pages show its words, none of the demo's.</summary>
public sealed class SummitPageTests(SummitServerFixture fixture) : IClassFixture<SummitServerFixture>
{
    private static readonly BusinessProfile Profile = BusinessProfileLoader.LoadFile(SummitOutfittersProfile.Path);

    /// <summary>Words of the demo's catalog, triggers and examples that must not appear on another retailer's pages.</summary>
    private static readonly string[] FurnitureWords =
        ["furniture", "sofa", "London", "Manchester", "United Kingdom", "United States", "Canada", "Australia", "Living Room", "Bedroom", "room planner"];

    [ChromiumFact]
    public async Task SegmentationPage_ListsTheRetailersPlacesCategoriesAndExamples()
    {
        await using BrowserSession session = await BrowserSession.LaunchAsync();
        IPage page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, "campaign-segmentation.html").ToString());
        await page.WaitForSelectorAsync("#examples button");

        Assert.Equal(Profile.Examples.Objectives.Select(o => o.Title), await page.Locator("#examples button").AllTextContentsAsync());
        Assert.Equal(Profile.Catalog.Places.Roots.Select(r => r.Name), await page.Locator("#f-country option:not([value=''])").AllTextContentsAsync());
        Assert.Equal(Profile.Catalog.Taxonomy.Roots.Select(r => r.Name), await page.Locator("#f-category option:not([value=''])").AllTextContentsAsync());
        Assert.StartsWith("Region", (await page.Locator("label:has(#f-country)").TextContentAsync())!.Trim(), StringComparison.Ordinal);
        Assert.Equal(Profile.Catalog.Places.ValuesAt("city").Select(c => c.Name), await page.Locator("#f-city option:not([value=''])").AllTextContentsAsync());
        Assert.NotNull(await page.Locator("label:has(#f-cart)").GetAttributeAsync("hidden"));   // no carts mapping: no cart filter
        Assert.Null(await page.Locator("label:has(#f-category)").GetAttributeAsync("hidden"));

        string html = await page.ContentAsync();
        string text = await page.Locator("body").InnerTextAsync();
        foreach (string word in FurnitureWords)
        {
            Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(word, html, StringComparison.OrdinalIgnoreCase);
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotFolder, "summit-segmentation.png"), FullPage = true });
    }

    [ChromiumFact]
    public async Task AnalyzedExample_ChartsTheSegmentByRegion_AndListsSampleMembersInTheProfilesColumns()
    {
        await using BrowserSession session = await BrowserSession.LaunchAsync();
        IPage page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        List<string> consoleErrors = [];
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, "campaign-segmentation.html").ToString());
        await page.ClickAsync("#examples button:has-text('Rockies trail day')");
        // The first analyze of the class trains Summit's trigger models: allow for a loaded machine.
        await page.WaitForSelectorAsync("body[data-step='analyzed']", new PageWaitForSelectorOptions { Timeout = 240_000 });

        Assert.Equal("By region", await page.TextContentAsync("#segment-place-title"));
        Assert.Equal(["Customer", "Name", "E-mail", "City", "Lifetime value (USD)"], await page.Locator("#samples th").AllTextContentsAsync());
        string[] places = [.. (await page.Locator("#samples tr:not(:first-child) td:nth-child(4)").AllTextContentsAsync())];
        Assert.NotEmpty(places);
        Assert.All(places, p => Assert.Matches(@"^(Denver|Boulder|Salt Lake City|Bozeman), Rockies$", p));
        string[] values = [.. await page.Locator("#samples tr:not(:first-child) td:nth-child(5)").AllTextContentsAsync()];
        Assert.All(values, v => Assert.True(double.Parse(v.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) >= 1500, v));
        Assert.Contains("Rockies", await page.Locator("#chart-segment-country").TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(consoleErrors);
    }

    [ChromiumFact]
    public async Task OverviewPage_ShowsTheMissingCartsMapping_AndTheRetailersOwnWords()
    {
        await using BrowserSession session = await BrowserSession.LaunchAsync();
        IPage page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        await page.GotoAsync(fixture.Server.BaseAddress.ToString());
        await page.WaitForSelectorAsync("body[data-loaded='true']");

        Assert.Equal("–", await page.TextContentAsync("#m-carts"));
        Assert.Equal("not available: needs the `entities.carts` mapping", await page.TextContentAsync("#m-carts-hint"));
        Assert.Equal("Average lifetime value (USD)", await page.TextContentAsync("#m-clv-label"));
        Assert.Equal(["members", "orders", "clickstream", "promo_log", "member_scores"],
            await page.Locator("#table-health tr[data-table]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.table)"));
        Assert.Equal("Top departments (30 days)", await page.TextContentAsync("#categories-title"));
        string text = await page.Locator("body").InnerTextAsync();
        foreach (string word in FurnitureWords)
        {
            Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotFolder, "summit-overview.png"), FullPage = true });
    }

    [ChromiumFact]
    public async Task AnalyticsPage_OffersTheRetailersQuestions()
    {
        await using BrowserSession session = await BrowserSession.LaunchAsync();
        IPage page = await session.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, "conversational-analytics.html").ToString());
        await page.WaitForSelectorAsync("#examples button");

        Assert.Equal(Profile.Examples.Questions, await page.Locator("#examples button").AllTextContentsAsync());
    }
}

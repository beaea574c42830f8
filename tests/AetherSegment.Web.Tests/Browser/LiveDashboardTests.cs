using AetherSegment.Tests;
using AetherSegment.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AetherSegment.Web.Tests.Browser;

public sealed class LiveDashboardTests
{
    [ChromiumFact]
    public async Task Dashboard_MovesWithTheLiveEventStream()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "live-page.duckdb");
        await SeededDatabase.CreateAsync(path, 200, DateTimeOffset.UtcNow);
        await using WebAppServer server = await WebAppServer.StartAsync(path, new Dictionary<string, string>
        {
            ["AetherSegment:Web:LiveEvents"] = "true",
            ["AetherSegment:Web:LiveEventsInterval"] = "00:00:00.500",
            ["AetherSegment:Web:LiveEventsPerInterval"] = "25",
        });
        await using BrowserSession session = await BrowserSession.LaunchAsync();
        IPage page = await session.Browser.NewPageAsync();
        await page.GotoAsync(server.BaseAddress.ToString());
        await page.WaitForSelectorAsync("body[data-loaded='true']");
        const string cell = "#table-health tr[data-table='behavioral_events'] td.num";
        string first = (await page.TextContentAsync(cell))!;

        await page.WaitForFunctionAsync($"document.querySelector(\"{cell}\").textContent !== '{first}'", null, new PageWaitForFunctionOptions { Timeout = 60_000 });

        long before = long.Parse(first, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        long after = long.Parse((await page.TextContentAsync(cell))!, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(after > before, $"behavioral_events went from {before} to {after}");
    }
}

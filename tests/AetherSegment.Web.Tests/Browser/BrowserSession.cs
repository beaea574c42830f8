using Microsoft.Playwright;

namespace AetherSegment.Web.Tests.Browser;

/// <summary>Headless Chromium from Debian's package driven by Playwright (no browser download, ever).</summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>Why browser tests cannot run here, or null when Chromium is installed.</summary>
    public static string? SkipReason => File.Exists(ChromiumPath)
        ? null
        : $"Browser tests need Chromium at {ChromiumPath} (Debian: apt-get install -y chromium; .ci/run installs it).";

    public static async Task<BrowserSession> LaunchAsync()
    {
        IPlaywright playwright = await Playwright.CreateAsync();
        IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new BrowserSession(playwright, browser);
    }

    /// <summary>The folder screenshots are saved in, under the test output folder.</summary>
    public static string ScreenshotFolder
    {
        get
        {
            string path = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}

namespace AetherSegment.Web.Tests.Browser;

/// <summary>A fact that runs in headless Chromium, skipped with a clear message only when /usr/bin/chromium is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        Skip = BrowserSession.SkipReason;
    }
}

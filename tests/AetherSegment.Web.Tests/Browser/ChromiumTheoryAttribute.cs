namespace AetherSegment.Web.Tests.Browser;

/// <summary>A theory that runs in headless Chromium, skipped with a clear message only when /usr/bin/chromium is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        Skip = BrowserSession.SkipReason;
    }
}

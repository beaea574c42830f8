using System.Text.Json;
using AetherSegment.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AetherSegment.Web.Tests.Browser;

public sealed class AnalyticsPageTests(GeneratedServerFixture fixture) : IClassFixture<GeneratedServerFixture>
{
    [ChromiumFact]
    public async Task Question_ShowsAnswerTableChartAndSql_AndJoinsTheHistory()
    {
        const string question = "Revenue by country last month";
        await using BrowserSession session = await BrowserSession.LaunchAsync();
        IPage page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, "conversational-analytics.html").ToString());
        await page.WaitForSelectorAsync("#examples button");

        await page.FillAsync("#question", question);
        await page.ClickAsync("#ask");
        await page.WaitForSelectorAsync("body[data-answered='1']");

        (int status, JsonDocument answer, _) = await fixture.Server.PostJsonAsync("api/v1/analytics/ask", new { question });
        using (answer)
        {
            Assert.Equal(200, status);
            Assert.Equal(answer.RootElement.GetProperty("answer").GetString(), await page.TextContentAsync("#answer-text"));
            Assert.Equal(answer.RootElement.GetProperty("rows").GetArrayLength(), await page.Locator("#answer-table tr").CountAsync() - 1);
            Assert.Equal(answer.RootElement.GetProperty("sql").GetString(), await page.TextContentAsync("#answer-sql"));
            if (answer.RootElement.GetProperty("chart").ValueKind == JsonValueKind.Object)
            {
                Assert.True(await page.Locator("#answer-chart svg").CountAsync() == 1);
            }
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotFolder, "analytics-chart.png"), FullPage = true });
        await page.ClickAsync("#examples button >> nth=0");
        await page.WaitForSelectorAsync("body[data-answered='2']");
        Assert.Equal(2, await page.Locator("#history li").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotFolder, "analytics.png"), FullPage = true });
    }

    [ChromiumFact]
    public async Task MonthlyRevenue_OnAPhone_ShowsMonthNamesDollarsAndAFullWidthAnswer()
    {
        const string question = "Revenue by month";
        await using BrowserSession session = await BrowserSession.LaunchAsync();
        IPage page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, "conversational-analytics.html").ToString());
        await page.FillAsync("#question", question);
        await page.ClickAsync("#ask");
        await page.WaitForSelectorAsync("body[data-answered='1']");

        (int status, JsonDocument answer, _) = await fixture.Server.PostJsonAsync("api/v1/analytics/ask", new { question });
        using (answer)
        {
            Assert.Equal(200, status);
            int rows = answer.RootElement.GetProperty("rows").GetArrayLength();
            Assert.True(rows > 1, answer.RootElement.GetRawText());
            Assert.Equal(rows, await page.Locator("#answer-table tr").CountAsync() - 1);
        }

        IReadOnlyList<string> cells = await page.Locator("#answer-table td").AllTextContentsAsync();
        Assert.DoesNotContain(cells, c => c.Contains("T00:00:00", StringComparison.Ordinal));
        Assert.Contains(cells, c => System.Text.RegularExpressions.Regex.IsMatch(c, @"^(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$"));
        Assert.Contains(cells, c => c.StartsWith('$'));

        // The answer takes the phone's width instead of a 100 px column beside the conversation.
        double answerWidth = await page.EvaluateAsync<double>("() => document.getElementById('current').getBoundingClientRect().width");
        Assert.True(answerWidth >= 300, $"answer column {answerWidth} px wide at 390 px");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
    }

    [ChromiumTheory]
    [InlineData("Revenue by country last month")]
    [InlineData("Customers by value tier")]
    public async Task Answer_ShowsExactlyTheRestatementOfWhatWasComputed(string question)
    {
        (int status, JsonDocument answer, _) = await fixture.Server.PostJsonAsync("api/v1/analytics/ask", new { question });
        using (answer)
        {
            Assert.Equal(200, status);
            string? restatement = answer.RootElement.TryGetProperty("restatement", out JsonElement r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            Assert.False(string.IsNullOrEmpty(restatement), "the answer has no restatement: " + answer.RootElement.GetRawText());

            await using BrowserSession session = await BrowserSession.LaunchAsync();
            IPage page = await session.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
            await page.GotoAsync(new Uri(fixture.Server.BaseAddress, "conversational-analytics.html").ToString());
            await page.FillAsync("#question", question);
            await page.ClickAsync("#ask");
            await page.WaitForSelectorAsync("body[data-answered='1']");
            Assert.Equal(restatement, await page.TextContentAsync("#answer-restatement-text"));
            string path = answer.RootElement.TryGetProperty("source", out JsonElement source) && source.GetString() == "language_model" ? "[language model]" : "[rules]";
            Assert.Equal(path, await page.TextContentAsync("#answer-restatement .path"));
        }
    }
}

using System.Text.Json;
using AetherSegment.Web.Tests.Infrastructure;

namespace AetherSegment.Web.Tests.Uplift;

/// <summary>Issue 14, plots: before the trigger models are trained (no warm-up, no analyze yet) the evaluation is a 503 problem+json with Retry-After, never a 5xx stack.</summary>
public sealed class ModelEvaluationNotTrainedTests(SeededServerFixture fixture) : IClassFixture<SeededServerFixture>
{
    [Theory]
    [InlineData("api/v1/uplift/trigger-models/evaluation")]
    [InlineData("api/v1/uplift/trigger-models/evaluation/free_shipping_offer/qini.svg")]
    public async Task BeforeTheModelsAreTrained_Is503ProblemJsonWithRetryAfter(string path)
    {
        using HttpResponseMessage response = await fixture.Server.Client.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter is not null, "Retry-After is missing");
        using JsonDocument problem = JsonDocument.Parse(body);
        Assert.Equal("The trigger models are not trained yet", problem.RootElement.GetProperty("title").GetString());
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AetherSegment.Tests;
using AetherSegment.Web.Tests.Infrastructure;

namespace AetherSegment.Web.Tests.Analytics;

/// <summary>With a language model configured, /analytics/ask needs the API key; a hostile model answer is refused.</summary>
public sealed class AskWithModelApiKeyTests : IAsyncLifetime
{
    private FakeChatEndpoint _model = null!;
    private WebAppServer _keyed = null!;
    private WebAppServer _keyless = null!;

    public async Task InitializeAsync()
    {
        _model = new FakeChatEndpoint(_ => "{\"sql\":\"SELECT c FROM customers c\"}");
        Dictionary<string, string> settings = new()
        {
            ["AetherSegment:Synthetic:Customers"] = "300",
            ["AetherSegment:Interpreter"] = "chat",
            ["AetherSegment:Chat:Endpoint"] = _model.BaseAddress.ToString(),
            ["AetherSegment:Chat:Model"] = "test-model",
        };
        _keyless = await WebAppServer.StartAsync(Path.Combine(TestPaths.NewTempDirectory(), "keyless.duckdb"), settings);
        settings["AetherSegment:Web:ApiKey"] = "model-key";
        _keyed = await WebAppServer.StartAsync(Path.Combine(TestPaths.NewTempDirectory(), "keyed.duckdb"), settings);
    }

    public async Task DisposeAsync()
    {
        await _keyed.DisposeAsync();
        await _keyless.DisposeAsync();
        _model.Dispose();
    }

    [Fact]
    public async Task Ask_WithAModel_WithoutTheKey_Answers401_WithTheKey_RefusesTheHostileSqlOfADeclinedQuestion()
    {
        await _keyed.WaitForDataAsync();
        using HttpResponseMessage denied = await _keyed.Client.PostAsJsonAsync("api/v1/analytics/ask", new { question = "customers by country" });
        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.Equal("application/problem+json", denied.Content.Headers.ContentType?.MediaType);

        using HttpRequestMessage wrong = new(HttpMethod.Post, "api/v1/analytics/ask") { Content = JsonContent.Create(new { question = "customers by country" }) };
        wrong.Headers.Add("X-Api-Key", "guess");
        using HttpResponseMessage wrongResponse = await _keyed.Client.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);

        using HttpRequestMessage right = new(HttpMethod.Post, "api/v1/analytics/ask") { Content = JsonContent.Create(new { question = "customers by country" }) };
        right.Headers.Add("X-Api-Key", "model-key");
        using HttpResponseMessage answered = await _keyed.Client.SendAsync(right);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        string text = await answered.Content.ReadAsStringAsync();
        using JsonDocument body = JsonDocument.Parse(text);
        Assert.Equal("rules", body.RootElement.GetProperty("source").GetString());
        Assert.DoesNotContain("@", text, StringComparison.Ordinal);

        // The rules answer first; a question they decline ("roughly speaking" cannot be placed) reaches the model,
        // whose hostile SQL is refused: the question stays declined and nothing personal comes back.
        using HttpRequestMessage declined = new(HttpMethod.Post, "api/v1/analytics/ask") { Content = JsonContent.Create(new { question = "revenue by country, roughly speaking" }) };
        declined.Headers.Add("X-Api-Key", "model-key");
        using HttpResponseMessage refused = await _keyed.Client.SendAsync(declined);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        string refusedText = await refused.Content.ReadAsStringAsync();
        Assert.Contains("refused", refusedText, StringComparison.Ordinal);
        Assert.DoesNotContain("@", refusedText, StringComparison.Ordinal);
        using JsonDocument refusedBody = JsonDocument.Parse(refusedText);
        Assert.NotEqual("answered", refusedBody.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ask_WithAModel_AndNoKeyConfigured_Answers401NamingTheSetting()
    {
        await _keyless.WaitForDataAsync();
        using HttpResponseMessage denied = await _keyless.Client.PostAsJsonAsync("api/v1/analytics/ask", new { question = "customers by country" });

        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.Contains("AetherSegment:Web:ApiKey", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

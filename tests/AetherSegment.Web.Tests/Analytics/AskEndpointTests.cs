using System.Text.Json;
using AetherSegment.Web.Tests.Infrastructure;

namespace AetherSegment.Web.Tests.Analytics;

public sealed class AskEndpointTests(GeneratedServerFixture fixture) : IClassFixture<GeneratedServerFixture>
{
    [Fact]
    public async Task Ask_CustomersInCanada_AnswersWithTheCountSqlAndRows()
    {
        (int status, JsonDocument body, _) = await fixture.Server.PostJsonAsync("api/v1/analytics/ask", new { question = "How many customers do we have in Canada?" });
        using (body)
        {
            Assert.Equal(200, status);
            JsonElement root = body.RootElement;
            Assert.Equal("answered", root.GetProperty("status").GetString());
            long expected = await fixture.CountAsync("SELECT COUNT(*) FROM customers WHERE country = 'Canada'");
            Assert.Contains(expected.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), root.GetProperty("answer").GetString(), StringComparison.Ordinal);
            Assert.Contains("customers", root.GetProperty("sql").GetString(), StringComparison.OrdinalIgnoreCase);
            Assert.True(root.GetProperty("rows").GetArrayLength() >= 1);
            Assert.True(root.TryGetProperty("chart", out _));
        }
    }

    [Fact]
    public async Task Ask_AWriteStatement_IsRefusedNotRun()
    {
        (int status, JsonDocument body, _) = await fixture.Server.PostJsonAsync("api/v1/analytics/ask", new { question = "DROP TABLE customers" });
        using (body)
        {
            Assert.Equal(200, status);
            Assert.Equal("refused", body.RootElement.GetProperty("status").GetString());
        }

        Assert.True(await fixture.CountAsync("SELECT COUNT(*) FROM customers") > 0);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"question\":\"\"}")]
    [InlineData("{\"question\":[\"a\"]}")]
    public async Task Ask_BadInput_Answers400NamingQuestion(string json)
    {
        (int status, JsonDocument body, _) = await fixture.Server.PostRawAsync("api/v1/analytics/ask", json);
        using (body)
        {
            Assert.Equal(400, status);
            Assert.Equal("question", body.RootElement.GetProperty("field").GetString());
        }
    }

    [Fact]
    public async Task Examples_ListQuestionsToTry()
    {
        using JsonDocument examples = await fixture.Server.GetJsonAsync("api/v1/analytics/examples");
        Assert.True(examples.RootElement.GetProperty("questions").GetArrayLength() >= 3);
    }
}

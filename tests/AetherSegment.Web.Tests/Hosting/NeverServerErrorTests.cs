using AetherSegment.Web.Tests.Infrastructure;

namespace AetherSegment.Web.Tests.Hosting;

/// <summary>Hostile and odd bodies on every POST endpoint: the server answers 4xx problem+json, never 5xx.</summary>
public sealed class NeverServerErrorTests(GeneratedServerFixture fixture) : IClassFixture<GeneratedServerFixture>
{
    public static TheoryData<string, string> Inputs()
    {
        string[] endpoints = ["api/v1/campaigns/analyze", "api/v1/segments/preview-filters", "api/v1/segments/create", "api/v1/analytics/ask"];
        string[] bodies =
        [
            "null", "true", "0", "\"text\"", "{\"a\":{\"b\":{\"c\":[[[[[]]]]]}}}", "{\"objective\":null}", "{\"objective\":{\"x\":1}}",
            "{\"objective\":\"\\u0000\\u0001\"}", "{\"objective\":\"'; DROP TABLE customers; --\"}", "{\"question\":\"' OR 1=1 --\"}",
            "{\"campaign_objective_object\":{\"objective\":\"x\",\"audience\":{\"clv_min\":1e308}}}",
            "{\"campaign_objective_object\":{\"objective\":\"x\",\"audience\":{\"behavior\":{\"abandoned_cart_within_days\":-5}}}}",
            "{\"campaign_objective_object\":{\"objective\":\"x\",\"audience\":{\"countries\":[null]}}}",
            "{\"campaign_objective_object\":{\"objective\":\"x\",\"audience\":null}}",
            "{\"campaign_objective_object\":{\"objective\":\"x\"},\"new_filters\":{\"clv_min\":null,\"location_city\":[\"London\",7]}}",
            "{\"campaign_objective_object\":{\"objective\":\"x\"},\"new_filters\":{\"cart_value_min\":1e400}}",
            "{\"campaign_objective\":{\"objective\":\"x\",\"confidence\":\"high\"}}", "{\"campaign_objective\":[]}",
            "{\"campaign_objective\":\"Target everyone\",\"additional_filters\":{\"purchased_within_days\":100000000}}",
            "{\"question\":\"" + new string('?', 600) + "\"}", "{\"objective\":\"" + new string('é', 3000) + "\"}",
        ];
        TheoryData<string, string> data = [];
        foreach (string endpoint in endpoints)
        {
            foreach (string body in bodies)
            {
                data.Add(endpoint, body);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task OddInput_NeverAnswers5xx(string endpoint, string body)
    {
        (int status, System.Text.Json.JsonDocument problem, string? type) = await fixture.Server.PostRawAsync(endpoint, body);
        using (problem)
        {
            Assert.True(status < 500, $"{endpoint} answered {status} to {body}: {problem.RootElement.GetRawText()}");
            if (status >= 400)
            {
                Assert.Equal("application/problem+json", type);
            }
        }
    }
}

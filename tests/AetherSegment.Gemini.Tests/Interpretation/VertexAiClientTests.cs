using System.Text.Json.Nodes;
using System.Text;
using AetherSegment.Gemini.Interpretation;
using AetherSegment.Synthetic.Profiles;
using Microsoft.Extensions.Options;

namespace AetherSegment.Gemini.Tests.Interpretation;

public sealed class VertexAiClientTests
{
    private static VertexAiClient Create(string endpoint) =>
        new(Options.Create(new GeminiOptions { ProjectId = "p", Endpoint = endpoint, AccessToken = "t", RetryBaseDelay = TimeSpan.FromMilliseconds(5) }), TimeProvider.System, HomeFurnishingProfile.Load());

    [Fact]
    public void BuildBody_EscapesTheObjectiveAndKeepsTheSchema()
    {
        using VertexAiClient client = Create("http://127.0.0.1:1");
        const string objective = "Say \"hi\" to Montréal \\ shoppers\nwith 10% off 🙂";

        JsonObject body = JsonNode.Parse(client.BuildBody(InterpretationPrompt.SystemInstruction(HomeFurnishingProfile.Load()), objective))!.AsObject();

        Assert.Equal(objective, (string?)body["contents"]![0]!["parts"]![0]!["text"]);
        Assert.Equal(InterpretationPrompt.SystemInstruction(HomeFurnishingProfile.Load()), (string?)body["systemInstruction"]!["parts"]![0]!["text"]);
        Assert.Equal("OBJECT", (string?)body["generationConfig"]!["responseSchema"]!["type"]);
        Assert.Equal(0, (int)body["generationConfig"]!["temperature"]!);
    }

    [Fact]
    public async Task GenerateAsync_WithAnotherSchema_SendsThatSchemaThroughTheSameTransport()
    {
        await using FakeVertexServer server = new((_, _) => new FakeResponse(200, FakeVertexServer.Candidate("""{"sql":"SELECT 1"}""")));
        using VertexAiClient client = Create(server.Endpoint);
        byte[] schema = Encoding.UTF8.GetBytes("""{"type":"OBJECT","properties":{"sql":{"type":"STRING"}},"required":["sql"]}""");

        string text = await client.GenerateAsync("Write SQL.", "How many customers?", schema, CancellationToken.None);

        Assert.Equal("""{"sql":"SELECT 1"}""", text);
        JsonObject body = JsonNode.Parse(Assert.Single(server.Requests).Body)!.AsObject();
        Assert.Equal("STRING", (string?)body["generationConfig"]!["responseSchema"]!["properties"]!["sql"]!["type"]);
        Assert.Equal("Write SQL.", (string?)body["systemInstruction"]!["parts"]![0]!["text"]);
    }

    [Fact]
    public void VertexSchema_HasNoJsonSchemaOnlyKeywords()
    {
        using VertexAiClient client = Create("http://127.0.0.1:1");
        string schema = JsonNode.Parse(client.BuildBody("s", "o"))!["generationConfig"]!["responseSchema"]!.ToJsonString();

        Assert.DoesNotContain("\"$schema\"", schema, StringComparison.Ordinal);
        Assert.DoesNotContain("\"null\"", schema, StringComparison.Ordinal);
        Assert.DoesNotContain("\"title\"", schema, StringComparison.Ordinal);
        Assert.Contains("\"nullable\":true", schema, StringComparison.Ordinal);
    }
}

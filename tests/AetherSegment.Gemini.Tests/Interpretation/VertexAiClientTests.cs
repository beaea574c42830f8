using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AetherSegment.AI.Interpretation;
using AetherSegment.Gemini.Interpretation;
using AetherSegment.Synthetic.Profiles;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace AetherSegment.Gemini.Tests.Interpretation;

public sealed class VertexAiClientTests
{
    private static VertexAiClient Create(string endpoint, HttpClient http) =>
        new(Options.Create(new GeminiOptions { ProjectId = "p", Endpoint = endpoint, AccessToken = "t" }), logger: null, http);

    private static byte[] ModelSchema() =>
        JsonSerializer.SerializeToUtf8Bytes(VertexSchemaConverter.Convert(ModelAnswerSchema.Create(HomeFurnishingProfile.Load())));

    [Fact]
    public void BuildBody_EscapesTheObjectiveAndKeepsTheSchema()
    {
        const string objective = "Say \"hi\" to Montréal \\ shoppers\nwith 10% off 🙂";
        string instruction = InterpretationPrompt.SystemInstruction(HomeFurnishingProfile.Load());

        JsonObject body = JsonNode.Parse(VertexAiClient.BuildBody(new VertexRequest(instruction, [("user", objective)], true, ModelSchema(), 0, null)))!.AsObject();

        Assert.Equal(objective, (string?)body["contents"]![0]!["parts"]![0]!["text"]);
        Assert.Equal(instruction, (string?)body["systemInstruction"]!["parts"]![0]!["text"]);
        Assert.Equal("OBJECT", (string?)body["generationConfig"]!["responseSchema"]!["type"]);
        Assert.Equal(0, (int)body["generationConfig"]!["temperature"]!);
    }

    [Fact]
    public async Task ChatClient_SendsTheSchemaAndMessagesAndReadsTheTokenCounts()
    {
        string answer = JsonSerializer.Serialize(new
        {
            candidates = new[] { new { content = new { role = "model", parts = new[] { new { text = """{"sql":"SELECT 1"}""" } } }, finishReason = "STOP" } },
            usageMetadata = new { promptTokenCount = 120, candidatesTokenCount = 9, totalTokenCount = 129 },
            modelVersion = "gemini-2.5-flash-001",
        });
        await using FakeVertexServer server = new((_, _) => new FakeResponse(200, answer));
        using HttpClient http = new();
        using VertexAiClient client = Create(server.Endpoint, http);
        VertexChatClient chat = new(client, new GeminiOptions { ProjectId = "p", Endpoint = server.Endpoint });
        using JsonDocument schema = JsonDocument.Parse("""{"type":"object","properties":{"sql":{"type":"string"}},"required":["sql"]}""");

        ChatResponse response = await chat.GetResponseAsync(
            [new(ChatRole.System, "Write SQL."), new(ChatRole.User, "How many customers?")],
            new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema.RootElement, "sql") });

        Assert.Equal("""{"sql":"SELECT 1"}""", response.Text);
        Assert.Equal(120, response.Usage!.InputTokenCount);
        Assert.Equal(9, response.Usage.OutputTokenCount);
        Assert.Equal("gemini-2.5-flash-001", response.ModelId);
        JsonObject body = JsonNode.Parse(Assert.Single(server.Requests).Body)!.AsObject();
        Assert.Equal("STRING", (string?)body["generationConfig"]!["responseSchema"]!["properties"]!["sql"]!["type"]);
        Assert.Equal("application/json", (string?)body["generationConfig"]!["responseMimeType"]);
        Assert.Equal("Write SQL.", (string?)body["systemInstruction"]!["parts"]![0]!["text"]);
        Assert.Equal("How many customers?", (string?)body["contents"]![0]!["parts"]![0]!["text"]);
    }

    [Fact]
    public void VertexSchema_HasNoJsonSchemaOnlyKeywords()
    {
        string schema = Encoding.UTF8.GetString(ModelSchema());

        Assert.DoesNotContain("\"$schema\"", schema, StringComparison.Ordinal);
        Assert.DoesNotContain("\"null\"", schema, StringComparison.Ordinal);
        Assert.DoesNotContain("\"title\"", schema, StringComparison.Ordinal);
        Assert.Contains("\"nullable\":true", schema, StringComparison.Ordinal);
    }
}

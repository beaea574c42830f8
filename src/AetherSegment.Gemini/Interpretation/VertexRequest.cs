namespace AetherSegment.Gemini.Interpretation;

/// <summary>One generateContent request: the system instruction, the turns (role <c>user</c> or <c>model</c>, text), JSON mode and schema.</summary>
/// <param name="SystemInstruction">The system instruction; null for none.</param>
/// <param name="Contents">The conversation turns in order.</param>
/// <param name="Json">Ask for <c>application/json</c>.</param>
/// <param name="ResponseSchema">The response schema in Vertex's OpenAPI subset as UTF-8 JSON; null for none.</param>
/// <param name="Temperature">The sampling temperature; null for the model's default.</param>
/// <param name="MaxOutputTokens">The output token limit; null for the model's default.</param>
internal sealed record VertexRequest(
    string? SystemInstruction,
    IReadOnlyList<(string Role, string Text)> Contents,
    bool Json,
    byte[]? ResponseSchema,
    float? Temperature,
    int? MaxOutputTokens);

/// <summary>The text of a generateContent answer with its token counts (<c>usageMetadata</c>) and <c>modelVersion</c>.</summary>
internal sealed record VertexAnswer(string Text, long? InputTokens, long? OutputTokens, long? TotalTokens, string? ModelVersion);

using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using OpenAI;

namespace AetherSegment.Hosting;

/// <summary>
/// The sample hosts' <c>AetherSegment:Chat</c> section: any OpenAI-compatible chat endpoint (OpenAI, Azure OpenAI,
/// Ollama at <c>http://localhost:11434/v1</c>, vLLM, LM Studio) used when <c>AetherSegment:Interpreter</c> is <c>chat</c>.
/// A host of your own passes any <see cref="IChatClient"/> to <c>AddChatClientInterpreter</c> instead.
/// </summary>
/// <param name="Endpoint">The base URL of the OpenAI-compatible API.</param>
/// <param name="Model">The model name.</param>
/// <param name="ApiKey">The API key, when the endpoint needs one.</param>
public sealed record ChatEndpointSettings(Uri Endpoint, string Model, string? ApiKey)
{
    /// <summary>The configuration section: <c>AetherSegment:Chat</c>.</summary>
    public const string SectionName = "AetherSegment:Chat";

    /// <summary>Reads and validates the section; a missing or bad value fails naming its key.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is missing or invalid.</exception>
    public static ChatEndpointSettings From(IConfiguration configuration)
    {
        IConfigurationSection section = configuration.GetSection(SectionName);
        List<string> failures = [];
        string? endpoint = section["Endpoint"];
        string? model = section["Model"];
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{SectionName}:Endpoint must be the absolute http(s) URL of an OpenAI-compatible API when AetherSegment:Interpreter is chat.");
        }

        if (string.IsNullOrWhiteSpace(model))
        {
            failures.Add($"{SectionName}:Model must name a model when AetherSegment:Interpreter is chat.");
        }

        if (failures.Count > 0)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(SectionName, typeof(ChatEndpointSettings), failures);
        }

        return new ChatEndpointSettings(uri!, model!, section["ApiKey"]);
    }

    /// <summary>An <see cref="IChatClient"/> over the endpoint.</summary>
    public IChatClient CreateChatClient() =>
        new OpenAIClient(new ApiKeyCredential(ApiKey ?? "none"), new OpenAIClientOptions { Endpoint = Endpoint })
            .GetChatClient(Model)
            .AsIChatClient();
}

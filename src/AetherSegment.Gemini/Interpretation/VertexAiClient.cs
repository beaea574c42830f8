using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Apis.Auth.OAuth2;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace AetherSegment.Gemini.Interpretation;

/// <summary>
/// The one place that speaks Vertex AI's REST <c>generateContent</c> (shared/contracts/providers.md): builds the
/// request (system instruction, contents, <c>responseMimeType: application/json</c>, the response schema in Vertex's
/// OpenAPI subset), authenticates (access token, API key as <c>?key=</c>, else Application Default Credentials) and
/// returns the answer text with its token counts. Retries (429, 5xx, Retry-After honoured, jitter), the attempt and
/// total timeouts and the circuit breaker are the HTTP client's resilience handler (Microsoft.Extensions.Http.Resilience,
/// see <see cref="GeminiResilience"/>); this class turns what they throw into one-line reasons. Thread-safe.
/// </summary>
internal sealed class VertexAiClient : IDisposable
{
    private const string CloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform";

    private readonly HttpClient _http;
    private readonly GeminiOptions _options;
    private readonly ILogger _logger;
    private readonly Uri _requestUri;
    private readonly string _authority;
    private readonly SemaphoreSlim _credentialLock = new(1, 1);
    private GoogleCredential? _credential;

    /// <summary>Creates the client.</summary>
    /// <param name="options">The Gemini options.</param>
    /// <param name="logger">Logger; null for none.</param>
    /// <param name="http">The HTTP client, with the resilience handler in the container (not disposed here).</param>
    public VertexAiClient(IOptions<GeminiOptions> options, ILogger<VertexAiClient>? logger, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        _options = options.Value;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _http = http;
        _requestUri = BuildUri(_options);
        _authority = _requestUri.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>The generateContent URL (with <c>?key=</c> when an API key is configured).</summary>
    public Uri RequestUri => _requestUri;

    /// <summary>Sends one request and returns the model's text and token counts.</summary>
    /// <param name="request">What to send.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="VertexAiException">Timeout, HTTP error after retries, open circuit, authentication failure or an answer without text.</exception>
    public async Task<VertexAnswer> GenerateAsync(VertexRequest request, CancellationToken cancellationToken)
    {
        byte[] body = BuildBody(request);
        GeminiLog.Calling(_logger, _options.Model, _authority);
        try
        {
            using HttpRequestMessage message = new(HttpMethod.Post, _requestUri) { Content = new ByteArrayContent(body) };
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            await AuthorizeAsync(message, cancellationToken).ConfigureAwait(false);
            using HttpResponseMessage response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    return await ReadAnswerAsync(stream, cancellationToken).ConfigureAwait(false);
                }
            }

            int code = (int)response.StatusCode;
            string errorDetail = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            bool transient = code is 408 or 429 or >= 500;
            string retries = transient && _options.MaxRetries > 0 ? $" after {_options.MaxRetries} retries" : "";
            throw new VertexAiException($"Vertex AI answered HTTP {code} ({response.StatusCode}){retries}{errorDetail}");
        }
        catch (TimeoutRejectedException ex)
        {
            throw new VertexAiException(string.Create(CultureInfo.InvariantCulture, $"Vertex AI did not answer within the timeout of {ex.Timeout.TotalSeconds:0.###} s"), ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new VertexAiException("Vertex AI is not called: the circuit breaker is open after repeated failures", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new VertexAiException($"Vertex AI could not be reached ({ex.Message})", ex);
        }
    }

    /// <summary>Builds the request body (exposed for benchmarks and tests).</summary>
    public static byte[] BuildBody(VertexRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArrayBufferWriter<byte> buffer = new(4096 + (request.ResponseSchema?.Length ?? 0));
        using (Utf8JsonWriter writer = new(buffer))
        {
            writer.WriteStartObject();
            if (!string.IsNullOrEmpty(request.SystemInstruction))
            {
                writer.WriteStartObject("systemInstruction");
                writer.WriteStartArray("parts");
                writer.WriteStartObject();
                writer.WriteString("text", request.SystemInstruction);
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteStartArray("contents");
            foreach ((string role, string text) in request.Contents)
            {
                writer.WriteStartObject();
                writer.WriteString("role", role);
                writer.WriteStartArray("parts");
                writer.WriteStartObject();
                writer.WriteString("text", text);
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("generationConfig");
            if (request.Json)
            {
                writer.WriteString("responseMimeType", "application/json");
            }

            if (request.ResponseSchema is { } schema)
            {
                writer.WritePropertyName("responseSchema");
                writer.WriteRawValue(schema, skipInputValidation: true);
            }

            if (request.Temperature is { } temperature)
            {
                writer.WriteNumber("temperature", temperature);
            }

            if (request.MaxOutputTokens is { } max)
            {
                writer.WriteNumber("maxOutputTokens", max);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads the answer text, <c>usageMetadata</c> and <c>modelVersion</c> from a generateContent response.</summary>
    public static async Task<VertexAnswer> ReadAnswerAsync(Stream stream, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new VertexAiException($"Vertex AI's response is not JSON ({ex.Message.Split(" Path:", 2)[0]})", ex);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            string text = ReadText(root);
            long? input = null, output = null, total = null;
            if (root.TryGetProperty("usageMetadata", out JsonElement usage) && usage.ValueKind == JsonValueKind.Object)
            {
                input = Count(usage, "promptTokenCount");
                output = Count(usage, "candidatesTokenCount");
                total = Count(usage, "totalTokenCount");
            }

            string? model = root.TryGetProperty("modelVersion", out JsonElement version) && version.ValueKind == JsonValueKind.String ? version.GetString() : null;
            return new VertexAnswer(text, input, output, total, model);
        }
    }

    /// <summary>Reads the answer text from a parsed response.</summary>
    public static string ReadText(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("candidates", out JsonElement candidates)
            && candidates.ValueKind == JsonValueKind.Array && candidates.GetArrayLength() > 0)
        {
            JsonElement candidate = candidates[0];
            if (candidate.TryGetProperty("content", out JsonElement content) && content.TryGetProperty("parts", out JsonElement parts)
                && parts.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement part in parts.EnumerateArray())
                {
                    bool thought = part.TryGetProperty("thought", out JsonElement t) && t.ValueKind == JsonValueKind.True;
                    if (!thought && part.TryGetProperty("text", out JsonElement text) && text.ValueKind == JsonValueKind.String)
                    {
                        return text.GetString()!;
                    }
                }
            }

            string finish = candidate.TryGetProperty("finishReason", out JsonElement reason) ? reason.ToString() : "unknown";
            throw new VertexAiException($"Vertex AI returned a candidate without text (finishReason {finish})");
        }

        string blocked = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("promptFeedback", out JsonElement feedback)
            && feedback.TryGetProperty("blockReason", out JsonElement block) ? $" (blockReason {block})" : "";
        throw new VertexAiException($"Vertex AI returned no candidates{blocked}");
    }

    private static long? Count(JsonElement usage, string name) =>
        usage.TryGetProperty(name, out JsonElement value) && value.TryGetInt64(out long count) ? count : null;

    public void Dispose()
    {
        _credentialLock.Dispose();
    }

    private static Uri BuildUri(GeminiOptions options)
    {
        string endpoint = options.ResolveEndpoint().ToString().TrimEnd('/');
        StringBuilder uri = new(endpoint);
        uri.Append("/v1/projects/").Append(Uri.EscapeDataString(options.ProjectId ?? ""))
            .Append("/locations/").Append(Uri.EscapeDataString(options.Location))
            .Append("/publishers/google/models/").Append(Uri.EscapeDataString(options.Model))
            .Append(":generateContent");
        if (string.IsNullOrEmpty(options.AccessToken) && !string.IsNullOrEmpty(options.ApiKey))
        {
            uri.Append("?key=").Append(Uri.EscapeDataString(options.ApiKey));
        }

        return new Uri(uri.ToString());
    }

    private async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(_options.AccessToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.AccessToken);
            return;
        }

        if (!string.IsNullOrEmpty(_options.ApiKey))
        {
            return;
        }

        string token;
        try
        {
            GoogleCredential credential = await GetCredentialAsync(cancellationToken).ConfigureAwait(false);
            token = await ((ITokenAccess)credential).GetAccessTokenForRequestAsync(cancellationToken: cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new VertexAiException($"authentication failed: no AccessToken or ApiKey is configured and Application Default Credentials are not usable ({FirstLine(ex.Message)})", ex);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    private async Task<GoogleCredential> GetCredentialAsync(CancellationToken cancellationToken)
    {
        if (_credential is { } cached)
        {
            return cached;
        }

        await _credentialLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_credential is null)
            {
                GoogleCredential credential = await GoogleCredential.GetApplicationDefaultAsync(cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
                _credential = credential.IsCreateScopedRequired ? credential.CreateScoped(CloudPlatformScope) : credential;
            }

            return _credential;
        }
        finally
        {
            _credentialLock.Release();
        }
    }

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(text))
            {
                return "";
            }

            string? message = JsonNode.Parse(text)?["error"]?["message"]?.GetValue<string>();
            return message is null ? "" : $": {FirstLine(message)}";
        }
        catch (JsonException)
        {
            return "";
        }
        catch (InvalidOperationException)
        {
            return "";
        }
    }

    private static string FirstLine(string message)
    {
        string line = message.ReplaceLineEndings(" ").Trim();
        return line.Length > 300 ? line[..300] + "..." : line;
    }
}

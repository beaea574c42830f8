using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AetherSegment.Interpretation;
using AetherSegment.Profiles;
using Google.Apis.Auth.OAuth2;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AetherSegment.Gemini.Interpretation;

/// <summary>
/// The one place that speaks Vertex AI's REST <c>generateContent</c> (shared/contracts/providers.md): builds the
/// request (system instruction, the objective, <c>responseMimeType: application/json</c>, the response schema),
/// authenticates (access token, API key as <c>?key=</c>, else Application Default Credentials), applies the per-request
/// timeout, retries 429 and 5xx with exponential backoff and jitter (honouring <c>Retry-After</c>) and returns
/// <c>candidates[0].content.parts[0].text</c>. Swap this class to move to the official client. Thread-safe.
/// </summary>
internal sealed class VertexAiClient : IDisposable
{
    private const string CloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform";
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly GeminiOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Random _jitter;
    private readonly Lock _jitterLock = new();
    private readonly Uri _requestUri;
    private readonly string _authority;
    private readonly byte[] _schemaJson;
    private readonly SemaphoreSlim _credentialLock = new(1, 1);
    private GoogleCredential? _credential;
    private BodyTemplate _template;

    /// <summary>Creates the client.</summary>
    /// <param name="options">The Gemini options.</param>
    /// <param name="timeProvider">Clock for timeouts and backoff.</param>
    /// <param name="profile">The business whose Campaign Objective schema and prompt the interpretation requests carry.</param>
    /// <param name="logger">Logger; null for none.</param>
    /// <param name="http">An HTTP client to use (not disposed); null creates one.</param>
    public VertexAiClient(IOptions<GeminiOptions> options, TimeProvider timeProvider, BusinessProfile profile, ILogger<VertexAiClient>? logger = null, HttpClient? http = null)
    {
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _ownsHttp = http is null;
        _http = http ?? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
        _jitter = new Random(_options.RetryJitterSeed);
        _requestUri = BuildUri(_options);
        _authority = _requestUri.GetLeftPart(UriPartial.Authority);
        _schemaJson = JsonSerializer.SerializeToUtf8Bytes(VertexSchemaConverter.Convert(ModelAnswerSchema.Create(profile)));
        _template = new BodyTemplate(InterpretationPrompt.SystemInstruction(profile), _schemaJson);
    }

    /// <summary>The generateContent URL (with <c>?key=</c> when an API key is configured).</summary>
    public Uri RequestUri => _requestUri;

    /// <summary>Sends one objective and returns the model's text.</summary>
    /// <exception cref="VertexAiException">Timeout, HTTP error after retries, authentication failure or an answer without text.</exception>
    public Task<string> GenerateAsync(string systemInstruction, string userText, CancellationToken cancellationToken) =>
        SendAsync(BuildBody(systemInstruction, userText), cancellationToken);

    /// <summary>
    /// Sends a prompt with another response schema (already in Vertex's OpenAPI subset, as UTF-8 JSON) and returns the
    /// model's text: the same transport, authentication, timeout and retries for other features (analytics SQL).
    /// </summary>
    /// <exception cref="VertexAiException">Timeout, HTTP error after retries, authentication failure or an answer without text.</exception>
    public Task<string> GenerateAsync(string systemInstruction, string userText, byte[] responseSchemaJson, CancellationToken cancellationToken) =>
        SendAsync(new BodyTemplate(systemInstruction, responseSchemaJson).Build(userText), cancellationToken);

    private async Task<string> SendAsync(byte[] body, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            GeminiLog.Calling(_logger, _options.Model, _authority, attempt + 1);
            using CancellationTokenSource timeout = new(_options.Timeout, _timeProvider);
            using CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            HttpStatusCode status;
            TimeSpan? retryAfter;
            string errorDetail;
            try
            {
                using HttpRequestMessage request = new(HttpMethod.Post, _requestUri) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                await AuthorizeAsync(request, linked.Token).ConfigureAwait(false);
                using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    Stream stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
                    await using (stream.ConfigureAwait(false))
                    {
                        return await ReadTextAsync(stream, linked.Token).ConfigureAwait(false);
                    }
                }

                status = response.StatusCode;
                retryAfter = RetryAfter(response);
                errorDetail = await ReadErrorAsync(response, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new VertexAiException(string.Create(CultureInfo.InvariantCulture, $"Vertex AI did not answer within the timeout of {_options.Timeout.TotalSeconds:0.###} s"));
            }
            catch (HttpRequestException ex) when (attempt < _options.MaxRetries)
            {
                TimeSpan delay = Backoff(attempt, null);
                GeminiLog.RetryingAfterError(_logger, ex.Message, delay.TotalMilliseconds, attempt + 1, _options.MaxRetries);
                await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (HttpRequestException ex)
            {
                throw new VertexAiException($"Vertex AI could not be reached ({ex.Message})", ex);
            }

            int code = (int)status;
            bool transient = code == 429 || code >= 500;
            if (!transient || attempt >= _options.MaxRetries)
            {
                string retries = transient && attempt > 0 ? $" after {attempt} retries" : "";
                throw new VertexAiException($"Vertex AI answered HTTP {code} ({status}){retries}{errorDetail}");
            }

            TimeSpan wait = Backoff(attempt, retryAfter);
            GeminiLog.Retrying(_logger, code, wait.TotalMilliseconds, attempt + 1, _options.MaxRetries);
            await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Builds the request body (exposed for benchmarks and tests).</summary>
    /// <remarks>Everything but the objective is written once per system instruction and reused.</remarks>
    public byte[] BuildBody(string systemInstruction, string userText)
    {
        BodyTemplate template = _template;
        if (!ReferenceEquals(template.SystemInstruction, systemInstruction))
        {
            template = new BodyTemplate(systemInstruction, _schemaJson);
            _template = template;
        }

        return template.Build(userText);
    }

    /// <summary>The constant parts of a request body around the objective's JSON string.</summary>
    private sealed class BodyTemplate
    {
        private const string Marker = "\u0001objective\u0001";

        public BodyTemplate(string systemInstruction, byte[] schemaJson)
        {
            SystemInstruction = systemInstruction;
            ArrayBufferWriter<byte> buffer = new(8192 + schemaJson.Length);
            using (Utf8JsonWriter writer = new(buffer))
            {
                writer.WriteStartObject();
                writer.WriteStartObject("systemInstruction");
                writer.WriteStartArray("parts");
                writer.WriteStartObject();
                writer.WriteString("text", systemInstruction);
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.WriteStartArray("contents");
                writer.WriteStartObject();
                writer.WriteString("role", "user");
                writer.WriteStartArray("parts");
                writer.WriteStartObject();
                writer.WritePropertyName("text");
                writer.WriteRawValue("\"" + Marker + "\"", skipInputValidation: true);
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteStartObject("generationConfig");
                writer.WriteString("responseMimeType", "application/json");
                writer.WritePropertyName("responseSchema");
                writer.WriteRawValue(schemaJson, skipInputValidation: true);
                writer.WriteNumber("temperature", 0);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            ReadOnlySpan<byte> written = buffer.WrittenSpan;
            byte[] marker = Encoding.UTF8.GetBytes("\"" + Marker + "\"");
            int at = written.IndexOf(marker);
            Prefix = written[..at].ToArray();
            Suffix = written[(at + marker.Length)..].ToArray();
        }

        public string SystemInstruction { get; }

        /// <summary>The body for one user text: prefix, the text as a JSON string, suffix.</summary>
        public byte[] Build(string userText)
        {
            ArrayBufferWriter<byte> buffer = new(Prefix.Length + Suffix.Length + (userText.Length * 6) + 2);
            buffer.Write(Prefix);
            using (Utf8JsonWriter writer = new(buffer))
            {
                writer.WriteStringValue(userText);
            }

            buffer.Write(Suffix);
            return buffer.WrittenSpan.ToArray();
        }

        public byte[] Prefix { get; }

        public byte[] Suffix { get; }
    }

    /// <summary>Reads <c>candidates[0].content.parts[0].text</c> from a generateContent response.</summary>
    public static async Task<string> ReadTextAsync(Stream stream, CancellationToken cancellationToken)
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
            return ReadText(document.RootElement);
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

    public void Dispose()
    {
        _credentialLock.Dispose();
        if (_ownsHttp)
        {
            _http.Dispose();
        }
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

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        RetryConditionHeaderValue? header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            TimeSpan wait = date - _timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } server)
        {
            return server < MaxRetryDelay ? server : MaxRetryDelay;
        }

        double baseMs = _options.RetryBaseDelay.TotalMilliseconds;
        double jitter;
        lock (_jitterLock)
        {
            jitter = _jitter.NextDouble();
        }

        double ms = (baseMs * Math.Pow(2, attempt)) + (jitter * baseMs);
        return TimeSpan.FromMilliseconds(Math.Min(ms, MaxRetryDelay.TotalMilliseconds));
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

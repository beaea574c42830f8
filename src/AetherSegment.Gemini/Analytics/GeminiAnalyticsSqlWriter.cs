using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AetherSegment.Analytics;
using Google.Apis.Auth.OAuth2;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AetherSegment.Gemini.Analytics;

/// <summary>
/// Asks Gemini on Vertex AI (REST <c>generateContent</c>, JSON response schema <c>{sql}</c>) to write analytics SQL.
/// What it returns is checked by the analytics service's SQL guard before anything runs.
/// </summary>
/// <remarks>Thread-safe; owns one <see cref="HttpClient"/>.</remarks>
internal sealed partial class GeminiAnalyticsSqlWriter : IAnalyticsSqlWriter, IDisposable
{
    private const string Scope = "https://www.googleapis.com/auth/cloud-platform";

    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly GeminiOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<GeminiAnalyticsSqlWriter> _logger;
    private readonly SemaphoreSlim _credentialLock = new(1, 1);
    private ITokenAccess? _credential;

    public GeminiAnalyticsSqlWriter(IOptions<GeminiOptions> options, TimeProvider time, ILogger<GeminiAnalyticsSqlWriter> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public async Task<string?> WriteSqlAsync(AnalyticsSqlRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string body = BuildBody(request);
        for (int attempt = 0; ; attempt++)
        {
            using CancellationTokenSource timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            using HttpRequestMessage message = await CreateRequestAsync(body, timeout.Token).ConfigureAwait(false);
            using HttpResponseMessage response = await _http.SendAsync(message, timeout.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                string json = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
                string? text = ReadText(json);
                LogAnswer(_logger, text ?? "");
                return AnalyticsSqlPrompt.ReadAnswer(text);
            }

            bool retry = response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
            if (!retry || attempt >= _options.MaxRetries)
            {
                throw new HttpRequestException(string.Create(CultureInfo.InvariantCulture, $"Gemini answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}."), null, response.StatusCode);
            }

            LogRetry(_logger, (int)response.StatusCode, attempt + 1);
            await Task.Delay(TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt)), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _credentialLock.Dispose();
    }

    internal static string BuildBody(AnalyticsSqlRequest request)
    {
        JsonObject body = new()
        {
            ["systemInstruction"] = new JsonObject { ["parts"] = new JsonArray(new JsonObject { ["text"] = AnalyticsSqlPrompt.SystemInstruction(request) }) },
            ["contents"] = new JsonArray(new JsonObject
            {
                ["role"] = "user",
                ["parts"] = new JsonArray(new JsonObject { ["text"] = AnalyticsSqlPrompt.UserMessage(request) }),
            }),
            ["generationConfig"] = new JsonObject
            {
                ["temperature"] = 0,
                ["responseMimeType"] = "application/json",
                ["responseSchema"] = new JsonObject
                {
                    ["type"] = "OBJECT",
                    ["properties"] = new JsonObject { ["sql"] = new JsonObject { ["type"] = "STRING" } },
                    ["required"] = new JsonArray("sql"),
                },
            },
        };
        return body.ToJsonString();
    }

    private static string? ReadText(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("candidates", out JsonElement candidates) || candidates.GetArrayLength() == 0
            || !candidates[0].TryGetProperty("content", out JsonElement content) || !content.TryGetProperty("parts", out JsonElement parts))
        {
            return null;
        }

        StringBuilder text = new();
        foreach (JsonElement part in parts.EnumerateArray())
        {
            if (part.TryGetProperty("text", out JsonElement value))
            {
                text.Append(value.GetString());
            }
        }

        return text.ToString();
    }

    private async Task<HttpRequestMessage> CreateRequestAsync(string body, CancellationToken cancellationToken)
    {
        string endpoint = _options.ResolveEndpoint().ToString().TrimEnd('/');
        string url = $"{endpoint}/v1/projects/{Uri.EscapeDataString(_options.ProjectId ?? "")}/locations/{Uri.EscapeDataString(_options.Location)}/publishers/google/models/{Uri.EscapeDataString(_options.Model)}:generateContent";
        HttpRequestMessage message = new(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (!string.IsNullOrEmpty(_options.AccessToken))
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.AccessToken);
        }
        else if (!string.IsNullOrEmpty(_options.ApiKey))
        {
            message.Headers.Add("x-goog-api-key", _options.ApiKey);
        }
        else
        {
            ITokenAccess credential = await GetCredentialAsync(cancellationToken).ConfigureAwait(false);
            string token = await credential.GetAccessTokenForRequestAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return message;
    }

    private async Task<ITokenAccess> GetCredentialAsync(CancellationToken cancellationToken)
    {
        await _credentialLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_credential is null)
            {
                GoogleCredential credential = await GoogleCredential.GetApplicationDefaultAsync(cancellationToken).ConfigureAwait(false);
                _credential = credential.CreateScoped(Scope);
            }

            return _credential;
        }
        finally
        {
            _credentialLock.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Trace, Message = "Gemini analytics answer: {Text}")]
    private static partial void LogAnswer(ILogger logger, string text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gemini answered HTTP {Status}; retry {Attempt}")]
    private static partial void LogRetry(ILogger logger, int status, int attempt);
}

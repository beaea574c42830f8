using System.ComponentModel.DataAnnotations;

namespace AetherSegment.Gemini;

/// <summary>Settings of the Gemini interpreter on Vertex AI (configuration section <c>AetherSegment:Gemini</c>).</summary>
public sealed class GeminiOptions
{
    /// <summary>The configuration section: <c>AetherSegment:Gemini</c>.</summary>
    public const string SectionName = "AetherSegment:Gemini";

    /// <summary>The Google Cloud project of the Vertex AI endpoint. Required.</summary>
    /// <value>The default value is <see langword="null"/> (falls back to GOOGLE_CLOUD_PROJECT in the hosts).</value>
    [Required(AllowEmptyStrings = false, ErrorMessage = "AetherSegment:Gemini:ProjectId is required when the interpreter is gemini.")]
    public string? ProjectId { get; set; }

    /// <summary>The Vertex AI region.</summary>
    /// <value>The default value is <c>us-central1</c>.</value>
    [Required(AllowEmptyStrings = false, ErrorMessage = "AetherSegment:Gemini:Location must name a region.")]
    public string Location { get; set; } = "us-central1";

    /// <summary>The publisher model to call.</summary>
    /// <value>The default value is <c>gemini-2.5-flash</c>.</value>
    [Required(AllowEmptyStrings = false, ErrorMessage = "AetherSegment:Gemini:Model must name a model.")]
    public string Model { get; set; } = "gemini-2.5-flash";

    /// <summary>The REST base URL; when null, <c>https://{Location}-aiplatform.googleapis.com</c>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    [Url(ErrorMessage = "AetherSegment:Gemini:Endpoint must be an absolute URL.")]
    public string? Endpoint { get; set; }

    /// <summary>A bearer token used as is; when this and <see cref="ApiKey"/> are null, Application Default Credentials are used.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? AccessToken { get; set; }

    /// <summary>A Vertex AI API key (express mode).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? ApiKey { get; set; }

    /// <summary>The timeout of one attempt (each retry gets its own).</summary>
    /// <value>The default value is 20 seconds.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>On timeout, HTTP error or an invalid answer, answer with the rule-based interpreter and say so in warnings.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool FallbackToRules { get; set; } = true;

    /// <summary>The timeout of one call including its retries and their delays; must exceed <see cref="Timeout"/>.</summary>
    /// <value>The default value is 60 seconds.</value>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many calls within the sampling window (30 s, or twice <see cref="Timeout"/>) the circuit breaker needs before half of them failing opens it.</summary>
    /// <value>The default value is 10.</value>
    public int CircuitBreakerMinimumThroughput { get; set; } = 10;

    /// <summary>How long an open circuit fails calls at once (the fallback answers) before one call probes the service.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a 408, 429, 5xx answer or a connection failure is retried with exponential backoff.</summary>
    /// <value>The default value is 3.</value>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry delay; each further retry doubles it, with random jitter. A <c>Retry-After</c> header wins.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The seed of the retry jitter (randomness is seeded, as everywhere in AetherSegment).</summary>
    /// <value>The default value is 4.</value>
    public int RetryJitterSeed { get; set; } = 4;

    /// <summary>The endpoint to call: <see cref="Endpoint"/> or the regional default.</summary>
    public Uri ResolveEndpoint() => new(string.IsNullOrWhiteSpace(Endpoint) ? $"https://{Location}-aiplatform.googleapis.com" : Endpoint);
}

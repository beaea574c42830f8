using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace AetherSegment.Gemini;

/// <summary>
/// The Vertex AI HTTP client's resilience, from Microsoft.Extensions.Http.Resilience's standard handler configured by
/// <see cref="GeminiOptions"/>: retries of 408, 429, 5xx and connection failures with exponential backoff and seeded
/// jitter, honouring <c>Retry-After</c>; an attempt timeout (<see cref="GeminiOptions.Timeout"/>) and a total timeout
/// (<see cref="GeminiOptions.TotalTimeout"/>); a circuit breaker that, once open, fails calls at once so the fallback
/// answers without waiting.
/// </summary>
internal static class GeminiResilience
{
    /// <summary>The named HTTP client of the Vertex AI transport.</summary>
    public const string HttpClientName = "AetherSegment.Gemini";

    /// <summary>Applies the options to the standard handler.</summary>
    public static void Configure(HttpStandardResilienceOptions resilience, GeminiOptions options)
    {
        resilience.Retry.MaxRetryAttempts = Math.Max(1, options.MaxRetries);
        if (options.MaxRetries == 0)
        {
            resilience.Retry.ShouldHandle = static _ => PredicateResult.False();
        }

        resilience.Retry.BackoffType = DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = true;
        resilience.Retry.Delay = options.RetryBaseDelay;
        resilience.Retry.MaxDelay = TimeSpan.FromSeconds(60);
        resilience.Retry.ShouldRetryAfterHeader = true;
        Random jitter = new(options.RetryJitterSeed);
        resilience.Retry.Randomizer = () =>
        {
            lock (jitter)
            {
                return jitter.NextDouble();
            }
        };
        resilience.AttemptTimeout.Timeout = options.Timeout;
        resilience.TotalRequestTimeout.Timeout = options.TotalTimeout;
        resilience.CircuitBreaker.MinimumThroughput = options.CircuitBreakerMinimumThroughput;
        resilience.CircuitBreaker.FailureRatio = 0.5;
        resilience.CircuitBreaker.BreakDuration = options.CircuitBreakerBreakDuration;
        TimeSpan sampling = options.Timeout * 2;
        resilience.CircuitBreaker.SamplingDuration = sampling > TimeSpan.FromSeconds(30) ? sampling : TimeSpan.FromSeconds(30);
    }
}

using System.Text.Json;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AetherSegment.BigQuery.Rest;

/// <summary>
/// The BigQuery REST client's resilience, built with Microsoft.Extensions.Http.Resilience and Polly from
/// <see cref="BigQueryOptions"/>, in the order of the standard handler: a total timeout, a retry (exponential backoff
/// with seeded jitter, <c>Retry-After</c> honoured), a circuit breaker and an attempt timeout. The resumable upload has
/// its own retry (each attempt asks the session what arrived and sends the rest) over the same circuit breaker.
/// </summary>
internal sealed class BigQueryResilience
{
    /// <summary>Error reasons BigQuery gives to failures worth retrying.</summary>
    internal static readonly string[] RetryableReasons = ["rateLimitExceeded", "backendError", "internalError"];

    /// <summary>The longest <c>Retry-After</c> or backoff delay honoured.</summary>
    internal static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    public BigQueryResilience(BigQueryOptions options, TimeProvider time, Action<int, TimeSpan, string> onRetry, Action<TimeSpan> onBreak)
    {
        ArgumentNullException.ThrowIfNull(options);
        Random jitter = new(options.RetryJitterSeed);
        Func<double> randomizer = () =>
        {
            lock (jitter)
            {
                return jitter.NextDouble();
            }
        };
        TimeSpan sampling = options.Timeout * 2;
        ResiliencePipeline<HttpResponseMessage> breaker = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                MinimumThroughput = options.CircuitBreakerMinimumThroughput,
                FailureRatio = 0.5,
                SamplingDuration = sampling > TimeSpan.FromSeconds(30) ? sampling : TimeSpan.FromSeconds(30),
                BreakDuration = options.CircuitBreakerBreakDuration,
                ShouldHandle = args => IsTransientAsync(args.Outcome, args.Context.CancellationToken),
                OnOpened = args =>
                {
                    onBreak(args.BreakDuration);
                    return default;
                },
            })
            .Build();

        HttpRetryStrategyOptions retry = new()
        {
            MaxRetryAttempts = Math.Max(1, options.MaxRetries),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = MaxDelay,
            ShouldRetryAfterHeader = true,
            ShouldHandle = options.MaxRetries == 0
                ? static _ => PredicateResult.False()
                : args => IsTransientAsync(args.Outcome, args.Context.CancellationToken),
            OnRetry = args =>
            {
                onRetry(args.AttemptNumber + 2, args.RetryDelay, args.Outcome.Exception?.Message ?? $"HTTP {(int)args.Outcome.Result!.StatusCode}");
                return default;
            },
            Randomizer = randomizer,
        };
        Requests = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddTimeout(options.TotalTimeout)
            .AddRetry(retry)
            .AddPipeline(breaker)
            .AddTimeout(options.Timeout)
            .Build();
        UploadRequests = breaker;

        Upload = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = MaxDelay,
                ShouldHandle = options.MaxRetries == 0
                    ? static _ => PredicateResult.False()
                    : args => new ValueTask<bool>(args.Outcome.Exception is UploadInterruptedException or HttpRequestException or TimeoutRejectedException
                        || (args.Outcome.Exception is OperationCanceledException && !args.Context.CancellationToken.IsCancellationRequested)),
                DelayGenerator = static args => new ValueTask<TimeSpan?>(
                    args.Outcome.Exception is UploadInterruptedException { RetryAfter: { } after } && after > TimeSpan.Zero && after <= MaxDelay ? after : null),
                OnRetry = args =>
                {
                    onRetry(args.AttemptNumber + 2, args.RetryDelay, args.Outcome.Exception?.Message ?? "upload interrupted");
                    return default;
                },
                Randomizer = randomizer,
            })
            .AddTimeout(options.Timeout)
            .Build();
    }

    /// <summary>Every request but upload chunks: total timeout, retry, circuit breaker, attempt timeout.</summary>
    public ResiliencePipeline<HttpResponseMessage> Requests { get; }

    /// <summary>Upload chunks and status queries as they pass the HTTP handler: only the shared circuit breaker.</summary>
    public ResiliencePipeline<HttpResponseMessage> UploadRequests { get; }

    /// <summary>Attempts of the resumable upload: retry (each attempt resumes at the offset the session reports), attempt timeout.</summary>
    public ResiliencePipeline Upload { get; }

    /// <summary>Transient: a connection failure or attempt timeout, 408, 429, 5xx, or an error body whose reason is a rate limit or backend error.</summary>
    internal static async ValueTask<bool> IsTransientAsync(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        if (outcome.Exception is { } exception)
        {
            return exception is HttpRequestException or TimeoutRejectedException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);
        }

        HttpResponseMessage response = outcome.Result!;
        if (response.IsSuccessStatusCode || (int)response.StatusCode == 308)
        {
            return false;
        }

        if (IsTransientStatus((int)response.StatusCode))
        {
            return true;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return HasRetryableReason(text);
    }

    internal static bool IsTransientStatus(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    internal static bool HasRetryableReason(string text)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out JsonElement error)
                && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("errors", out JsonElement errors)
                && errors.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in errors.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("reason", out JsonElement r) && RetryableReasons.Contains(r.GetString()))
                    {
                        return true;
                    }
                }
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }
}

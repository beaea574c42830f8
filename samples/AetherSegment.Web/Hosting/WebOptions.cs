using System.ComponentModel.DataAnnotations;

namespace AetherSegment.Web.Hosting;

/// <summary>Settings of the web host (configuration section <c>AetherSegment:Web</c>).</summary>
public sealed class WebOptions
{
    /// <summary>The configuration section: <c>AetherSegment:Web</c>.</summary>
    public const string SectionName = "AetherSegment:Web";

    /// <summary>The key callers send in the <c>X-Api-Key</c> header to create and export segments; null or empty means no key is required.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? ApiKey { get; set; }

    /// <summary>Origins allowed by CORS, comma-separated (also read from <c>ALLOWED_ORIGINS</c>); empty means same-origin only.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? AllowedOrigins { get; set; }

    /// <summary>Requests per minute and client address to the interpretation endpoint (<c>/api/v1/campaigns/analyze</c>).</summary>
    /// <value>The default value is 120.</value>
    [Range(1, 1_000_000, ErrorMessage = "AetherSegment:Web:InterpretationPermitsPerMinute must be between 1 and 1000000.")]
    public int InterpretationPermitsPerMinute { get; set; } = 120;

    /// <summary>Requests per minute and client address to the analytics endpoint (<c>/api/v1/analytics/ask</c>).</summary>
    /// <value>The default value is 60.</value>
    [Range(1, 1_000_000, ErrorMessage = "AetherSegment:Web:AnalyticsPermitsPerMinute must be between 1 and 1000000.")]
    public int AnalyticsPermitsPerMinute { get; set; } = 60;

    /// <summary>The largest request body accepted, in bytes; larger bodies get 400 problem+json.</summary>
    /// <value>The default value is 65,536.</value>
    [Range(1024, 16 * 1024 * 1024, ErrorMessage = "AetherSegment:Web:MaxRequestBodyBytes must be between 1024 and 16777216.")]
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>How long a filter preview is remembered for the same objective, filters and trigger, in seconds; 0 turns the cache off.</summary>
    /// <value>The default value is 10.</value>
    [Range(0, 3600, ErrorMessage = "AetherSegment:Web:PreviewCacheSeconds must be between 0 and 3600.")]
    public int PreviewCacheSeconds { get; set; } = 10;

    /// <summary>Whether to generate the default synthetic data set when the embedded store has no database.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool GenerateWhenMissing { get; set; } = true;

    /// <summary>Whether to train the trigger ranker's uplift models once the data is ready, before the first analyze.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool WarmUpTriggerModels { get; set; } = true;

    /// <summary>Whether to append live behavioral events to the embedded store while the app runs.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool LiveEvents { get; set; } = true;

    /// <summary>How often the live event stream appends a batch.</summary>
    /// <value>The default value is 5 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00", ErrorMessage = "AetherSegment:Web:LiveEventsInterval must be between 00:00:00.100 and 01:00:00.")]
    public TimeSpan LiveEventsInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many behavioral events each live batch appends.</summary>
    /// <value>The default value is 20.</value>
    [Range(1, 100_000, ErrorMessage = "AetherSegment:Web:LiveEventsPerInterval must be between 1 and 100000.")]
    public int LiveEventsPerInterval { get; set; } = 20;

    /// <summary>The first delay before the live stream retries a failed write; later delays double (with jitter) up to <see cref="LiveEventsRetryMaxDelay"/>.</summary>
    /// <value>The default value is 1 second.</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "AetherSegment:Web:LiveEventsRetryDelay must be between 00:00:00.010 and 00:10:00.")]
    public TimeSpan LiveEventsRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between two retries of a failed live-stream write.</summary>
    /// <value>The default value is 1 minute.</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "AetherSegment:Web:LiveEventsRetryMaxDelay must be between 00:00:00.010 and 01:00:00.")]
    public TimeSpan LiveEventsRetryMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The <c>Retry-After</c> seconds of a 503 answer when the data store is unavailable (for example locked by another process).</summary>
    /// <value>The default value is 10.</value>
    [Range(1, 3600, ErrorMessage = "AetherSegment:Web:StoreUnavailableRetryAfterSeconds must be between 1 and 3600.")]
    public int StoreUnavailableRetryAfterSeconds { get; set; } = 10;

    /// <summary>
    /// Whether a member export may include the personal columns (names, e-mail) when no <see cref="ApiKey"/> is set. Without
    /// it, <c>include_personal=true</c> needs the API key.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowPersonalDataWithoutApiKey { get; set; }

    /// <summary>Stored segments older than this are deleted (with their member snapshot); null keeps them however old.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00", ErrorMessage = "AetherSegment:Web:SegmentRetentionMaxAge must be between 00:01:00 and 3650.00:00:00.")]
    public TimeSpan? SegmentRetentionMaxAge { get; set; }

    /// <summary>Only the newest this many stored segments are kept; null keeps any number.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    [Range(1, 10_000_000, ErrorMessage = "AetherSegment:Web:SegmentRetentionMaxCount must be between 1 and 10000000.")]
    public int? SegmentRetentionMaxCount { get; set; }

    /// <summary>How often the retention cleanup runs (it also runs once the data is ready at start).</summary>
    /// <value>The default value is 1 hour.</value>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "AetherSegment:Web:SegmentRetentionInterval must be between 00:00:01 and 7.00:00:00.")]
    public TimeSpan SegmentRetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Segments smaller than this many members are "tiny": the campaign page warns and asks for confirmation before
    /// activating one (a tiny audience gives noisy results and may single people out).
    /// </summary>
    /// <value>The default value is 50.</value>
    [Range(1, 1_000_000, ErrorMessage = "AetherSegment:Web:TinySegmentSize must be between 1 and 1000000.")]
    public int TinySegmentSize { get; set; } = 50;

    /// <summary>Interpretations with a confidence below this are "weak": the page asks the marketer to confirm or rephrase.</summary>
    /// <value>The default value is 0.5.</value>
    [Range(0.0, 1.0, ErrorMessage = "AetherSegment:Web:LowConfidenceBelow must be between 0 and 1.")]
    public double LowConfidenceBelow { get; set; } = 0.5;
}

using System.ComponentModel.DataAnnotations;

namespace AetherSegment.BigQuery;

/// <summary>Settings of the BigQuery store (configuration section <c>AetherSegment:BigQuery</c>).</summary>
public sealed class BigQueryOptions
{
    /// <summary>The configuration section: <c>AetherSegment:BigQuery</c>.</summary>
    public const string SectionName = "AetherSegment:BigQuery";

    /// <summary>The Google Cloud project that runs the jobs and holds the dataset. Required.</summary>
    /// <value>The default value is <see langword="null"/> (falls back to GOOGLE_CLOUD_PROJECT in the hosts).</value>
    [Required(AllowEmptyStrings = false, ErrorMessage = "AetherSegment:BigQuery:ProjectId is required when the store is bigquery.")]
    public string? ProjectId { get; set; }

    /// <summary>The dataset holding the tables of the data model.</summary>
    /// <value>The default value is <c>aethersegment_cdp</c>.</value>
    [Required(AllowEmptyStrings = false, ErrorMessage = "AetherSegment:BigQuery:Dataset must name a dataset.")]
    [RegularExpression("^[A-Za-z0-9_]{1,1024}$", ErrorMessage = "AetherSegment:BigQuery:Dataset may hold only letters, digits and underscores.")]
    public string Dataset { get; set; } = "aethersegment_cdp";

    /// <summary>The job location.</summary>
    /// <value>The default value is <c>US</c>.</value>
    [Required(AllowEmptyStrings = false, ErrorMessage = "AetherSegment:BigQuery:Location must name a location.")]
    public string Location { get; set; } = "US";

    /// <summary>The REST base URL.</summary>
    /// <value>The default value is <c>https://bigquery.googleapis.com</c>.</value>
    [Required(ErrorMessage = "AetherSegment:BigQuery:Endpoint must be an absolute URL.")]
    [Url(ErrorMessage = "AetherSegment:BigQuery:Endpoint must be an absolute URL.")]
    public string Endpoint { get; set; } = "https://bigquery.googleapis.com";

    /// <summary>
    /// The cost guard per query in bytes billed; a query whose dry run says it would bill more is refused with a clear
    /// error and nothing is billed. BigQuery bills at least 10 MB (10485760 bytes) per table a query reads, so the guard
    /// must be at least that (options validation refuses less). The default comes from the scale model in docs/bigquery.md:
    /// twice the largest statement of an analyze at 1,000,000 customers, rounded up to a power of two; at on-demand
    /// pricing ($6.25 per TiB) one statement then costs at most about 2.4 cents.
    /// </summary>
    /// <value>The default value is 4294967296 (4 GiB).</value>
    public long MaximumBytesBilled { get; set; } = 4L << 30;

    /// <summary>A bearer token used as is (tests, short jobs); when null, Application Default Credentials are used.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? AccessToken { get; set; }

    /// <summary>The timeout of one attempt of a request (each retry gets its own; an upload attempt too).</summary>
    /// <value>The default value is 60 seconds.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The timeout of one request including its retries and their delays; must exceed <see cref="Timeout"/>. Not applied to
    /// the resumable upload of a load file, whose attempts each get <see cref="Timeout"/> (a large file takes its time).
    /// </summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many times a transient failure is retried with exponential backoff and jitter: a connection failure or attempt
    /// timeout, 408, 429, 5xx, or an error whose reason is <c>rateLimitExceeded</c>, <c>backendError</c> or <c>internalError</c>.
    /// </summary>
    /// <value>The default value is 4 (five attempts).</value>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first retry delay; each further retry doubles it, with random jitter. A <c>Retry-After</c> header (up to 30 s) wins.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The seed of the retry jitter (randomness is seeded, as everywhere in AetherSegment).</summary>
    /// <value>The default value is 4.</value>
    public int RetryJitterSeed { get; set; } = 4;

    /// <summary>
    /// How many attempts within the sampling window (30 s, or twice <see cref="Timeout"/>) the circuit breaker needs before
    /// half of them failing transiently opens it.
    /// </summary>
    /// <value>The default value is 10.</value>
    public int CircuitBreakerMinimumThroughput { get; set; } = 10;

    /// <summary>How long an open circuit fails requests at once, without calling BigQuery, before one request probes it.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}

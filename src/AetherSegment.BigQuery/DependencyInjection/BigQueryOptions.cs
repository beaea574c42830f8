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

    /// <summary>Per-request timeout.</summary>
    /// <value>The default value is 60 seconds.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);
}

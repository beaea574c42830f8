namespace AetherSegment.Uplift;

/// <summary>Options of the store-backed trigger ranker (<see cref="ITriggerRanker"/>; configuration section <c>AetherSegment:TriggerRanking</c>).</summary>
public sealed class TriggerRankingOptions
{
    /// <summary>The configuration section: <c>AetherSegment:TriggerRanking</c>.</summary>
    public const string SectionName = "AetherSegment:TriggerRanking";

    /// <summary>
    /// The model the ranker trains when <see cref="Model"/> is null: the X-learner, whose effect regressions tracked the
    /// synthetic generator's true uplift per customer and per trigger better than the T-learner's difference of two
    /// outcome models (docs/uplift.md, "Against the generator's ground truth"). <c>auto</c> (per trigger, among the
    /// T-learner, the X-learner and the forest by 2-fold cross-validated Qini) is available by name; it is not the
    /// ranker's default yet because it about doubles the ranker's training time, which the cold-analyze bar has not
    /// been measured against.
    /// </summary>
    internal const string DefaultModel = UpliftModels.XLearner;

    /// <summary>The uplift model trained per trigger (a name of <see cref="UpliftModels.Names"/>); null for the X-learner (<see cref="UpliftModels.XLearner"/>).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Model { get; set; }

    /// <summary>The seed of the models' random choices.</summary>
    /// <value>The default value is 42.</value>
    public int Seed { get; set; } = 42;

    /// <summary>A trigger needs at least this many treated and this many control rows in campaign_history to get a model.</summary>
    /// <value>The default value is 200.</value>
    public int MinimumRowsPerArm { get; set; } = 200;

    /// <summary>
    /// The cap of the training sample per trigger and arm: each trigger model learns from at most this many treated and
    /// this many control campaign rows, drawn in the store by a deterministic hash of the customer id (the same rows on
    /// every run over the same data), so training time, memory and bytes read stop growing with the history.
    /// </summary>
    /// <value>The default value is 25000 (at most 400,000 training rows for the eight triggers).</value>
    public int TrainingRowsPerArm { get; set; } = 25_000;

    /// <summary>
    /// The most members a ranking scores: a larger segment is represented by this many of its members, the first in the
    /// store's hash of the customer id (the same members on every run), and the sums (expected incremental conversions
    /// and revenue, members with positive uplift) are scaled to the whole segment; null scores every member.
    /// </summary>
    /// <value>The default value is 50000.</value>
    public int? ScoringSampleSize { get; set; } = 50_000;

    /// <summary>How long one ranking may take, waiting for training included; a ranking that takes longer fails with a <see cref="Data.DataStoreException"/> naming this setting.</summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one training run (sample query and the models of every trigger) may take before it is cancelled.</summary>
    /// <value>The default value is 10 minutes.</value>
    public TimeSpan TrainingTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The directory where trained trigger models are saved per data version and loaded on start, so a new process on
    /// unchanged campaign history loads them instead of training; null keeps models in memory only. The embedded
    /// DuckDB store sets it to <c>&lt;database file&gt;.models</c> beside the database unless it is configured.
    /// </summary>
    /// <value>The default value is <see langword="null"/> (set by <c>AddDuckDB</c>).</value>
    public string? ModelDirectory { get; set; }

    /// <summary>Whether trained models are saved to and loaded from <see cref="ModelDirectory"/>.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool PersistModels { get; set; } = true;

    /// <summary>
    /// For long-lived hosts: rank an analyze's triggers from an in-memory snapshot of every customer's predicted uplift
    /// and trigger-filter flags (built in the background once per campaign history and as-of; about 150 MB for
    /// 1,000,000 customers) instead of querying every event, transaction and cart per request; a snapshot whose as-of
    /// is at most this far behind the request's still serves while a newer one is built (the live event stream moves
    /// the as-of). Null ranks per request (the CLI: one analyze per process).
    /// </summary>
    /// <value>The default value is <see langword="null"/> (off); the web host sets 15 minutes.</value>
    public TimeSpan? AudienceSnapshotMaxLag { get; set; }
}

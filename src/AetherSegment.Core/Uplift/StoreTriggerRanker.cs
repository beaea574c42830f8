using System.Diagnostics;
using System.Globalization;
using System.Text;
using AetherSegment.Data;
using AetherSegment.Diagnostics;
using AetherSegment.Profiles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AetherSegment.Uplift;

/// <summary>
/// Ranks triggers with uplift models trained on the store's campaign history: one model per trigger, learned from a
/// stratified sample of its campaigns' treatment and control rows (at most <see cref="TriggerRankingOptions.TrainingRowsPerArm"/>
/// per arm, drawn in the store by a hash of the customer id) with features as of each send, read from the store into
/// flat arrays. Models are cached per data version (a fingerprint of campaign_history) in memory and, with
/// <see cref="TriggerRankingOptions.ModelDirectory"/>, on disk, so a new process on unchanged data loads instead of
/// training. A segment's members are scored with features as of the data's as-of (the one segments use) and the
/// triggers ranked by expected incremental conversions. The triggers are the profile's (<see cref="BusinessProfile.Triggers"/>);
/// models, scores and counts are arrays indexed by a trigger's position there. A trigger without enough randomized
/// history gets no model and is reported as not covered, never an error.
/// </summary>
/// <remarks>Thread-safe: concurrent callers share one training run per data version.</remarks>
internal sealed partial class StoreTriggerRanker : ITriggerRanker
{
    /// <summary>Changes when the feature query or the training changes, so models saved by an older build are retrained.</summary>
    internal const string TrainingVersion = "features-profile-2;sample-hash-1;calibration-1;cross-fit-average-1";

    private readonly IDataStore _store;
    private readonly BusinessProfile _profile;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TriggerRankingOptions _options;
    private readonly TriggerModelCache? _saved;
    private readonly CampaignHistoryVersion _version;
    private readonly IUpliftModelFactory _models;
    private readonly Lock _gate = new();
    private (string Version, Task<TriggerModels> Models)? _cache;
    private int _trainings;
    private int _loads;
    private int _scorings;

    public StoreTriggerRanker(IDataStore store, BusinessProfile profile, TimeProvider time, ILogger<StoreTriggerRanker> logger, IOptions<TriggerRankingOptions> options, IUpliftModelFactory? models = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _store = store;
        _profile = profile;
        _time = time;
        _logger = logger;
        _options = options.Value;
        _models = models ?? new BuiltInUpliftModelFactory();
        // Saved models load as the built-in models: another factory's models stay in memory, and nothing is written
        // beside the database for them.
        bool saves = _options.PersistModels && !string.IsNullOrWhiteSpace(_options.ModelDirectory) && _models is BuiltInUpliftModelFactory;
        _saved = saves ? new TriggerModelCache(_options.ModelDirectory!, profile, logger) : null;
        // The (probe, version) pair is kept beside the saved models, so a new process on unchanged data runs only the probe.
        _version = new CampaignHistoryVersion(store, profile, saves ? Path.Combine(Path.GetFullPath(_options.ModelDirectory!), CampaignHistoryVersion.FileName) : null);
    }

    /// <summary>The profile whose triggers this ranker ranks.</summary>
    internal BusinessProfile Profile => _profile;

    /// <summary>How many times this ranker trained models (for tests and diagnostics).</summary>
    internal int Trainings => Volatile.Read(ref _trainings);

    /// <summary>How many members one ranking scores at most (<see cref="TriggerRankingOptions.ScoringSampleSize"/>); null for all.</summary>
    internal int? ScoringSampleSize => _options.ScoringSampleSize;

    /// <summary>How many feature-query scoring passes this ranker ran (for tests and diagnostics).</summary>
    internal int Scorings => Volatile.Read(ref _scorings);

    /// <summary>How many times this ranker loaded saved models instead of training.</summary>
    internal int Loads => Volatile.Read(ref _loads);

    /// <summary>The data version whose models are loaded or trained and ready; null while none are (read-only, for the held-out evaluation).</summary>
    internal string? ReadyDataVersion
    {
        get
        {
            lock (_gate)
            {
                return _cache is { } cached && cached.Models.IsCompletedSuccessfully ? cached.Version : null;
            }
        }
    }

    /// <summary>
    /// Who scores with this ranker's models, apart from the data version: a hash of the training settings and the
    /// model factory (<see cref="Settings"/>), so scores kept by another process (audience score sets) are only reused
    /// with the same models.
    /// </summary>
    internal string ModelIdentity => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Settings + ";factory=" + _models.GetType().FullName)))[..16];

    /// <summary>How many times the data version was read from the persisted (probe, version) pair (for tests and diagnostics).</summary>
    internal int DataVersionPersistedHits => _version.PersistedHits;

    /// <summary>How many times the data version was carried by the store's data epoch, without a probe (for tests and diagnostics).</summary>
    internal int DataVersionEpochHits => _version.EpochHits;

    private string Settings => string.Create(CultureInfo.InvariantCulture,
        $"{TrainingVersion};profile={_profile.Name};model={_options.Model ?? TriggerRankingOptions.DefaultModel};seed={_options.Seed};min={_options.MinimumRowsPerArm};cap={_options.TrainingRowsPerArm};dialect={_store.Dialect.Name}");

    public async Task<IReadOnlyList<TriggerSuggestion>> RankAsync(SqlStatement members, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(members);
        using Activity? activity = AetherSegmentTelemetry.ActivitySource.StartActivity("uplift.rank");
        (TriggerModels models, MemberUplift scored) = await ModelsAndScoresAsync(members, asOf, cancellationToken).ConfigureAwait(false);

        TriggerSuggestion[] suggestions = new TriggerSuggestion[_profile.Triggers.Count];
        for (int t = 0; t < suggestions.Length; t++)
        {
            suggestions[t] = Suggest(_profile.Triggers[t], models.Get(t), scored.Uplift[t], scored.MemberCount, OutsideShare(scored.Outside?[t]));
        }

        return Ranked(suggestions, scored);
    }

    /// <summary>
    /// Ranks every trigger over the members of <paramref name="members"/> that pass that trigger's own filter
    /// (<paramref name="keeps"/> answers per trigger position in the profile and customer id): uplift, incremental conversions and revenue, and
    /// <see cref="TriggerSuggestion.SegmentSizeAfterTrigger"/> (the kept members) all describe the audience after the
    /// trigger filter, the audience the segment would have with that trigger. One scoring pass serves all triggers.
    /// </summary>
    internal async Task<IReadOnlyList<TriggerSuggestion>> RankAfterTriggerFiltersAsync(SqlStatement members, Func<int, string, bool> keeps, Func<int, long> keptCount, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(keeps);
        using Activity? activity = AetherSegmentTelemetry.ActivitySource.StartActivity("uplift.rank");
        ArgumentNullException.ThrowIfNull(keptCount);
        (TriggerModels models, MemberUplift scored) = await ModelsAndScoresAsync(members, asOf, cancellationToken).ConfigureAwait(false);
        return SuggestAfterFilters(models, scored, keeps, keptCount);
    }

    /// <summary>
    /// The suggestions of <see cref="RankAfterTriggerFiltersAsync"/> from members already scored: per trigger, the mean
    /// uplift of the scored members <paramref name="keeps"/> keeps, scaled to <paramref name="keptCount"/> members.
    /// </summary>
    internal IReadOnlyList<TriggerSuggestion> SuggestAfterFilters(TriggerModels models, MemberUplift scored, Func<int, string, bool> keeps, Func<int, long> keptCount) =>
        SuggestAfterFiltersAt(models, scored, (trigger, i) => keeps(trigger, scored.CustomerIds[i]), keptCount);

    /// <summary>
    /// <see cref="SuggestAfterFilters"/> with <paramref name="keepsAt"/> answering per trigger position and position of
    /// the member in <paramref name="scored"/> (no id lookup).
    /// </summary>
    internal IReadOnlyList<TriggerSuggestion> SuggestAfterFiltersAt(TriggerModels models, MemberUplift scored, Func<int, int, bool> keepsAt, Func<int, long> keptCount)
    {
        // The scored members may be a hash sample of the audience (ScoringSampleSize): the mean uplift comes from the
        // sampled members that pass the trigger's filter, the size from the exact count of all members that pass it.
        TriggerSuggestion[] suggestions = new TriggerSuggestion[_profile.Triggers.Count];
        List<double> kept = new(scored.CustomerIds.Length);
        for (int t = 0; t < suggestions.Length; t++)
        {
            kept.Clear();
            double[] uplift = scored.Uplift[t];
            bool[]? outside = scored.Outside?[t];
            int outsideKept = 0;
            for (int i = 0; i < uplift.Length; i++)
            {
                if (keepsAt(t, i))
                {
                    kept.Add(uplift[i]);
                    outsideKept += outside is not null && outside[i] ? 1 : 0;
                }
            }

            long size = keptCount(t);
            double? share = outside is null || kept.Count == 0 ? null : (double)outsideKept / kept.Count;
            suggestions[t] = Suggest(_profile.Triggers[t], models.Get(t), [.. kept], size, share) with { SegmentSizeAfterTrigger = size };
        }

        return Ranked(suggestions, scored);
    }

    /// <summary>Sorts suggestions (given in profile order) by expected incremental conversions, profile order on a tie.</summary>
    private List<TriggerSuggestion> Ranked(TriggerSuggestion[] suggestions, MemberUplift scored)
    {
        int[] order = new int[suggestions.Length];
        for (int t = 0; t < order.Length; t++)
        {
            order[t] = t;
        }

        Array.Sort(order, (a, b) => suggestions[a].ExpectedIncrementalConversions != suggestions[b].ExpectedIncrementalConversions
            ? suggestions[b].ExpectedIncrementalConversions.CompareTo(suggestions[a].ExpectedIncrementalConversions)
            : a.CompareTo(b));
        List<TriggerSuggestion> ranked = new(order.Length);
        foreach (int t in order)
        {
            ranked.Add(suggestions[t]);
        }

        MarkTies(ranked);

        LogRanked(_logger, scored.MemberCount, scored.CustomerIds.Length, ranked.Count == 0 ? "none" : ranked[0].Trigger);
        return ranked;
    }

    /// <summary>The current models and the data version they belong to (loaded, trained or cached), within <see cref="TriggerRankingOptions.Timeout"/>.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    internal async Task<(string Version, TriggerModels Models)> VersionedModelsAsync(CancellationToken cancellationToken)
    {
        using CancellationTokenSource timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            string version = await DataVersionAsync(timeout.Token).ConfigureAwait(false);
            return (version, await GetModelsAsync(version, timeout.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            throw TookTooLong(ex);
        }
    }

    /// <summary>Every member of <paramref name="members"/> scored by <paramref name="models"/> with features as of <paramref name="asOf"/>, in customer id order.</summary>
    internal Task<MemberUplift> ScoreAllAsync(TriggerModels models, SqlStatement members, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        ScoreAsync(models, members, asOf, null, cancellationToken);

    /// <summary>
    /// <see cref="ScoreAllAsync(TriggerModels, SqlStatement, DateTimeOffset, CancellationToken)"/> for one trigger (its
    /// position in the profile): the other triggers' uplift is left at zero and their support unchecked, so an
    /// activation that needs one trigger's scores does not run eight models.
    /// </summary>
    internal Task<MemberUplift> ScoreAllAsync(TriggerModels models, SqlStatement members, DateTimeOffset asOf, int trigger, CancellationToken cancellationToken) =>
        ScoreAsync(models, members, asOf, null, cancellationToken, trigger);

    /// <summary>Every member's predicted uplift per trigger (profile order), for callers and tests that need the detail.</summary>
    /// <param name="members">The members' statement.</param>
    /// <param name="asOf">The features' as-of; null for the data's as-of.</param>
    /// <param name="cancellationToken">Cancels the scoring.</param>
    internal async Task<MemberUplift> ScoreMembersAsync(SqlStatement members, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        TriggerModels models = await GetModelsAsync(cancellationToken).ConfigureAwait(false);
        return await ScoreAsync(models, members, asOf, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The as-of segments use when none is fixed: the latest event, cart or purchase in the data (the wall clock on an empty store).</summary>
    internal async Task<DateTimeOffset> DataAsOfAsync(CancellationToken cancellationToken)
    {
        QueryResult result = await _store.QueryAsync(DataAsOf.Statement(_profile, _store.Dialect), cancellationToken).ConfigureAwait(false);
        return result.Scalar() is DateTimeOffset latest ? latest.ToUniversalTime() : _time.GetUtcNow();
    }

    /// <summary>The models (loaded, trained or cached) and the members' scores, within <see cref="TriggerRankingOptions.Timeout"/>.</summary>
    private async Task<(TriggerModels Models, MemberUplift Scored)> ModelsAndScoresAsync(SqlStatement members, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        using CancellationTokenSource timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            TriggerModels models = await GetModelsAsync(timeout.Token).ConfigureAwait(false);
            MemberUplift scored = await ScoreAsync(models, members, asOf, _options.ScoringSampleSize, timeout.Token).ConfigureAwait(false);
            return (models, scored);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            throw TookTooLong(ex);
        }
    }

    private DataStoreException TookTooLong(OperationCanceledException ex) => new(string.Create(CultureInfo.InvariantCulture,
        $"Ranking triggers took longer than {TriggerRankingOptions.SectionName}:Timeout ({_options.Timeout}); raise the setting or try again once the models are trained."), ex);

    private async Task<MemberUplift> ScoreAsync(TriggerModels models, SqlStatement members, DateTimeOffset? asOf, int? sampleSize, CancellationToken cancellationToken, int? onlyTrigger = null)
    {
        Interlocked.Increment(ref _scorings);
        DateTimeOffset anchor = asOf ?? await DataAsOfAsync(cancellationToken).ConfigureAwait(false);
        // The features the models were trained with (their top taxonomy values), whatever the orders hold today.
        UpliftFeatureSet features = UpliftFeatureSet.FromFeatureNames(_profile, models.FeatureNames());
        SqlStatement query = UpliftFeatureQuery.Scoring(_store.Dialect, features, members, anchor, sampleSize);
        FeatureRows rows = await _store.ReadAsync(query, UpliftFeatureReader.ReadAsync, cancellationToken).ConfigureAwait(false);
        double[][] uplift = new double[_profile.Triggers.Count][];
        bool[]?[] outside = new bool[]?[uplift.Length];
        for (int t = 0; t < uplift.Length; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TriggerModel? model = onlyTrigger is { } only && only != t ? null : models.Get(t);
            uplift[t] = model is null ? new double[rows.Count] : model.Model.Predict(rows.Features, 0);
            outside[t] = model?.Support?.Outside(rows.Features);
        }

        return new MemberUplift(rows.CustomerIds, uplift) { MemberCount = rows.MemberCount, Outside = outside };
    }

    /// <summary>The share of members outside a trigger's support, or null when it was not checked.</summary>
    private static double? OutsideShare(bool[]? outside)
    {
        if (outside is null || outside.Length == 0)
        {
            return null;
        }

        int count = 0;
        foreach (bool o in outside)
        {
            count += o ? 1 : 0;
        }

        return (double)count / outside.Length;
    }

    /// <summary>
    /// Marks the triggers whose 90% interval overlaps the top-ranked trigger's as tied with it (and the top one when any
    /// is), and says so in their rationale: the data cannot tell them apart.
    /// </summary>
    internal static void MarkTies(List<TriggerSuggestion> ranked)
    {
        if (ranked.Count < 2 || ranked[0].PredictedUpliftInterval is not { } best)
        {
            return;
        }

        List<string> tied = [];
        for (int i = 1; i < ranked.Count; i++)
        {
            if (ranked[i].PredictedUpliftInterval is { } other && other.High >= best.Low && other.Low <= best.High)
            {
                tied.Add(ranked[i].Trigger);
                ranked[i] = ranked[i] with
                {
                    TiedWithBest = true,
                    Rationale = ranked[i].Rationale + $" Tied with the top-ranked {ranked[0].Trigger}: their 90% intervals overlap, so the data cannot tell them apart.",
                };
            }
        }

        if (tied.Count > 0)
        {
            ranked[0] = ranked[0] with
            {
                TiedWithBest = true,
                Rationale = ranked[0].Rationale + $" Tied with {string.Join(", ", tied)}: their 90% intervals overlap this one's, so the data cannot tell them apart.",
            };
        }
    }

    private TriggerSuggestion Suggest(TriggerDefinition trigger, TriggerModel? model, double[] uplift, long members, double? outsideShare)
    {
        if (model is null || members == 0)
        {
            return new TriggerSuggestion
            {
                Trigger = trigger.Id,
                PredictedUplift = 0,
                ExpectedIncrementalConversions = 0,
                ExpectedIncrementalRevenue = 0,
                SegmentSizeAfterTrigger = 0,
                Rationale = model is null
                    ? $"No uplift estimate: {_profile.Entities.CampaignSends?.Table ?? "the campaign history"} holds too few randomized {trigger.Id} rows to learn from (the trigger is not covered)."
                    : "The segment is empty.",
            };
        }

        double sum = 0;
        long positive = 0;
        foreach (double u in uplift)
        {
            sum += u;
            positive += u > 0 ? 1 : 0;
        }

        // A sample of a large segment (ScoringSampleSize) stands for all of it: sums scale by members / scored.
        int scored = uplift.Length;
        double mean = scored == 0 ? 0 : sum / scored;
        double scale = scored == 0 ? 0 : (double)members / scored;
        long positiveMembers = (long)Math.Round(positive * scale);
        StringBuilder why = new();
        why.Append(CultureInfo.InvariantCulture, $"Predicted {mean * 100:+0.00;-0.00;+0.00} pts conversion on average ({positiveMembers:N0} of {members:N0} members positive");
        if (scored < members)
        {
            why.Append(CultureInfo.InvariantCulture, $", estimated from a sample of {scored:N0}");
        }

        why.Append(CultureInfo.InvariantCulture, $"), learned from {model.Rows:N0} randomized {trigger.Id} campaign rows; driven most by ");
        IReadOnlyList<KeyValuePair<string, double>> importance = model.Model.GetFeatureImportance(0);
        int shown = 0;
        foreach (KeyValuePair<string, double> feature in importance)
        {
            if (shown == 3 || feature.Value <= 0)
            {
                break;
            }

            why.Append(shown == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"{feature.Key} ({feature.Value * 100:0}%)");
            shown++;
        }

        why.Append('.');
        StringBuilder rationale = shown == 0 ? new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"Predicted {mean * 100:+0.00;-0.00;+0.00} pts conversion on average; no feature moves it.")) : why;
        Experiments.Interval? interval = null;
        if (model.Calibration is { } calibration)
        {
            (double low, double high) = calibration.MeanInterval(uplift, members, outsideShare ?? 0);
            interval = new Experiments.Interval(mean, low, high);
            rationale.Append(CultureInfo.InvariantCulture, $" 90% interval {low * 100:+0.00;-0.00;+0.00} to {high * 100:+0.00;-0.00;+0.00} pts.");
        }

        if (model.Learner is { } learner)
        {
            rationale.Append(CultureInfo.InvariantCulture, $" Model: {learner}{(model.LearnerCvQini is { Count: > 1 } ? " (chosen by cross-validated Qini)" : string.Empty)}.");
        }

        string? warning = null;
        if (outsideShare is { } share && share >= TreatedSupport.WarningShare && model.Support is { } support)
        {
            warning = string.Create(CultureInfo.InvariantCulture,
                $"Extrapolation: {share:P0} of the members are unlike the customers {trigger.Id} was sent to (outside the range of {string.Join(", ", support.Features.Select(f => f.Name))} seen among them); treat the number as a guess, not an estimate.");
            rationale.Append(' ').Append(warning);
        }

        return new TriggerSuggestion
        {
            Trigger = trigger.Id,
            PredictedUplift = mean,
            ExpectedIncrementalConversions = sum * scale,
            ExpectedIncrementalRevenue = sum * scale * model.AverageOrderValue,
            SegmentSizeAfterTrigger = positiveMembers,
            Rationale = rationale.ToString(),
            PredictedUpliftInterval = interval,
            OutsideSupportShare = outsideShare,
            Warning = warning,
            Learner = model.Learner,
            LearnerCvQini = model.LearnerCvQini,
        };
    }

    private async Task<TriggerModels> GetModelsAsync(CancellationToken cancellationToken) =>
        await GetModelsAsync(await DataVersionAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    private async Task<TriggerModels> GetModelsAsync(string version, CancellationToken cancellationToken)
    {
        Task<TriggerModels> task;
        lock (_gate)
        {
            if (_cache is { } cached && cached.Version == version && !cached.Models.IsFaulted && !cached.Models.IsCanceled)
            {
                task = cached.Models;
            }
            else
            {
                // Training belongs to no caller: a caller that gives up stops waiting, the run goes on for the next one
                // and is bounded by its own timeout.
                task = Task.Run(() => LoadOrTrainAsync(version), CancellationToken.None);
                _cache = (version, task);
            }
        }

        return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The campaign history's data version: row count, latest send (microseconds) and a checksum of every row
    /// (<see cref="UpliftFeatureQuery.DataVersion"/>), recomputed only when a cheap probe sees the table change (<see cref="CampaignHistoryVersion"/>).</summary>
    internal Task<string> DataVersionAsync(CancellationToken cancellationToken) => _version.GetAsync(cancellationToken);

    /// <summary>How many times the data version needed the full checksum of campaign_history (for tests and diagnostics).</summary>
    internal int DataVersionScans => _version.FullScans;

    private async Task<TriggerModels> LoadOrTrainAsync(string version)
    {
        string settings = Settings;
        if (_saved?.TryLoad(version, settings) is { } loaded)
        {
            Interlocked.Increment(ref _loads);
            LogLoaded(_logger, _saved.Directory);
            return loaded;
        }

        using CancellationTokenSource timeout = new(_options.TrainingTimeout, _time);
        TriggerModels models;
        try
        {
            models = await TrainAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested)
        {
            throw new DataStoreException(string.Create(CultureInfo.InvariantCulture,
                $"Training the trigger models took longer than {TriggerRankingOptions.SectionName}:TrainingTimeout ({_options.TrainingTimeout}); raise it or lower {TriggerRankingOptions.SectionName}:TrainingRowsPerArm."), ex);
        }

        _saved?.Save(version, settings, models);
        return models;
    }

    private async Task<TriggerModels> TrainAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _trainings);
        long started = Stopwatch.GetTimestamp();
        UpliftFeatureSet features = await UpliftFeatureSet.LoadAsync(_store, _profile, cancellationToken).ConfigureAwait(false);
        SqlStatement query = UpliftFeatureQuery.Training(_store.Dialect, features, _options.TrainingRowsPerArm);
        FeatureRows all = await _store.ReadAsync(query, (reader, ct) => UpliftFeatureReader.ReadAsync(reader, _profile, ct), cancellationToken).ConfigureAwait(false);
        double readSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        int[] triggerOf = all.Trigger!;
        int[] counts = new int[_profile.Triggers.Count];
        foreach (int t in triggerOf)
        {
            if (t >= 0)
            {
                counts[t]++;
            }
        }

        int[][] rowsByTrigger = new int[counts.Length][];
        for (int t = 0; t < counts.Length; t++)
        {
            rowsByTrigger[t] = new int[counts[t]];
            counts[t] = 0;
        }

        for (int r = 0; r < triggerOf.Length; r++)
        {
            int t = triggerOf[r];
            if (t >= 0)
            {
                rowsByTrigger[t][counts[t]++] = r;
            }
        }

        TriggerModel?[] models = new TriggerModel?[rowsByTrigger.Length];
        Parallel.For(0, rowsByTrigger.Length, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken }, t =>
        {
            int[] rows = rowsByTrigger[t];
            ExperimentRows experiment = all.Experiment(rows);
            if (!experiment.CanFit(_options.MinimumRowsPerArm))
            {
                return;
            }

            UpliftTrainingSet set = new(all.Features.SelectRows(rows), experiment.Arm, experiment.Outcome, [_profile.Triggers[t].Id], "control");
            models[t] = Fit(set, experiment.Arm, experiment.Outcome, _options.Seed + t, cancellationToken) with { Rows = rows.Length, AverageOrderValue = experiment.AverageOrderValue };
        });

        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        LogTrained(_logger, all.Count, _options.TrainingRowsPerArm, readSeconds, seconds);
        return new TriggerModels(models);
    }

    /// <summary>
    /// Fits one trigger's model. With the built-in models it is cross-fitted (2 folds: the held-out predictions measure
    /// the model's error for the intervals) and the model kept is the average of the two fold models, with no refit on
    /// every row (about a third of the fitting time at 1,000,000 customers); <c>auto</c> also picks the learner among the T-learner, the
    /// X-learner and the forest by those folds' Qini. The support of the treated rows is kept for the overlap check.
    /// </summary>
    private TriggerModel Fit(UpliftTrainingSet set, int[] arm, float[] outcome, int seed, CancellationToken cancellationToken)
    {
        string name = (_options.Model ?? TriggerRankingOptions.DefaultModel).Trim().ToLowerInvariant();
        UpliftModelOptions options = new() { Seed = seed };
        IUpliftModel model;
        UpliftCalibration? calibration = null;
        string? learner = null;
        IReadOnlyDictionary<string, double>? scores = null;
        if (_models is BuiltInUpliftModelFactory && (name == UpliftModels.Auto || (UpliftModels.Names.Contains(name) && name != UpliftModels.Simulated)))
        {
            AutoUpliftModel auto = new(options, name == UpliftModels.Auto ? RankerCandidates : [new AutoUpliftModel.Candidate(name, false)], folds: 2, refit: false);
            auto.Fit(set, cancellationToken);
            model = auto.Inner;
            calibration = UpliftCalibration.Build(auto.OutOfFold[0], arm, outcome);
            learner = auto.Chosen;
            scores = auto.Scores.ToDictionary(p => p.Key, p => Math.Round(p.Value, 4), StringComparer.Ordinal);
        }
        else
        {
            model = _models.Create(name, options);
            model.Fit(set, cancellationToken);
            learner = model.Name;
        }

        List<int> treatedRows = [];
        for (int i = 0; i < arm.Length; i++)
        {
            if (arm[i] == 1)
            {
                treatedRows.Add(i);
            }
        }

        IEnumerable<string> important = model.GetFeatureImportance(0).Where(p => p.Value > 0).Take(TreatedSupport.CheckedFeatures).Select(p => p.Key);
        TreatedSupport support = TreatedSupport.Build(set.Features, [.. treatedRows], important);
        return new TriggerModel(model, 0, 0) { Calibration = calibration, Support = support, Learner = learner, LearnerCvQini = scores };
    }

    /// <summary>The learners <c>auto</c> chooses among for the ranker (the forest's honest variant and the ensemble are left out for training time).</summary>
    private static readonly AutoUpliftModel.Candidate[] RankerCandidates =
        [new(UpliftModels.TLearner, false), new(UpliftModels.XLearner, false), new(UpliftModels.Forest, false)];

    [LoggerMessage(Level = LogLevel.Information, Message = "Trained trigger uplift models on a sample of {Rows} campaign rows (at most {Cap} per trigger and arm; read in {ReadSeconds:0.00} s) in {Seconds:0.00} s")]
    private static partial void LogTrained(ILogger logger, int rows, int cap, double readSeconds, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded trigger uplift models saved for this campaign history from {Directory} (no retraining)")]
    private static partial void LogLoaded(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ranked triggers for {Members} members ({Scored} scored); best {Trigger}")]
    private static partial void LogRanked(ILogger logger, long members, int scored, string trigger);

    internal sealed record TriggerModel(IUpliftModel Model, int Rows, double AverageOrderValue)
    {
        /// <summary>The model's error measured on held-out training rows, for intervals; null when not measured.</summary>
        public UpliftCalibration? Calibration { get; init; }

        /// <summary>Where the trigger's treated training rows lie, for the overlap check; null when not kept.</summary>
        public TreatedSupport? Support { get; init; }

        /// <summary>The learner that made <see cref="Model"/> (for <c>auto</c>, the chosen one).</summary>
        public string? Learner { get; init; }

        /// <summary>For <c>auto</c>: each candidate's cross-validated Qini.</summary>
        public IReadOnlyDictionary<string, double>? LearnerCvQini { get; init; }
    }

    internal sealed class TriggerModels(TriggerModel?[] models)
    {
        /// <summary>The model of the trigger at position <paramref name="trigger"/> of the profile, or null when it has none.</summary>
        public TriggerModel? Get(int trigger) => (uint)trigger < (uint)models.Length ? models[trigger] : null;

        /// <summary>
        /// The 90% interval of the mean uplift of customers like one whose predicted uplift for the trigger at position
        /// <paramref name="trigger"/> is <paramref name="uplift"/> (<see cref="UpliftCalibration.MemberInterval"/>), wider when the
        /// customer is <paramref name="outside"/> the trigger's treated support; null without a measured model.
        /// </summary>
        public (double Low, double High)? MemberInterval(int trigger, double uplift, bool outside = false) =>
            Get(trigger)?.Calibration is { } calibration ? calibration.MemberInterval(uplift, outside) : null;

        /// <summary>The feature names of every trained model.</summary>
        public IEnumerable<string> FeatureNames() => models.OfType<TriggerModel>().SelectMany(m => m.Model.Features).Distinct(StringComparer.Ordinal);
    }

    /// <summary>Members in feature-query order and, per trigger in profile order, their predicted uplift.</summary>
    internal sealed record MemberUplift(string[] CustomerIds, double[][] Uplift)
    {
        /// <summary>The segment's distinct members; more than <see cref="CustomerIds"/> when the scored members are a sample.</summary>
        public long MemberCount { get; init; }

        /// <summary>Per trigger (profile order) and member, whether the member is outside the trigger's treated support; null (or a null trigger) when not checked.</summary>
        public bool[]?[]? Outside { get; init; }
    }
}

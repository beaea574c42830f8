using System.Diagnostics;
using System.Runtime.CompilerServices;
using AetherSegment.Data;
using AetherSegment.DependencyInjection;
using AetherSegment.Diagnostics;
using AetherSegment.Interpretation;
using AetherSegment.Profiles;
using AetherSegment.Uplift;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AetherSegment.Segments;

/// <summary>The default <see cref="ISegmentEngine"/>: compiles definitions to the store's dialect and runs everything in the store.</summary>
/// <remarks>Every dependency comes through the constructor. The store, the segment store and the trigger ranker are
/// optional, so printing SQL works without a store and analysis works without a ranker; a call that needs a missing one
/// says which registration provides it.</remarks>
internal sealed partial class SegmentEngine : ISegmentEngine
{
    private readonly ICampaignInterpreter _interpreter;
    private readonly BusinessProfile _profile;
    private readonly IDataStore? _store;
    private readonly ISegmentStore? _segmentStore;
    private readonly ITriggerRanker? _ranker;
    private readonly AetherSegmentOptions _options;
    private readonly SegmentOptions _segmentOptions;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SegmentDefinitionBuilder _builder;
    private readonly TriggerRankingOptions? _rankingOptions;
    private readonly ILoggerFactory? _loggerFactory;

    public SegmentEngine(
        ICampaignInterpreter interpreter,
        BusinessProfile profile,
        IOptions<AetherSegmentOptions> options,
        IOptions<SegmentOptions> segmentOptions,
        TimeProvider time,
        IDataStore? store = null,
        ISegmentStore? segmentStore = null,
        ITriggerRanker? ranker = null,
        ILogger<SegmentEngine>? logger = null,
        IOptions<TriggerRankingOptions>? rankingOptions = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(interpreter);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(segmentOptions);
        ArgumentNullException.ThrowIfNull(time);
        _interpreter = interpreter;
        _profile = profile;
        _store = store;
        _segmentStore = segmentStore;
        _ranker = ranker;
        _options = options.Value;
        _segmentOptions = segmentOptions.Value;
        _time = time;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _builder = new SegmentDefinitionBuilder(profile, _options);
        _rankingOptions = rankingOptions?.Value;
        _loggerFactory = loggerFactory;
    }

    private IDataStore Store => _store
        ?? throw new InvalidOperationException("No data store is registered: call AddDuckDB() or AddBigQuery() on AddAetherSegment().");

    private ISegmentStore SegmentStore => _segmentStore
        ?? throw new InvalidOperationException("No segment store is registered: call AddDuckDB() or AddBigQuery() on AddAetherSegment().");

    public async Task<CampaignAnalysis> InterpretAndAnalyzeAsync(string objective, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(objective))
        {
            throw new AetherSegmentInputException("objective", "The objective is empty: describe the campaign in a sentence.");
        }

        long started = Stopwatch.GetTimestamp();
        CampaignObjective interpreted = await _interpreter.InterpretAsync(objective, cancellationToken).ConfigureAwait(false);
        double interpretMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogInterpreted(_logger, interpretMs);
        return await AnalyzeAsync(interpreted, cancellationToken).ConfigureAwait(false);
    }

    public async Task<CampaignAnalysis> AnalyzeAsync(CampaignObjective objective, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        using Activity? activity = AetherSegmentTelemetry.ActivitySource.StartActivity("segment.analyze");
        long started = Stopwatch.GetTimestamp();
        DateTimeOffset asOf = await ResolveAsOfAsync(null, cancellationToken).ConfigureAwait(false);
        SegmentDefinition definition = new() { Filters = _builder.FromObjective(objective), AsOf = asOf };
        // Compiled first: a filter the profile cannot serve (a cart condition without a carts mapping) is an input error
        // answered at once, before the ranking trains or scores anything.
        SqlStatement members = SegmentSqlCompiler.Members(_profile, definition, Store.Dialect);
        long resolved = Stopwatch.GetTimestamp();
        // The preview and the ranking are independent queries: run them side by side. Each starts on the thread pool,
        // because a store may run its query synchronously before its first await (the embedded DuckDB does), which
        // would otherwise finish the preview before the ranking even starts.
        StrongBox<double> previewMs = new();
        StrongBox<double> rankingMs = new();
        if (_ranker is StoreTriggerRanker snapshotRanker && ReadsMembersWithPreview(Store)
            && AudienceSnapshots(snapshotRanker) is { } snapshots && snapshots.Candidate(definition.AsOf) is { } snapshot)
        {
            (SegmentPreview withMembers, IReadOnlyList<TriggerSuggestion> ranked) = await PreviewAndRankFromSnapshotAsync(snapshotRanker, snapshots, snapshot, definition, previewMs, rankingMs, cancellationToken).ConfigureAwait(false);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                LogAnalyzedOnce(_logger, withMembers.Size, Stopwatch.GetElapsedTime(started, resolved).TotalMilliseconds, previewMs.Value, rankingMs.Value, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return Analysis(objective, withMembers, ranked);
        }

        Task<SegmentPreview> previewTask = TimedAsync(() => PreviewAsync(definition, cancellationToken), previewMs, cancellationToken);
        Task<IReadOnlyList<TriggerSuggestion>> rankingTask = TimedAsync(() => _ranker switch
        {
            StoreTriggerRanker store => RankAfterTriggerFiltersAsync(store, definition, cancellationToken),
            { } ranker => ranker.RankAsync(members, definition.AsOf, cancellationToken),
            null => Task.FromResult<IReadOnlyList<TriggerSuggestion>>([]),
        }, rankingMs, cancellationToken);
        await Task.WhenAll(previewTask, rankingTask).ConfigureAwait(false);
        SegmentPreview preview = await previewTask.ConfigureAwait(false);
        IReadOnlyList<TriggerSuggestion> suggestions = await rankingTask.ConfigureAwait(false);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            LogAnalyzed(_logger, preview.Size, Stopwatch.GetElapsedTime(started, resolved).TotalMilliseconds, previewMs.Value, rankingMs.Value, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return Analysis(objective, preview, suggestions);
    }

    private static CampaignAnalysis Analysis(CampaignObjective objective, SegmentPreview preview, IReadOnlyList<TriggerSuggestion> suggestions)
    {
        TriggerSuggestion? chosen = suggestions.FirstOrDefault(s => s.Trigger == objective.SuggestedTrigger) ?? (suggestions.Count > 0 ? suggestions[0] : null);
        return new CampaignAnalysis
        {
            CampaignObjectiveObject = objective,
            SegmentPreview = preview with { PredictedUplift = chosen?.PredictedUplift, Trigger = objective.SuggestedTrigger },
            TriggerSuggestions = suggestions,
        };
    }

    /// <summary>
    /// Whether an analyze reads the members' fingerprints with its preview statement (one evaluation of the filters) when
    /// an audience snapshot serves: the embedded store streams them cheaply; a warehouse would page every member through
    /// its API, so it keeps the preview and the members statement apart.
    /// </summary>
    private static bool ReadsMembersWithPreview(IDataStore store) => store.Dialect == SqlDialect.DuckDB;

    /// <summary>
    /// The preview and the ranking from an audience snapshot with one statement: the preview compiled with every member's
    /// fingerprint, read while the data version is probed; the snapshot ranks those members (the same answer as
    /// <see cref="TriggerAudienceSnapshots.TryRankAsync"/>). When the version moved or a member is newer than the
    /// snapshot, the ranking runs per request after the preview.
    /// </summary>
    private async Task<(SegmentPreview Preview, IReadOnlyList<TriggerSuggestion> Suggestions)> PreviewAndRankFromSnapshotAsync(StoreTriggerRanker ranker, TriggerAudienceSnapshots snapshots, TriggerAudienceSnapshots.Snapshot snapshot, SegmentDefinition definition, StrongBox<double> previewMs, StrongBox<double> rankingMs, CancellationToken cancellationToken)
    {
        using Activity? activity = AetherSegmentTelemetry.ActivitySource.StartActivity("segment.preview");
        IDataStore store = Store;
        StrongBox<double> versionMs = new();
        Task<(string Version, StoreTriggerRanker.TriggerModels Models)> versionTask = TimedAsync(() => ranker.VersionedModelsAsync(cancellationToken), versionMs, cancellationToken);
        long started = Stopwatch.GetTimestamp();
        int sampleSize = Math.Clamp(_segmentOptions.SampleSize, 0, 50);
        SqlStatement statement = SegmentSqlCompiler.Preview(_profile, definition, store.Dialect, _builder.HighValueThreshold, _builder.LowValueThreshold, sampleSize, memberFingerprints: true);
        (QueryResult rows, TriggerAudienceSnapshots.Membership? members) = await store.ReadAsync(statement, (reader, ct) => TriggerAudienceSnapshots.ReadPreviewAndMembersAsync(reader, snapshot, ct), cancellationToken).ConfigureAwait(false);
        SegmentPreview preview = SegmentPreviewReader.Read(_profile, definition, rows);
        previewMs.Value = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        (string version, StoreTriggerRanker.TriggerModels models) = await versionTask.ConfigureAwait(false);
        started = Stopwatch.GetTimestamp();
        IReadOnlyList<TriggerSuggestion> suggestions = snapshots.RankMembers(snapshot, version, models, members, definition.AsOf, versionMs.Value, previewMs.Value)
            ?? await RankAfterTriggerFiltersAsync(ranker, definition, cancellationToken).ConfigureAwait(false);
        rankingMs.Value = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return (preview, suggestions);
    }

    /// <summary>
    /// Ranks every trigger over the audience after that trigger's filter: one flags query counts, in the store, the
    /// members passing each trigger's filter and returns the flags of the members the ranker scores (its hash sample);
    /// one scoring pass predicts those members' uplift, and each suggestion sums over its kept members.
    /// </summary>
    private async Task<IReadOnlyList<TriggerSuggestion>> RankAfterTriggerFiltersAsync(StoreTriggerRanker ranker, SegmentDefinition definition, CancellationToken cancellationToken)
    {
        if (AudienceSnapshots(ranker) is { } snapshots
            && await snapshots.TryRankAsync(definition, cancellationToken).ConfigureAwait(false) is { } fromSnapshot)
        {
            return fromSnapshot;
        }

        IDataStore store = Store;
        BusinessProfile profile = ranker.Profile;
        SegmentCondition?[] triggers = [.. profile.Triggers.Select(t => TriggerEligibilityFilter.ConditionOf(profile, t))];
        TriggerFlagCounts flags = await TriggerFlagCountsAsync(profile, store, definition, triggers, ranker.ScoringSampleSize, cancellationToken).ConfigureAwait(false);
        return await ranker.RankAfterTriggerFiltersAsync(SegmentSqlCompiler.Members(profile, definition, store.Dialect),
            (trigger, id) => flags.Sampled.TryGetValue(id, out bool[]? kept) && kept[trigger],
            trigger => flags.Counts[trigger], definition.AsOf, cancellationToken).ConfigureAwait(false);
    }

    public async Task<FilterPreview> PreviewFiltersAsync(CampaignObjective objective, IEnumerable<SegmentRefinement>? newFilters, string? trigger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objective);
        List<SegmentFilter> before = [.. _builder.FromObjective(objective)];
        string? chosen = null;
        if (!string.IsNullOrWhiteSpace(trigger))
        {
            TriggerDefinition definitionOfTrigger = TriggerEligibilityFilter.Parse(_profile, "trigger", trigger);
            chosen = definitionOfTrigger.Id;
            if (TriggerEligibilityFilter.For(_profile, definitionOfTrigger) is { } eligibility)
            {
                before.Add(eligibility);
            }
        }

        IReadOnlyList<SegmentFilter> added = _builder.FromRefinements(newFilters, "new_filters", before);
        DateTimeOffset asOf = await ResolveAsOfAsync(null, cancellationToken).ConfigureAwait(false);
        SegmentDefinition definition = new() { Filters = [.. before, .. added], Trigger = chosen, AsOf = asOf };
        // The chosen trigger's uplift and conversions over exactly this audience (after its filter and the refinements),
        // from the same definition as the sizes, so a page never pairs a refined size with an unrefined estimate.
        Task<SegmentPreview> previewTask = PreviewAsync(definition, cancellationToken);
        Task<IReadOnlyList<TriggerSuggestion>> estimateTask = chosen is not null && _ranker is { } ranker
            ? ranker.RankAsync(SegmentSqlCompiler.Members(_profile, definition, Store.Dialect), definition.AsOf, cancellationToken)
            : Task.FromResult<IReadOnlyList<TriggerSuggestion>>([]);
        await Task.WhenAll(previewTask, estimateTask).ConfigureAwait(false);
        SegmentPreview preview = await previewTask.ConfigureAwait(false);
        TriggerSuggestion? estimate = (await estimateTask.ConfigureAwait(false)).FirstOrDefault(s => s.Trigger == chosen);

        SegmentMetrics beforeMetrics = before.Count == 0
            ? new SegmentMetrics(preview.TotalCustomers, preview.TotalAvgClv)
            : new SegmentMetrics(preview.Waterfall[before.Count - 1].Size, preview.Waterfall[before.Count - 1].AvgClv);

        return new FilterPreview
        {
            Before = beforeMetrics,
            After = new SegmentMetrics(preview.Size, preview.AvgClv),
            AddedFilters = added,
            Preview = preview,
            TriggerEstimate = estimate is null ? null : estimate with { SegmentSizeAfterTrigger = preview.Size },
        };
    }

    public Task<StoredSegment> CreateAsync(CampaignObjective objective, string? trigger, IEnumerable<SegmentRefinement>? additionalFilters, CancellationToken cancellationToken = default) =>
        CreateAsync(objective, trigger, additionalFilters, null, cancellationToken);

    public async Task<StoredSegment> CreateAsync(CampaignObjective objective, string? trigger, IEnumerable<SegmentRefinement>? additionalFilters, Experiments.SegmentHoldout? holdout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objective);
        using Activity? activity = AetherSegmentTelemetry.ActivitySource.StartActivity("segment.create");
        SegmentDefinition definition = await DefineAsync(objective, trigger, additionalFilters, "override_trigger", "additional_filters", null, cancellationToken).ConfigureAwait(false);
        IDataStore store = Store;
        SqlStatement members = SegmentSqlCompiler.Members(_profile, definition, store.Dialect);
        // A long-lived host's audience snapshot holds every customer's uplift: the store then hands the scorer the
        // fingerprints of the members it writes, and the filters run once. Otherwise the members are scored first.
        Func<IReadOnlyList<long>?, CancellationToken, Task<Experiments.MemberUpliftScores?>>? scorer = null;
        Experiments.MemberUpliftScores? scores = null;
        Task<(Experiments.AudienceScoreSetKey? Key, string? Set)>? lookup = null;
        StrongBox<Experiments.MemberUpliftScores?> fallback = new();
        if (holdout is not null)
        {
            using Activity? plan = AetherSegmentTelemetry.ActivitySource.StartActivity("segment.holdout.plan");
            (TriggerAudienceSnapshots.Snapshot Snapshot, int Index)? serving = await ServingSnapshotAsync(definition, cancellationToken).ConfigureAwait(false);
            if (serving is { } kept && KeptScoreSet(kept.Snapshot, kept.Index, definition.Trigger!) is { } scoreSet)
            {
                // The audience's scores are in the store already: the holdout references them, no row per member.
                holdout = holdout with { Method = Experiments.HoldoutAssignment.StratifiedMethod, Scores = scoreSet };
            }
            else if (serving is { } snapshot && SegmentStore.KeepsMemberScores)
            {
                scorer = SnapshotScorer(definition, members, snapshot.Snapshot, snapshot.Index);
            }
            else if (KeepsScoreSetsByKey(definition))
            {
                // No snapshot (a one-shot process): an earlier process may have kept scores for this trigger, data
                // version, models and as-of. The lookup (the data version's probe, then the set) runs alongside the
                // members' insert; the store references the set if it scores every member, else calls the scorer.
                lookup = Task.Run(() => LookUpScoreSetAsync(definition, cancellationToken), cancellationToken);
                scorer = async (_, token) => fallback.Value = await ScoreForHoldoutAsync(definition, members, token).ConfigureAwait(false);
            }
            else
            {
                scores = await ScoreForHoldoutAsync(definition, members, cancellationToken).ConfigureAwait(false);
            }
        }

        StoredSegment segment = new()
        {
            SegmentId = "seg_" + Guid.NewGuid().ToString("N"),
            Trigger = definition.Trigger,
            Filters = definition.Filters,
            Explanation = SegmentExplainer.Explain(_profile, objective, definition),
            CreatedAt = _time.GetUtcNow(),
            AsOf = definition.AsOf,
            CampaignObjectiveObject = objective,
            Dialect = store.Dialect.Name,
            Sql = members.Sql,
            Parameters = members.Parameters,
            Holdout = holdout,
        };
        StoredSegment stored = lookup is not null && scorer is not null
            ? await SegmentStore.CreateAsync(segment, members, async _ => (await lookup.ConfigureAwait(false)).Set, scorer, cancellationToken).ConfigureAwait(false)
            : scorer is not null
            ? await SegmentStore.CreateAsync(segment, members, scorer, cancellationToken).ConfigureAwait(false)
            : await SegmentStore.CreateAsync(Experiments.HoldoutAssignment.WithScores(segment, scores), members, scores, cancellationToken).ConfigureAwait(false);
        LogCreated(_logger, stored.SegmentId, stored.Size);
        if (lookup is not null && (await lookup.ConfigureAwait(false)).Key is { } setKey && stored.Holdout is { Scores: null } && fallback.Value is { } scored)
        {
            // The members were scored: kept as a score set by key, so the next process references them.
            await KeepScoresForLaterAsync(setKey, scored).ConfigureAwait(false);
        }

        // A one-shot process (no snapshot) may exit right after: arms it could not keep at activation are computed by reads.
        if (_rankingOptions?.AudienceSnapshotMaxLag is not null || stored.Holdout?.Scores is null)
        {
            KeepArmsInBackground(stored);
        }

        return stored;
    }

    /// <summary>
    /// The long-lived host's audience snapshot when it can serve a stratified holdout over <paramref name="definition"/>'s
    /// members, with the trigger's position in it: the segment has a trigger, the snapshot is current (the data
    /// version of the models, an as-of within its lag) and the trigger has a model. Null otherwise (the members are
    /// scored per request).
    /// </summary>
    private async Task<(TriggerAudienceSnapshots.Snapshot Snapshot, int Index)?> ServingSnapshotAsync(SegmentDefinition definition, CancellationToken cancellationToken)
    {
        if (definition.Trigger is not { } trigger || _ranker is not StoreTriggerRanker ranker
            || AudienceSnapshots(ranker) is not { } snapshots || snapshots.Candidate(definition.AsOf) is not { } snapshot)
        {
            return null;
        }

        int index = TriggerIndex(trigger);
        (string version, StoreTriggerRanker.TriggerModels models) = await ranker.VersionedModelsAsync(cancellationToken).ConfigureAwait(false);
        return snapshot.Version == version && (uint)index < (uint)snapshot.Uplift.Length && models.Get(index) is not null ? (snapshot, index) : null;
    }

    /// <summary>
    /// The scorer of a stratified holdout from a serving snapshot (<see cref="ServingSnapshotAsync"/>): it looks the
    /// members the store has just written up by fingerprint, with no second evaluation of the segment's filters, and
    /// falls back to <see cref="ScoreForHoldoutAsync"/> when the store gives no fingerprints or a member is missing
    /// from the snapshot.
    /// </summary>
    private Func<IReadOnlyList<long>?, CancellationToken, Task<Experiments.MemberUpliftScores?>> SnapshotScorer(SegmentDefinition definition, SqlStatement members, TriggerAudienceSnapshots.Snapshot snapshot, int index) =>
        async (fingerprints, token) =>
        {
            if (fingerprints is not null && TriggerAudienceSnapshots.MemberScores(snapshot, fingerprints, index) is { } fromSnapshot)
            {
                return fromSnapshot.CustomerIds.Length == 0 ? null : new Experiments.MemberUpliftScores(definition.Trigger!, fromSnapshot.CustomerIds, fromSnapshot.Uplift);
            }

            return await ScoreForHoldoutAsync(definition, members, token).ConfigureAwait(false);
        };

    private int TriggerIndex(string trigger)
    {
        int index = -1;
        for (int t = 0; t < _profile.Triggers.Count; t++)
        {
            index = _profile.Triggers[t].Id == trigger ? t : index;
        }

        return index;
    }

    /// <summary>
    /// Every member's predicted uplift of the segment's trigger, scored by the trigger's uplift model at activation, for
    /// a holdout stratified by decile and the report's calibration; null when the segment has no trigger, the ranker is
    /// not the store's, the trigger has no model, or the segment store cannot keep scores (the holdout is then unstratified).
    /// </summary>
    private async Task<Experiments.MemberUpliftScores?> ScoreForHoldoutAsync(SegmentDefinition definition, SqlStatement members, CancellationToken cancellationToken)
    {
        if (definition.Trigger is not { } trigger || _ranker is not StoreTriggerRanker ranker || !SegmentStore.KeepsMemberScores)
        {
            return null;
        }

        int index = TriggerIndex(trigger);
        (string version, StoreTriggerRanker.TriggerModels models) = await ranker.VersionedModelsAsync(cancellationToken).ConfigureAwait(false);
        if (models.Get(index) is null)
        {
            return null;
        }

        // A long-lived host's audience snapshot (same models, an as-of within its lag) already holds every customer's
        // uplift: the stratification then costs one read of the members' fingerprints.
        if (AudienceSnapshots(ranker) is { } snapshots && snapshots.Candidate(definition.AsOf) is { } snapshot && snapshot.Version == version
            && await snapshots.MemberScoresAsync(snapshot, members, index, cancellationToken).ConfigureAwait(false) is { } fromSnapshot)
        {
            return fromSnapshot.CustomerIds.Length == 0 ? null : new Experiments.MemberUpliftScores(trigger, fromSnapshot.CustomerIds, fromSnapshot.Uplift);
        }

        StoreTriggerRanker.MemberUplift scored = await ranker.ScoreAllAsync(models, members, definition.AsOf, index, cancellationToken).ConfigureAwait(false);
        return scored.CustomerIds.Length == 0 ? null : new Experiments.MemberUpliftScores(trigger, scored.CustomerIds, scored.Uplift[index]);
    }

    public Task<StoredSegment?> GetAsync(string segmentId, CancellationToken cancellationToken = default) =>
        SegmentTables.IsSegmentId(segmentId) ? SegmentStore.GetAsync(segmentId, cancellationToken) : Task.FromResult<StoredSegment?>(null);

    public async Task<long?> ExportAsync(string segmentId, SegmentExportFormat format, Stream destination, SegmentExportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(options);
        return SegmentTables.IsSegmentId(segmentId)
            ? await SegmentStore.ExportAsync(segmentId, format, destination, options, cancellationToken).ConfigureAwait(false)
            : null;
    }

    public Task<SegmentDefinition> DefineAsync(CampaignObjective objective, string? trigger, IEnumerable<SegmentRefinement>? filters, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default) =>
        DefineAsync(objective, trigger, filters, "trigger", "filters", asOf, cancellationToken);

    public SqlStatement CompileMembers(SegmentDefinition definition, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(dialect);
        return SegmentSqlCompiler.Members(_profile, definition, dialect);
    }

    public async Task<SegmentPreview> PreviewAsync(SegmentDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        using Activity? activity = AetherSegmentTelemetry.ActivitySource.StartActivity("segment.preview");
        IDataStore store = Store;
        int sampleSize = Math.Clamp(_segmentOptions.SampleSize, 0, 50);
        SqlStatement statement = SegmentSqlCompiler.Preview(_profile, definition, store.Dialect, _builder.HighValueThreshold, _builder.LowValueThreshold, sampleSize);
        SegmentPreview preview = SegmentPreviewReader.Read(_profile, definition, await store.QueryAsync(statement, cancellationToken).ConfigureAwait(false));
        return preview;
    }

    private async Task<SegmentDefinition> DefineAsync(CampaignObjective objective, string? trigger, IEnumerable<SegmentRefinement>? filters, string triggerField, string filtersField, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objective);
        List<SegmentFilter> list = [.. _builder.FromObjective(objective)];
        TriggerDefinition? chosen = trigger is null ? null : TriggerEligibilityFilter.Parse(_profile, triggerField, trigger);
        if (chosen is not null && TriggerEligibilityFilter.For(_profile, chosen) is { } eligibility)
        {
            list.Add(eligibility);
        }

        list.AddRange(_builder.FromRefinements(filters, filtersField, list));
        DateTimeOffset resolved = await ResolveAsOfAsync(asOf, cancellationToken).ConfigureAwait(false);
        return new SegmentDefinition { Filters = list, Trigger = chosen?.Id, AsOf = resolved };
    }

    private async Task<DateTimeOffset> ResolveAsOfAsync(DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        if ((asOf ?? _segmentOptions.AsOf) is { } fixedAsOf)
        {
            return fixedAsOf.ToUniversalTime();
        }

        DateTimeOffset now = _time.GetUtcNow();
        if (!_segmentOptions.UseDataAsOf || _store is not { } store)
        {
            return now;
        }

        try
        {
            QueryResult result = await store.QueryAsync(DataAsOf.Statement(_profile, store.Dialect), cancellationToken).ConfigureAwait(false);
            return result.Scalar() is DateTimeOffset latest ? latest.ToUniversalTime() : now;
        }
        catch (DataStoreException ex)
        {
            LogNoDataAsOf(_logger, ex.Message);
            return now;
        }
    }

    /// <summary>Starts <paramref name="start"/> on the thread pool and writes how long it ran into <paramref name="milliseconds"/>.</summary>
    private static Task<T> TimedAsync<T>(Func<Task<T>> start, StrongBox<double> milliseconds, CancellationToken cancellationToken) =>
        Task.Run(
            async () =>
            {
                long started = Stopwatch.GetTimestamp();
                try
                {
                    return await start().ConfigureAwait(false);
                }
                finally
                {
                    milliseconds.Value = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            },
            cancellationToken);

    [LoggerMessage(3, LogLevel.Debug, "Analyze ({Members} members): as-of {AsOfMs:F0} ms, preview {PreviewMs:F0} ms and ranking {RankingMs:F0} ms side by side, {TotalMs:F0} ms in all")]
    private static partial void LogAnalyzed(ILogger logger, long members, double asOfMs, double previewMs, double rankingMs, double totalMs);

    [LoggerMessage(5, LogLevel.Debug, "Analyze ({Members} members): as-of {AsOfMs:F0} ms, preview with the members' fingerprints {PreviewMs:F0} ms (data version probed beside it), then ranking from the snapshot {RankingMs:F0} ms, {TotalMs:F0} ms in all")]
    private static partial void LogAnalyzedOnce(ILogger logger, long members, double asOfMs, double previewMs, double rankingMs, double totalMs);

    [LoggerMessage(4, LogLevel.Debug, "Objective interpreted in {Milliseconds:F0} ms")]
    private static partial void LogInterpreted(ILogger logger, double milliseconds);

    [LoggerMessage(1, LogLevel.Information, "Created segment {SegmentId} with {Size} members.")]
    private static partial void LogCreated(ILogger logger, string segmentId, long size);

    [LoggerMessage(2, LogLevel.Warning, "Could not read the data's as-of time ({Reason}); time windows end now.")]
    private static partial void LogNoDataAsOf(ILogger logger, string reason);
}

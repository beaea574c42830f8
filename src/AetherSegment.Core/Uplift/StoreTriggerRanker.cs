using System.Diagnostics;
using System.Globalization;
using System.Text;
using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AetherSegment.Uplift;

/// <summary>
/// Ranks triggers with uplift models trained on the store's campaign history: one model per trigger (its campaigns'
/// treatment vs control rows, features as of each send), cached until campaign_history changes; a segment's members
/// are scored with features as of now and the triggers ranked by expected incremental conversions.
/// </summary>
/// <remarks>Thread-safe: concurrent callers share one training run per data version.</remarks>
internal sealed partial class StoreTriggerRanker : ITriggerRanker
{
    private readonly IDataStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TriggerRankingOptions _options;
    private readonly Lock _gate = new();
    private (string Version, Task<TriggerModels> Models)? _cache;

    public StoreTriggerRanker(IDataStore store, TimeProvider time, ILogger<StoreTriggerRanker> logger, IOptions<TriggerRankingOptions> options)
    {
        _store = store;
        _time = time;
        _logger = logger;
        _options = options.Value;
    }

    public async Task<IReadOnlyList<TriggerSuggestion>> RankAsync(SqlStatement members, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(members);
        using Activity? activity = AetherSegmentTelemetry.ActivitySource.StartActivity("uplift.rank");
        TriggerModels models = await GetModelsAsync(cancellationToken).ConfigureAwait(false);
        MemberUplift scored = await ScoreAsync(models, members, cancellationToken).ConfigureAwait(false);
        List<TriggerSuggestion> suggestions = [];
        foreach (TriggerInfo trigger in TriggerCatalog.All)
        {
            suggestions.Add(Suggest(trigger, models.Get(trigger.Type), scored.Uplift[(int)trigger.Type], scored.CustomerIds.Length));
        }

        suggestions.Sort((a, b) => b.ExpectedIncrementalConversions != a.ExpectedIncrementalConversions
            ? b.ExpectedIncrementalConversions.CompareTo(a.ExpectedIncrementalConversions)
            : a.Trigger.CompareTo(b.Trigger));
        string best = TriggerCatalog.Get(suggestions[0].Trigger).Name;
        LogRanked(_logger, scored.CustomerIds.Length, best);
        return suggestions;
    }

    /// <summary>
    /// Ranks every trigger over the members of <paramref name="members"/> that pass that trigger's own filter
    /// (<paramref name="keeps"/> answers per trigger and customer id): uplift, incremental conversions and revenue, and
    /// <see cref="TriggerSuggestion.SegmentSizeAfterTrigger"/> (the kept members) all describe the audience after the
    /// trigger filter, the audience the segment would have with that trigger. One scoring pass serves all triggers.
    /// </summary>
    internal async Task<IReadOnlyList<TriggerSuggestion>> RankAfterTriggerFiltersAsync(SqlStatement members, Func<TriggerType, string, bool> keeps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(keeps);
        using Activity? activity = AetherSegmentTelemetry.ActivitySource.StartActivity("uplift.rank");
        TriggerModels models = await GetModelsAsync(cancellationToken).ConfigureAwait(false);
        MemberUplift scored = await ScoreAsync(models, members, cancellationToken).ConfigureAwait(false);
        List<TriggerSuggestion> suggestions = [];
        List<double> kept = new(scored.CustomerIds.Length);
        foreach (TriggerInfo trigger in TriggerCatalog.All)
        {
            kept.Clear();
            double[] uplift = scored.Uplift[(int)trigger.Type];
            for (int i = 0; i < uplift.Length; i++)
            {
                if (keeps(trigger.Type, scored.CustomerIds[i]))
                {
                    kept.Add(uplift[i]);
                }
            }

            suggestions.Add(Suggest(trigger, models.Get(trigger.Type), [.. kept], kept.Count) with { SegmentSizeAfterTrigger = kept.Count });
        }

        suggestions.Sort((a, b) => b.ExpectedIncrementalConversions != a.ExpectedIncrementalConversions
            ? b.ExpectedIncrementalConversions.CompareTo(a.ExpectedIncrementalConversions)
            : a.Trigger.CompareTo(b.Trigger));
        string best = TriggerCatalog.Get(suggestions[0].Trigger).Name;
        LogRanked(_logger, scored.CustomerIds.Length, best);
        return suggestions;
    }

    /// <summary>Every member's predicted uplift per trigger (catalog order), for callers and tests that need the detail.</summary>
    internal async Task<MemberUplift> ScoreMembersAsync(SqlStatement members, CancellationToken cancellationToken = default)
    {
        TriggerModels models = await GetModelsAsync(cancellationToken).ConfigureAwait(false);
        return await ScoreAsync(models, members, cancellationToken).ConfigureAwait(false);
    }

    private async Task<MemberUplift> ScoreAsync(TriggerModels models, SqlStatement members, CancellationToken cancellationToken)
    {
        SqlStatement query = UpliftFeatureQuery.Scoring(_store.Dialect, members, _time.GetUtcNow());
        QueryResult result = await _store.QueryAsync(query, cancellationToken).ConfigureAwait(false);
        int idColumn = result.IndexOf("customer_id");
        string[] ids = new string[result.Rows.Count];
        for (int r = 0; r < ids.Length; r++)
        {
            ids[r] = Convert.ToString(result.Rows[r][idColumn], CultureInfo.InvariantCulture) ?? string.Empty;
        }

        UpliftDataset features = UpliftFeatureTable.FromResult(result, UpliftFeatureQuery.NonFeatureColumns);
        double[][] uplift = new double[TriggerCatalog.All.Count][];
        foreach (TriggerInfo trigger in TriggerCatalog.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TriggerModel? model = models.Get(trigger.Type);
            uplift[(int)trigger.Type] = model is null ? new double[ids.Length] : model.Model.Predict(features, 0);
        }

        return new MemberUplift(ids, uplift);
    }

    private static TriggerSuggestion Suggest(TriggerInfo trigger, TriggerModel? model, double[] uplift, int members)
    {
        if (model is null || members == 0)
        {
            return new TriggerSuggestion
            {
                Trigger = trigger.Type,
                PredictedUplift = 0,
                ExpectedIncrementalConversions = 0,
                ExpectedIncrementalRevenue = 0,
                SegmentSizeAfterTrigger = 0,
                Rationale = model is null
                    ? $"No uplift estimate: campaign_history holds too few randomized {trigger.Name} rows to learn from."
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

        double mean = sum / members;
        StringBuilder why = new();
        why.Append(CultureInfo.InvariantCulture, $"Predicted +{mean * 100:0.00} pts conversion on average ({positive:N0} of {members:N0} members positive), learned from {model.Rows:N0} randomized {trigger.Name} campaign rows; driven most by ");
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
        return new TriggerSuggestion
        {
            Trigger = trigger.Type,
            PredictedUplift = mean,
            ExpectedIncrementalConversions = sum,
            ExpectedIncrementalRevenue = sum * model.AverageOrderValue,
            SegmentSizeAfterTrigger = positive,
            Rationale = shown == 0 ? $"Predicted +{mean * 100:0.00} pts conversion on average; no feature moves it." : why.ToString(),
        };
    }

    private async Task<TriggerModels> GetModelsAsync(CancellationToken cancellationToken)
    {
        string version = await DataVersionAsync(cancellationToken).ConfigureAwait(false);
        Task<TriggerModels> task;
        lock (_gate)
        {
            if (_cache is { } cached && cached.Version == version && !cached.Models.IsFaulted && !cached.Models.IsCanceled)
            {
                task = cached.Models;
            }
            else
            {
                task = Task.Run(() => TrainAsync(CancellationToken.None), CancellationToken.None);
                _cache = (version, task);
            }
        }

        return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> DataVersionAsync(CancellationToken cancellationToken)
    {
        string sql = $"SELECT COUNT(*) AS n, MAX(sent_at) AS last_sent, SUM(CASE WHEN converted THEN 1 ELSE 0 END) AS conversions FROM {DataSchema.CampaignHistory.Name}";
        QueryResult result = await _store.QueryAsync(new SqlStatement(sql), cancellationToken).ConfigureAwait(false);
        object?[] row = result.Rows.Count > 0 ? result.Rows[0] : [];
        return string.Join('|', row.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));
    }

    private async Task<TriggerModels> TrainAsync(CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        QueryResult result = await _store.QueryAsync(UpliftFeatureQuery.Training(_store.Dialect), cancellationToken).ConfigureAwait(false);
        int triggerColumn = result.IndexOf("trigger_type"), treatedColumn = result.IndexOf("treated");
        int convertedColumn = result.IndexOf("converted"), revenueColumn = result.IndexOf("revenue");
        UpliftDataset all = UpliftFeatureTable.FromResult(result, UpliftFeatureQuery.NonFeatureColumns);
        List<int>[] rowsByTrigger = new List<int>[TriggerCatalog.All.Count];
        for (int t = 0; t < rowsByTrigger.Length; t++)
        {
            rowsByTrigger[t] = [];
        }

        for (int r = 0; r < result.Rows.Count; r++)
        {
            if (TriggerCatalog.TryParse(result.Rows[r][triggerColumn] as string, out TriggerType type))
            {
                rowsByTrigger[(int)type].Add(r);
            }
        }

        TriggerModel?[] models = new TriggerModel?[rowsByTrigger.Length];
        Parallel.For(0, rowsByTrigger.Length, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken }, t =>
        {
            int[] rows = [.. rowsByTrigger[t]];
            int[] arm = new int[rows.Length];
            float[] outcome = new float[rows.Length];
            int treated = 0, converted = 0, buyers = 0;
            double revenue = 0;
            for (int i = 0; i < rows.Length; i++)
            {
                object?[] row = result.Rows[rows[i]];
                arm[i] = UpliftFeatureTable.ToFloat(row[treatedColumn]) == 1f ? 1 : 0;
                outcome[i] = UpliftFeatureTable.ToFloat(row[convertedColumn]) == 1f ? 1 : 0;
                treated += arm[i];
                converted += (int)outcome[i];
                if (outcome[i] == 1f)
                {
                    buyers++;
                    revenue += UpliftFeatureTable.ToFloat(row[revenueColumn]);
                }
            }

            int control = rows.Length - treated;
            if (treated < _options.MinimumRowsPerArm || control < _options.MinimumRowsPerArm || converted == 0 || converted == rows.Length)
            {
                return;
            }

            UpliftTrainingSet set = new(all.SelectRows(rows), arm, outcome, [TriggerCatalog.All[t].Name], "control");
            IUpliftModel model = UpliftModels.Create(_options.Model ?? TriggerRankingOptions.DefaultModel, new UpliftModelOptions { Seed = _options.Seed + t });
            model.Fit(set, cancellationToken);
            models[t] = new TriggerModel(model, rows.Length, buyers > 0 ? revenue / buyers : 0);
        });

        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        LogTrained(_logger, result.Rows.Count, seconds);
        return new TriggerModels(models);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trained trigger uplift models on {Rows} campaign rows in {Seconds:0.00} s")]
    private static partial void LogTrained(ILogger logger, int rows, double seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ranked triggers for {Members} members; best {Trigger}")]
    private static partial void LogRanked(ILogger logger, int members, string trigger);

    internal sealed record TriggerModel(IUpliftModel Model, int Rows, double AverageOrderValue);

    internal sealed class TriggerModels(TriggerModel?[] models)
    {
        public TriggerModel? Get(TriggerType type) => models[(int)type];
    }

    /// <summary>Members in feature-query order and, per trigger in catalog order, their predicted uplift.</summary>
    internal sealed record MemberUplift(string[] CustomerIds, double[][] Uplift);
}

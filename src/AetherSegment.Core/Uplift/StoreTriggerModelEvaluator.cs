using System.Diagnostics;
using System.Globalization;
using System.Text;
using AetherSegment.Data;
using AetherSegment.Profiles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AetherSegment.Uplift;

/// <summary>
/// Evaluates the trigger ranker's models out of sample. The ranker trains on every row of its sample (there is nothing
/// left to test on when the history fits under <see cref="TriggerRankingOptions.TrainingRowsPerArm"/>), so this reads
/// the same sample, holds out the customers whose FNV-1a hash of the id falls in the last <see cref="HoldoutShare"/>
/// (all of a customer's campaigns on one side), trains the ranker's learner with its settings and seed on the rest and
/// scores the held-out rows. The result is cached per data version: computed once, after the ranker's own models for
/// that version are ready, and reused until campaign_history changes. One evaluation per profile trigger, in profile
/// order; a trigger without enough history is reported with its reason (not covered), never an error.
/// </summary>
/// <remarks>Thread-safe: concurrent callers share one computation per data version.</remarks>
internal sealed partial class StoreTriggerModelEvaluator(
    IDataStore store,
    BusinessProfile profile,
    ITriggerRanker ranker,
    TimeProvider time,
    ILogger<StoreTriggerModelEvaluator> logger,
    IOptions<TriggerRankingOptions> options) : ITriggerModelEvaluator
{
    /// <summary>The share of customers held out for evaluation.</summary>
    internal const double HoldoutShare = 0.3;

    /// <summary>Fewer held-out rows than this (or no row in an arm) leave a trigger unevaluated.</summary>
    internal const int MinimumHoldoutRows = 20;

    private readonly TriggerRankingOptions _options = options.Value;
    private readonly Lock _gate = new();
    private (string Version, Task<TriggerModelEvaluation> Evaluation)? _cache;
    private int _evaluations;

    /// <summary>How many times this evaluator trained evaluation models (for tests and diagnostics).</summary>
    internal int Evaluations => Volatile.Read(ref _evaluations);

    /// <summary>Whether a customer is held out: its id's FNV-1a 64-bit hash, scaled to 0..1, falls in the last <see cref="HoldoutShare"/>.</summary>
    internal static bool IsHeldOut(string customerId)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(customerId))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return (hash % 10_000) >= (ulong)Math.Round((1 - HoldoutShare) * 10_000);
    }

    public async Task<TriggerModelEvaluation?> EvaluateAsync(CancellationToken cancellationToken = default)
    {
        if (ranker is not StoreTriggerRanker storeRanker)
        {
            return null;
        }

        string version = await storeRanker.DataVersionAsync(cancellationToken).ConfigureAwait(false);
        if (storeRanker.ReadyDataVersion != version)
        {
            return null;
        }

        Task<TriggerModelEvaluation> task;
        lock (_gate)
        {
            if (_cache is { } cached && cached.Version == version && !cached.Evaluation.IsFaulted && !cached.Evaluation.IsCanceled)
            {
                task = cached.Evaluation;
            }
            else
            {
                // The computation belongs to no caller: one that gives up stops waiting, the run goes on for the next.
                task = Task.Run(() => RunAsync(version), CancellationToken.None);
                _cache = (version, task);
            }
        }

        return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<TriggerModelEvaluation> RunAsync(string version)
    {
        using CancellationTokenSource timeout = new(_options.TrainingTimeout, time);
        try
        {
            return await EvaluateVersionAsync(version, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested)
        {
            throw new DataStoreException(string.Create(CultureInfo.InvariantCulture,
                $"Evaluating the trigger models took longer than {TriggerRankingOptions.SectionName}:TrainingTimeout ({_options.TrainingTimeout})."), ex);
        }
    }

    private async Task<TriggerModelEvaluation> EvaluateVersionAsync(string version, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _evaluations);
        long started = Stopwatch.GetTimestamp();
        string modelName = _options.Model ?? TriggerRankingOptions.DefaultModel;
        UpliftFeatureSet features = await UpliftFeatureSet.LoadAsync(store, profile, cancellationToken).ConfigureAwait(false);
        SqlStatement query = UpliftFeatureQuery.Training(store.Dialect, features, _options.TrainingRowsPerArm);
        FeatureRows all = await store.ReadAsync(query, (reader, ct) => UpliftFeatureReader.ReadAsync(reader, profile, ct), cancellationToken).ConfigureAwait(false);
        int[] triggerOf = all.Trigger!;
        int triggers = profile.Triggers.Count;
        List<int>[] train = new List<int>[triggers], holdout = new List<int>[triggers];
        for (int t = 0; t < triggers; t++)
        {
            train[t] = [];
            holdout[t] = [];
        }

        for (int r = 0; r < triggerOf.Length; r++)
        {
            int t = triggerOf[r];
            if (t >= 0)
            {
                (IsHeldOut(all.CustomerIds[r]) ? holdout[t] : train[t]).Add(r);
            }
        }

        TriggerEvaluation[] results = new TriggerEvaluation[triggers];
        Parallel.For(0, triggers, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken }, t =>
        {
            results[t] = EvaluateTrigger(t, [.. train[t]], [.. holdout[t]], all, modelName, cancellationToken);
        });

        int evaluated = results.Count(r => r.Evaluated);
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        LogEvaluated(logger, evaluated, triggers, all.Count, HoldoutShare, seconds);
        return new TriggerModelEvaluation
        {
            DataVersion = version,
            Model = modelName,
            HoldoutShare = HoldoutShare,
            EvaluatedAt = time.GetUtcNow(),
            Triggers = results,
        };
    }

    private TriggerEvaluation EvaluateTrigger(int t, int[] trainRows, int[] holdoutRows, FeatureRows all, string modelName, CancellationToken cancellationToken)
    {
        string type = profile.Triggers[t].Id;
        ExperimentRows training = all.Experiment(trainRows), held = all.Experiment(holdoutRows);
        int holdTreated = held.Treated, holdControl = held.Control;
        string? reason = null;
        if (!training.CanFit(_options.MinimumRowsPerArm))
        {
            reason = string.Create(CultureInfo.InvariantCulture,
                $"Too few training rows outside the hold-out ({training.Treated} treated, {training.Control} control, {training.Converted} converted; at least {_options.MinimumRowsPerArm} per arm and both outcomes needed).");
        }
        else if (holdoutRows.Length < MinimumHoldoutRows || holdTreated == 0 || holdControl == 0)
        {
            reason = string.Create(CultureInfo.InvariantCulture,
                $"Too few held-out rows ({holdTreated} treated, {holdControl} control; at least {MinimumHoldoutRows} rows and both arms needed).");
        }

        if (reason is not null)
        {
            return new TriggerEvaluation { Trigger = type, Reason = reason, TrainingRows = trainRows.Length, HoldoutTreated = holdTreated, HoldoutControl = holdControl };
        }

        UpliftTrainingSet set = new(all.Features.SelectRows(trainRows), training.Arm, training.Outcome, [type], "control");
        IUpliftModel model = UpliftModels.Create(modelName, new UpliftModelOptions { Seed = _options.Seed + t });
        model.Fit(set, cancellationToken);
        double[] uplift = model.Predict(all.Features.SelectRows(holdoutRows), 0);
        return new TriggerEvaluation
        {
            Trigger = type,
            TrainingRows = trainRows.Length,
            HoldoutTreated = holdTreated,
            HoldoutControl = holdControl,
            Outcome = held.Outcome,
            Treatment = held.Arm,
            Uplift = uplift,
            QiniCurve = UpliftMetrics.QiniCurve(held.Outcome, uplift, held.Arm),
            UpliftCurve = UpliftMetrics.AuucCurve(held.Outcome, uplift, held.Arm),
            QiniCoefficient = UpliftMetrics.QiniCoefficient(held.Outcome, uplift, held.Arm),
            AuucScore = UpliftMetrics.AuucScore(held.Outcome, uplift, held.Arm),
            UpliftByDecile = UpliftMetrics.UpliftByPercentile(held.Outcome, uplift, held.Arm, 10),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Evaluated {Evaluated} of {Triggers} trigger models on held-out campaign rows ({Rows} sampled rows, {Share:P0} of customers held out) in {Seconds:0.00} s")]
    private static partial void LogEvaluated(ILogger logger, int evaluated, int triggers, int rows, double share, double seconds);
}

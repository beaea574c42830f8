using AetherSegment.Data;
using AetherSegment.Uplift;
using Microsoft.Extensions.Logging;

namespace AetherSegment.Segments;

/// <content>
/// Audience score sets: a long-lived host's snapshot of one trigger's uplift for every customer, kept in the store once
/// (in the background, the first time a stratified holdout asks for that trigger), so later activations reference it
/// instead of writing a score row per member (docs/experiments.md, "Score sets").
/// </content>
internal sealed partial class SegmentEngine
{
    private readonly Lock _scoreSetGate = new();
    private (TriggerAudienceSnapshots.Snapshot Snapshot, Task<string?>?[] Sets)? _scoreSets;

    /// <summary>
    /// The id of the kept score set of a serving snapshot's trigger (<see cref="ServingSnapshotAsync"/>) when the store
    /// keeps sets and this one is in it already. Otherwise null, and keeping it starts in the background when the store
    /// keeps sets (the caller scores the members this time).
    /// </summary>
    private string? KeptScoreSet(TriggerAudienceSnapshots.Snapshot snapshot, int index, string trigger)
    {
        if (!SegmentStore.KeepsAudienceScores)
        {
            return null;
        }

        Task<string?> kept;
        lock (_scoreSetGate)
        {
            if (_scoreSets is not { } sets || !ReferenceEquals(sets.Snapshot, snapshot))
            {
                sets = (snapshot, new Task<string?>?[snapshot.Uplift.Length]);
                _scoreSets = sets;
            }

            kept = sets.Sets[index] ??= Task.Run(() => KeepScoreSetAsync(snapshot, index, trigger), CancellationToken.None);
        }

        return kept.IsCompletedSuccessfully ? kept.Result : null;
    }

    private async Task<string?> KeepScoreSetAsync(TriggerAudienceSnapshots.Snapshot snapshot, int index, string trigger)
    {
        string setId = "aud_" + Guid.NewGuid().ToString("N");
        try
        {
            // Kept with its key, so a one-shot process on the same data and as-of can reference it too.
            Experiments.AudienceScoreSetKey? key = _ranker is StoreTriggerRanker ranker
                ? new() { Trigger = trigger, DataVersion = snapshot.Version, Model = ranker.ModelIdentity, AsOf = snapshot.AsOf }
                : null;
            await (key is null
                ? SegmentStore.KeepAudienceScoresAsync(setId, snapshot.Ids, snapshot.Uplift[index], CancellationToken.None)
                : SegmentStore.KeepAudienceScoresAsync(setId, key, snapshot.Ids, snapshot.Uplift[index], CancellationToken.None)).ConfigureAwait(false);
            LogScoreSetKept(_logger, setId, trigger, snapshot.Ids.Length);
            return setId;
        }
        catch (Exception ex) when (ex is DataStoreException or NotSupportedException or System.Data.Common.DbException or ObjectDisposedException or InvalidOperationException)
        {
            // Activations go on scoring their members, as without a kept set (also when the host is shutting down).
            LogScoreSetFailed(_logger, trigger, ex.Message);
            return null;
        }
    }

    /// <summary>
    /// Whether a one-shot activation's scores are kept and found by key (<see cref="Experiments.AudienceScoreSetKey"/>:
    /// the segment's trigger, the campaign history's data version, a storage probe when a process before this one
    /// computed it, <see cref="CampaignHistoryVersion"/>, the models' identity and the segment's as-of): the store keeps
    /// score sets and member scores, and the segment has a trigger of the profile ranked by the store's ranker.
    /// </summary>
    private bool KeepsScoreSetsByKey(SegmentDefinition definition) =>
        definition.Trigger is { } trigger && _ranker is StoreTriggerRanker && TriggerIndex(trigger) >= 0
        && SegmentStore.KeepsAudienceScores && SegmentStore.KeepsMemberScores;

    /// <summary>
    /// The key (see <see cref="KeepsScoreSetsByKey"/>) and the newest kept score set for it, its as-of within the
    /// snapshot's lag (the same as-of without one), or a null set.
    /// </summary>
    private async Task<(Experiments.AudienceScoreSetKey? Key, string? Set)> LookUpScoreSetAsync(SegmentDefinition definition, CancellationToken cancellationToken)
    {
        StoreTriggerRanker ranker = (StoreTriggerRanker)_ranker!;
        string version;
        using (System.Diagnostics.Activity? step = Diagnostics.AetherSegmentTelemetry.ActivitySource.StartActivity("segment.holdout.version"))
        {
            version = await ranker.DataVersionAsync(cancellationToken).ConfigureAwait(false);
        }

        Experiments.AudienceScoreSetKey key = new() { Trigger = definition.Trigger!, DataVersion = version, Model = ranker.ModelIdentity, AsOf = definition.AsOf };
        using System.Diagnostics.Activity? find = Diagnostics.AetherSegmentTelemetry.ActivitySource.StartActivity("segment.holdout.find");
        return (key, await SegmentStore.FindAudienceScoresAsync(key, _rankingOptions?.AudienceSnapshotMaxLag ?? TimeSpan.Zero, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Keeps the scores a one-shot activation computed as a score set by key (with the customers of the newest set of
    /// the same key), so the next process with that key references them instead of scoring. Awaited in a one-shot
    /// process (it may exit right after); in the background in a long-lived host. A failure is logged: the next process
    /// scores its members, as before.
    /// </summary>
    private async Task KeepScoresForLaterAsync(Experiments.AudienceScoreSetKey key, Experiments.MemberUpliftScores scores)
    {
        string setId = "aud_" + Guid.NewGuid().ToString("N");
        async Task KeepAsync()
        {
            try
            {
                await SegmentStore.KeepAudienceScoresAsync(setId, key, scores.CustomerIds, scores.PredictedUplift, CancellationToken.None).ConfigureAwait(false);
                LogScoreSetKept(_logger, setId, key.Trigger, scores.CustomerIds.Count);
            }
            catch (Exception ex) when (ex is DataStoreException or NotSupportedException or System.Data.Common.DbException or ObjectDisposedException or InvalidOperationException)
            {
                LogScoreSetFailed(_logger, key.Trigger, ex.Message);
            }
        }

        if (_rankingOptions?.AudienceSnapshotMaxLag is null)
        {
            await KeepAsync().ConfigureAwait(false);
        }
        else
        {
            _ = Task.Run(KeepAsync, CancellationToken.None);
        }
    }

    /// <summary>
    /// Keeps a stratified holdout's arms in the background when activation could not (it referenced a score set, or its
    /// scores missed members), so reports read them; off activation's critical path. Until they are kept, reports
    /// compute them (<see cref="Experiments.HoldoutAssignment.MemberArmsSql"/>).
    /// </summary>
    private void KeepArmsInBackground(StoredSegment stored)
    {
        if (stored.Holdout is not { IsStratified: true, ArmsKept: false } || !SegmentStore.KeepsMemberArms)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                long started = System.Diagnostics.Stopwatch.GetTimestamp();
                if (await SegmentStore.KeepMemberArmsAsync(stored.SegmentId, CancellationToken.None).ConfigureAwait(false))
                {
                    LogArmsKept(_logger, stored.SegmentId, stored.Size, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
            catch (Exception ex) when (ex is DataStoreException or NotSupportedException or System.Data.Common.DbException or ObjectDisposedException or InvalidOperationException)
            {
                // Reports compute the arms, as before (also when the host is shutting down).
                LogArmsFailed(_logger, stored.SegmentId, ex.Message);
            }
        }, CancellationToken.None);
    }

    [LoggerMessage(8, LogLevel.Debug, "Kept the holdout arms of segment {SegmentId} ({Members} members) in {Milliseconds:F0} ms: reports read them.")]
    private static partial void LogArmsKept(ILogger logger, string segmentId, long members, double milliseconds);

    [LoggerMessage(9, LogLevel.Warning, "Could not keep the holdout arms of segment {SegmentId} ({Reason}); reports compute them.")]
    private static partial void LogArmsFailed(ILogger logger, string segmentId, string reason);

    [LoggerMessage(6, LogLevel.Information, "Kept audience score set {SetId} for {Trigger} ({Customers} customers): stratified holdouts now reference it.")]
    private static partial void LogScoreSetKept(ILogger logger, string setId, string trigger, int customers);

    [LoggerMessage(7, LogLevel.Warning, "Could not keep the audience score set for {Trigger} ({Reason}); stratified holdouts score their members.")]
    private static partial void LogScoreSetFailed(ILogger logger, string trigger, string reason);
}

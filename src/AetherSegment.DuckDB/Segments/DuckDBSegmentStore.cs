using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AetherSegment.Data;
using AetherSegment.Diagnostics;
using AetherSegment.DuckDB.Loading;
using AetherSegment.Experiments;
using AetherSegment.Profiles;
using AetherSegment.Segments;
using DuckDB.NET.Data;

namespace AetherSegment.DuckDB.Segments;

/// <summary>
/// Stored segments in the DuckDB file: <c>segments</c> holds each segment's JSON, <c>segment_members</c> the member
/// snapshot written by <c>INSERT ... SELECT</c> inside one transaction, so exports are identical every time.
/// </summary>
/// <remarks>
/// Thread-safe: every call opens its own connection. The two tables are created once per store (serialized, so
/// concurrent first creates never race on DuckDB's catalog), and a write that still meets a transaction conflict (another
/// process creating the tables, or two writers of the same rows) is retried a few times before it fails.
/// </remarks>
internal sealed class DuckDBSegmentStore(DuckDBDataStore store, BusinessProfile profile) : ISegmentStore, ISegmentRetention, IDisposable
{
    private const int ConflictAttempts = 5;
    private readonly string _memberList = string.Join(", ", SegmentTables.MemberColumns(profile).Select(c => SegmentTables.ColumnSql(store.Dialect, c)));
    private readonly string _valueColumn = SegmentTables.ValueColumn(profile) is { } value ? SegmentTables.ColumnSql(store.Dialect, value) : "NULL";
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile string? _schemaReadyFor;

    public Task<StoredSegment> CreateAsync(StoredSegment segment, SqlStatement members, CancellationToken cancellationToken = default) =>
        CreateAsync(segment, members, (MemberUpliftScores?)null, cancellationToken);

    /// <inheritdoc />
    public bool KeepsMemberScores => true;

    /// <inheritdoc />
    public bool KeepsAudienceScores => true;

    /// <inheritdoc />
    public Task KeepAudienceScoresAsync(string setId, IReadOnlyList<string> customerIds, IReadOnlyList<double> predictedUplift, CancellationToken cancellationToken) =>
        KeepScoreSetAsync(setId, null, customerIds, predictedUplift, cancellationToken);

    /// <inheritdoc />
    public Task KeepAudienceScoresAsync(string setId, AudienceScoreSetKey key, IReadOnlyList<string> customerIds, IReadOnlyList<double> predictedUplift, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return KeepScoreSetAsync(setId, key, customerIds, predictedUplift, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<string?> FindAudienceScoresAsync(AudienceScoreSetKey key, TimeSpan maxLag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLag, TimeSpan.Zero);
        if (!store.Exists)
        {
            return null;
        }

        await using DuckDBConnection connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureTablesAsync(connection, cancellationToken).ConfigureAwait(false);
            await using DuckDBCommand find = Command(connection, new SqlStatement(
                $"SELECT set_id FROM {AudienceUpliftScores.SetsTableName} WHERE trigger_type = $trigger AND data_version = $data_version AND model = $model " +
                "AND as_of <= $as_of AND as_of >= $earliest ORDER BY as_of DESC, created_at DESC, set_id LIMIT 1",
                [.. KeyParameters(key), QueryParameter.Timestamp("earliest", key.AsOf - maxLag)]));
            return await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }
        catch (DuckDBException ex)
        {
            throw new DataStoreException($"DuckDB could not look the audience score sets up: {ex.Message}", ex);
        }
    }

    private static QueryParameter[] KeyParameters(AudienceScoreSetKey key) =>
    [
        QueryParameter.String("trigger", key.Trigger), QueryParameter.String("data_version", key.DataVersion),
        QueryParameter.String("model", key.Model), QueryParameter.Timestamp("as_of", key.AsOf),
    ];

    private async Task KeepScoreSetAsync(string setId, AudienceScoreSetKey? key, IReadOnlyList<string> customerIds, IReadOnlyList<double> predictedUplift, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setId);
        ArgumentNullException.ThrowIfNull(customerIds);
        ArgumentNullException.ThrowIfNull(predictedUplift);
        if (setId.Length is 0 or > 64 || !setId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            throw new ArgumentException("A score set id is 1 to 64 letters, digits, '_' or '-'.", nameof(setId));
        }

        if (customerIds.Count != predictedUplift.Count)
        {
            throw new ArgumentException("one predicted uplift per customer id is needed.", nameof(predictedUplift));
        }

        QueryParameter set = QueryParameter.String("set_id", setId);
        DateTimeOffset now = TimeProvider.System.GetUtcNow();
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await using DuckDBConnection connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
                await EnsureTablesAsync(connection, cancellationToken).ConfigureAwait(false);
                await using DbTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                using (DuckDBTableWriter writer = new(connection.CreateAppender(AudienceUpliftScores.TableName), AudienceUpliftScores.Table))
                {
                    for (int i = 0; i < customerIds.Count; i++)
                    {
                        writer.StartRow();
                        writer.Write(setId);
                        writer.Write(customerIds[i]);
                        writer.Write(predictedUplift[i]);
                        writer.EndRow();
                    }

                    writer.Close();
                }

                if (key is not null)
                {
                    // The newest set with an equal key holds the same scores for its customers: those this one lacks are
                    // copied, so a trigger's coverage grows set by set and no kept set is ever changed.
                    await ExecuteAsync(connection, new SqlStatement(
                        $"INSERT INTO {AudienceUpliftScores.TableName} SELECT $set_id, o.customer_id, o.predicted_uplift FROM {AudienceUpliftScores.TableName} o " +
                        $"WHERE o.set_id = (SELECT set_id FROM {AudienceUpliftScores.SetsTableName} WHERE trigger_type = $trigger AND data_version = $data_version " +
                        "AND model = $model AND as_of = $as_of ORDER BY created_at DESC, set_id LIMIT 1) " +
                        $"AND NOT EXISTS (SELECT 1 FROM {AudienceUpliftScores.TableName} n WHERE n.set_id = $set_id AND n.customer_id = o.customer_id)",
                        [set, .. KeyParameters(key)]), cancellationToken).ConfigureAwait(false);
                }

                await ExecuteAsync(connection, new SqlStatement(
                    $"INSERT INTO {AudienceUpliftScores.SetsTableName} (set_id, created_at, trigger_type, data_version, model, as_of) VALUES ($set_id, $created_at, $trigger, $data_version, $model, $as_of)",
                    [
                        set, QueryParameter.Timestamp("created_at", now),
                        new QueryParameter("trigger", QueryParameterType.String, key?.Trigger), new QueryParameter("data_version", QueryParameterType.String, key?.DataVersion),
                        new QueryParameter("model", QueryParameterType.String, key?.Model), new QueryParameter("as_of", QueryParameterType.Timestamp, key?.AsOf.ToUniversalTime()),
                    ]), cancellationToken).ConfigureAwait(false);
                // The sets no segment references, written long enough ago that no activation can still be about to.
                string doomed = $"SELECT set_id FROM {AudienceUpliftScores.SetsTableName} WHERE set_id <> $set_id AND created_at < $kept_after " +
                    $"AND set_id NOT IN (SELECT set_id FROM {AudienceUpliftScores.ReferencesTableName})";
                QueryParameter keptAfter = QueryParameter.Timestamp("kept_after", now - AudienceUpliftScores.UnreferencedRetention);
                await ExecuteAsync(connection, new SqlStatement($"DELETE FROM {AudienceUpliftScores.TableName} WHERE set_id IN ({doomed})", [set, keptAfter]), cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, new SqlStatement($"DELETE FROM {AudienceUpliftScores.SetsTableName} WHERE set_id IN ({doomed})", [set, keptAfter]), cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DuckDBException ex) when (attempt < ConflictAttempts && IsRetryable(ex))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), cancellationToken).ConfigureAwait(false);
            }
            catch (DuckDBException ex)
            {
                throw new DataStoreException($"DuckDB could not keep the audience score set: {ex.Message}", ex);
            }
        }
    }

    /// <inheritdoc />
    public Task<StoredSegment> CreateAsync(StoredSegment segment, SqlStatement members, MemberUpliftScores? scores, CancellationToken cancellationToken) =>
        CreateAsync(segment, members, scores, null, null, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// One pass over the segment's filters: after the members' <c>INSERT … SELECT</c>, their fingerprints
    /// (<c>hash(customer_id)</c>) are read back from the rows the open transaction has just written, the scorer runs
    /// inside that transaction, and the scores are appended before the commit; a failure anywhere rolls everything back.
    /// </remarks>
    public Task<StoredSegment> CreateAsync(StoredSegment segment, SqlStatement members, Func<IReadOnlyList<long>?, CancellationToken, Task<MemberUpliftScores?>> scoreMembers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scoreMembers);
        return CreateAsync(segment, members, null, null, scoreMembers, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The candidate is awaited after the members' <c>INSERT … SELECT</c>, so the caller's lookup (the data version's
    /// probe and the set's key) runs alongside it. Coverage is one anti-join of the members just written with the set,
    /// inside the transaction.
    /// </remarks>
    public Task<StoredSegment> CreateAsync(StoredSegment segment, SqlStatement members, Func<CancellationToken, Task<string?>> candidateScores, Func<IReadOnlyList<long>?, CancellationToken, Task<MemberUpliftScores?>> scoreMembers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidateScores);
        ArgumentNullException.ThrowIfNull(scoreMembers);
        return CreateAsync(segment, members, null, candidateScores, scoreMembers, cancellationToken);
    }

    private async Task<StoredSegment> CreateAsync(StoredSegment segment, SqlStatement members, MemberUpliftScores? scores, Func<CancellationToken, Task<string?>>? candidateScores, Func<IReadOnlyList<long>?, CancellationToken, Task<MemberUpliftScores?>>? scoreMembers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(members);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await TryCreateAsync(segment, members, scores, candidateScores, scoreMembers, cancellationToken).ConfigureAwait(false);
            }
            catch (DuckDBException ex) when (attempt < ConflictAttempts && IsRetryable(ex))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), cancellationToken).ConfigureAwait(false);
            }
            catch (DuckDBException ex)
            {
                throw new DataStoreException($"DuckDB could not store the segment: {ex.Message}", ex);
            }
        }
    }

    private async Task<StoredSegment> TryCreateAsync(StoredSegment segment, SqlStatement members, MemberUpliftScores? scores, Func<CancellationToken, Task<string?>>? candidateScores, Func<IReadOnlyList<long>?, CancellationToken, Task<MemberUpliftScores?>>? scoreMembers, CancellationToken cancellationToken)
    {
        await using DuckDBConnection connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        // One span per step (the steps of a holdout's cost, read in docs/benchmarks.md "Where a holdout's time goes").
        Activity? step = PackageTelemetry.ActivitySource.StartActivity("segment.store.open");
        try
        {
            await EnsureTablesAsync(connection, cancellationToken).ConfigureAwait(false);
            await using DbTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            QueryParameter id = QueryParameter.String("segment_id", segment.SegmentId);
            string insert = $"INSERT INTO {SegmentTables.MembersTableName} (segment_id, {_memberList}) SELECT $segment_id, {_memberList} FROM ({members.Sql}) AS m";
            step = NextStep(step, "segment.store.members");
            await ExecuteAsync(connection, new SqlStatement(insert, [.. members.Parameters, id]), cancellationToken).ConfigureAwait(false);
            (long Size, double? AvgClv)? summary = null;
            if (candidateScores is not null && scoreMembers is not null && segment.Holdout is { } candidateHoldout)
            {
                step = NextStep(step, "segment.store.candidate");
                string? found = await candidateScores(cancellationToken).ConfigureAwait(false);
                segment = segment with { Holdout = candidateHoldout with { Scores = found } };
            }

            if (candidateScores is not null && scoreMembers is not null && segment.Holdout is { Scores: { } candidate } candidateHoldout2)
            {
                // A candidate score set (found by key, ISegmentStore.FindAudienceScoresAsync) is referenced only when it
                // scores every member just written; otherwise the members are scored, as without one.
                // The summary and the members the set lacks in one statement. The anti-join as NOT IN (both id columns are
                // NOT NULL, so it is the same count): about half the CPU of a NOT EXISTS filter on the rows this
                // transaction has just written (docs/benchmarks.md, "Stop 36").
                step = NextStep(step, "segment.store.coverage");
                await using DuckDBCommand missing = Command(connection, new SqlStatement(
                    $"SELECT COUNT(*), AVG({_valueColumn}), (SELECT COUNT(*) FROM {SegmentTables.MembersTableName} m WHERE m.segment_id = $segment_id " +
                    $"AND m.customer_id NOT IN (SELECT s.customer_id FROM {AudienceUpliftScores.TableName} s WHERE s.set_id = $set_id)) " +
                    $"FROM {SegmentTables.MembersTableName} WHERE segment_id = $segment_id",
                    [id, QueryParameter.String("set_id", candidate)]));
                bool covered = false;
                await using (DbDataReader reader = await missing.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        summary = (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture),
                            reader.IsDBNull(1) ? null : Math.Round(Convert.ToDouble(reader.GetValue(1), CultureInfo.InvariantCulture), 4));
                        covered = Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture) == 0;
                    }
                }

                segment = segment with
                {
                    Holdout = covered ? candidateHoldout2 with { Method = HoldoutAssignment.StratifiedMethod } : candidateHoldout2 with { Scores = null },
                };
                scoreMembers = covered ? null : scoreMembers;
            }

            if (scoreMembers is not null)
            {
                // The rows this transaction has just written, read back (no filter evaluated again); cheaper than
                // RETURNING on the insert (stop 29, docs/benchmarks.md: +34% of the insert against +78%).
                step = NextStep(step, "segment.store.fingerprints");
                long[] fingerprints = await ReadFingerprintsAsync(connection, new SqlStatement(
                    $"SELECT {store.Dialect.Fingerprint("customer_id")} FROM {SegmentTables.MembersTableName} WHERE segment_id = $segment_id", [id]), cancellationToken).ConfigureAwait(false);
                step = NextStep(step, "segment.store.score");
                scores = await scoreMembers(fingerprints, cancellationToken).ConfigureAwait(false);
                segment = HoldoutAssignment.WithScores(segment, scores);
            }

            long size = 0;
            double? avgClv = null;
            if (summary is { } counted)
            {
                (size, avgClv) = counted;
            }
            else
            {
                step = NextStep(step, "segment.store.summary");
                await using DuckDBCommand stats = Command(connection, new SqlStatement(
                    $"SELECT COUNT(*), AVG({_valueColumn}) FROM {SegmentTables.MembersTableName} WHERE segment_id = $segment_id", [id]));
                await using DbDataReader reader = await stats.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    size = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
                    avgClv = reader.IsDBNull(1) ? null : Math.Round(Convert.ToDouble(reader.GetValue(1), CultureInfo.InvariantCulture), 4);
                }
            }

            if (scores is not null)
            {
                // With every member scored, the arms are computed here and kept with the scores (one more column of
                // the rows written anyway), so a report reads them; otherwise they are computed when read.
                bool[]? held = null;
                if (segment.Holdout is { IsStratified: true, Scores: null } holdout && scores.CustomerIds.Count == size)
                {
                    step = NextStep(step, "segment.store.arms");
                    held = HoldoutAssignment.StratifiedArms(holdout, scores.CustomerIds, scores.Deciles);
                    segment = segment with { Holdout = holdout with { ArmsKept = true } };
                }

                step = NextStep(step, "segment.store.scores");
                using DuckDBTableWriter writer = new(connection.CreateAppender(MemberUpliftScores.TableName), MemberUpliftScores.Table);
                for (int i = 0; i < scores.CustomerIds.Count; i++)
                {
                    writer.StartRow();
                    writer.Write(segment.SegmentId);
                    writer.Write(scores.CustomerIds[i]);
                    writer.Write(scores.PredictedUplift[i]);
                    writer.Write((long)scores.Deciles[i]);
                    if (held is null)
                    {
                        writer.WriteNull();
                    }
                    else
                    {
                        writer.Write(held[i] ? 1L : 0L);
                    }

                    writer.EndRow();
                }

                writer.Close();
            }

            if (segment.Holdout?.Scores is { } scoreSet)
            {
                // The holdout's deciles come from a kept score set: the segment references it (refused if it is gone).
                step = NextStep(step, "segment.store.reference");
                await using DuckDBCommand reference = Command(connection, new SqlStatement(
                    $"INSERT INTO {AudienceUpliftScores.ReferencesTableName} SELECT $segment_id, set_id FROM {AudienceUpliftScores.SetsTableName} WHERE set_id = $set_id",
                    [id, QueryParameter.String("set_id", scoreSet)]));
                if (await reference.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
                {
                    throw new DataStoreException($"The audience score set {scoreSet} the holdout was to be stratified by is not in the store.");
                }
            }

            StoredSegment stored = segment with { Size = size, AvgClv = avgClv };
            step = NextStep(step, "segment.store.segment");
            await ExecuteAsync(connection, new SqlStatement(
                $"INSERT INTO {SegmentTables.Segments.Name} VALUES ($segment_id, $created_at, $as_of, $trigger_type, $size, $avg_clv, $segment_json)",
                [
                    id,
                    QueryParameter.Timestamp("created_at", stored.CreatedAt),
                    QueryParameter.Timestamp("as_of", stored.AsOf),
                    new QueryParameter("trigger_type", QueryParameterType.String, stored.Trigger),
                    QueryParameter.Int64("size", size),
                    new QueryParameter("avg_clv", QueryParameterType.Float64, avgClv),
                    QueryParameter.String("segment_json", JsonSerializer.Serialize(stored, AetherSegmentJson.Options)),
                ]), cancellationToken).ConfigureAwait(false);
            step = NextStep(step, "segment.store.commit");
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return stored;
        }
        finally
        {
            step?.Dispose();
        }
    }

    /// <inheritdoc />
    public bool KeepsMemberArms => true;

    /// <inheritdoc />
    /// <remarks>
    /// One transaction: the arms computed by <see cref="HoldoutAssignment.ComputedMemberArmsSql"/> are written to
    /// <c>segment_scores</c> (for a holdout referencing a score set, one row per member; for one scored at activation
    /// whose scores missed members, the rows replaced) and the stored holdout is marked <see cref="SegmentHoldout.ArmsKept"/>.
    /// </remarks>
    public async Task<bool> KeepMemberArmsAsync(string segmentId, CancellationToken cancellationToken)
    {
        if (!SegmentTables.IsSegmentId(segmentId) || !store.Exists)
        {
            return false;
        }

        QueryParameter id = QueryParameter.String("segment_id", segmentId);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await using DuckDBConnection connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
                await EnsureTablesAsync(connection, cancellationToken).ConfigureAwait(false);
                await using DbTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                StoredSegment? segment;
                await using (DuckDBCommand read = Command(connection, new SqlStatement($"SELECT segment_json FROM {SegmentTables.Segments.Name} WHERE segment_id = $segment_id", [id])))
                {
                    segment = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json
                        ? JsonSerializer.Deserialize<StoredSegment>(json, AetherSegmentJson.Options)
                        : null;
                }

                if (segment?.Holdout is not { IsStratified: true, ArmsKept: false } holdout)
                {
                    return false;
                }

                string arms = $"SELECT $segment_id, customer_id, predicted_uplift, decile, held FROM ({HoldoutAssignment.ComputedMemberArmsSql(store.Dialect, holdout)}) a";
                IReadOnlyList<QueryParameter> parameters = HoldoutAssignment.ComputedArmParameters(holdout, segmentId);
                const string Columns = "(segment_id, customer_id, predicted_uplift, decile, held)";
                if (holdout.Scores is null)
                {
                    // The arms read the segment's own score rows: computed into a temporary table before those are replaced.
                    await ExecuteAsync(connection, new SqlStatement("CREATE OR REPLACE TEMP TABLE kept_arms AS " + arms, parameters), cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(connection, new SqlStatement($"DELETE FROM {MemberUpliftScores.TableName} WHERE segment_id = $segment_id", [id]), cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(connection, new SqlStatement($"INSERT INTO {MemberUpliftScores.TableName} {Columns} SELECT * FROM kept_arms"), cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(connection, new SqlStatement("DROP TABLE kept_arms"), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await ExecuteAsync(connection, new SqlStatement($"INSERT INTO {MemberUpliftScores.TableName} {Columns} {arms}", parameters), cancellationToken).ConfigureAwait(false);
                }

                StoredSegment kept = segment with { Holdout = holdout with { ArmsKept = true } };
                await ExecuteAsync(connection, new SqlStatement(
                    $"UPDATE {SegmentTables.Segments.Name} SET segment_json = $segment_json WHERE segment_id = $segment_id",
                    [id, QueryParameter.String("segment_json", JsonSerializer.Serialize(kept, AetherSegmentJson.Options))]), cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (DuckDBException ex) when (attempt < ConflictAttempts && IsRetryable(ex))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), cancellationToken).ConfigureAwait(false);
            }
            catch (DuckDBException ex)
            {
                throw new DataStoreException($"DuckDB could not keep the holdout's arms: {ex.Message}", ex);
            }
        }
    }

    /// <summary>Ends a step's span (if any listener is on) and starts the next one, a sibling under the same parent.</summary>
    private static Activity? NextStep(Activity? current, string name)
    {
        current?.Dispose();
        return PackageTelemetry.ActivitySource.StartActivity(name);
    }

    public async Task<StoredSegment?> GetAsync(string segmentId, CancellationToken cancellationToken = default)
    {
        if (!SegmentTables.IsSegmentId(segmentId) || !store.Exists)
        {
            return null;
        }

        await using DuckDBConnection connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureTablesAsync(connection, cancellationToken).ConfigureAwait(false);
            await using DuckDBCommand command = Command(connection, new SqlStatement(
                $"SELECT segment_json FROM {SegmentTables.Segments.Name} WHERE segment_id = $segment_id", [QueryParameter.String("segment_id", segmentId)]));
            object? json = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return json is string text ? JsonSerializer.Deserialize<StoredSegment>(text, AetherSegmentJson.Options) : null;
        }
        catch (DuckDBException ex)
        {
            throw new DataStoreException($"DuckDB could not read the segment: {ex.Message}", ex);
        }
    }

    public async Task<IReadOnlyList<StoredSegment>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        if (!store.Exists)
        {
            return [];
        }

        await using DuckDBConnection connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureTablesAsync(connection, cancellationToken).ConfigureAwait(false);
            await using DuckDBCommand command = Command(connection, new SqlStatement(
                $"SELECT segment_json FROM {SegmentTables.Segments.Name} ORDER BY created_at DESC, segment_id LIMIT $limit", [QueryParameter.Int64("limit", limit)]));
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            List<StoredSegment> segments = [];
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (JsonSerializer.Deserialize<StoredSegment>(reader.GetString(0), AetherSegmentJson.Options) is { } segment)
                {
                    segments.Add(segment);
                }
            }

            return segments;
        }
        catch (DuckDBException ex)
        {
            throw new DataStoreException($"DuckDB could not list the segments: {ex.Message}", ex);
        }
    }

    public async Task<StoredSegment?> UpdateAsync(string segmentId, string? name, string? clientKey, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(segmentId, cancellationToken).ConfigureAwait(false) is not { } current)
        {
            return null;
        }

        StoredSegment updated = current with { Name = name ?? current.Name, ClientKey = clientKey ?? current.ClientKey };
        await using DuckDBConnection connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, new SqlStatement(
                $"UPDATE {SegmentTables.Segments.Name} SET segment_json = $segment_json WHERE segment_id = $segment_id",
                [QueryParameter.String("segment_id", segmentId), QueryParameter.String("segment_json", JsonSerializer.Serialize(updated, AetherSegmentJson.Options))]),
                cancellationToken).ConfigureAwait(false);
            return updated;
        }
        catch (DuckDBException ex)
        {
            throw new DataStoreException($"DuckDB could not update the segment: {ex.Message}", ex);
        }
    }

    public async Task<bool> DeleteAsync(string segmentId, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(segmentId, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        await using DuckDBConnection connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using DbTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            QueryParameter id = QueryParameter.String("segment_id", segmentId);
            await ExecuteAsync(connection, new SqlStatement($"DELETE FROM {SegmentTables.MembersTableName} WHERE segment_id = $segment_id", [id]), cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, new SqlStatement($"DELETE FROM {MemberUpliftScores.TableName} WHERE segment_id = $segment_id", [id]), cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, new SqlStatement($"DELETE FROM {AudienceUpliftScores.ReferencesTableName} WHERE segment_id = $segment_id", [id]), cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, new SqlStatement($"DELETE FROM {SegmentTables.Segments.Name} WHERE segment_id = $segment_id", [id]), cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DuckDBException ex)
        {
            throw new DataStoreException($"DuckDB could not delete the segment: {ex.Message}", ex);
        }
    }

    public async Task<long?> ExportAsync(string segmentId, SegmentExportFormat format, Stream destination, SegmentExportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(options);
        if (await GetAsync(segmentId, cancellationToken).ConfigureAwait(false) is not { } segment)
        {
            return null;
        }

        SqlStatement members = HoldoutAssignment.ExportMembers(profile, store.Dialect, segment, options, out IReadOnlyList<string> columns);
        return format switch
        {
            SegmentExportFormat.Csv => await SegmentExport.WriteCsvAsync(columns, store.StreamAsync(members, cancellationToken), destination, cancellationToken).ConfigureAwait(false),
            SegmentExportFormat.Json => await SegmentExport.WriteJsonAsync(columns, store.StreamAsync(members, cancellationToken), destination, cancellationToken).ConfigureAwait(false),
            SegmentExportFormat.Parquet => await WriteParquetAsync(members, destination, cancellationToken).ConfigureAwait(false),
            _ => throw new AetherSegmentInputException("format", $"Unknown export format {format}: use csv, json or parquet."),
        };
    }

    public async Task<int> PruneAsync(DateTimeOffset? createdBefore, int? keepNewest, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keepNewest ?? 0, nameof(keepNewest));
        if ((createdBefore is null && keepNewest is null) || !store.Exists)
        {
            return 0;
        }

        // The doomed ids: older than the cut-off, or beyond the newest N (ties broken by id, so the choice is stable).
        SqlStatement doomed = new(
            $"SELECT segment_id FROM (SELECT segment_id, created_at, ROW_NUMBER() OVER (ORDER BY created_at DESC, segment_id DESC) AS newest " +
            $"FROM {SegmentTables.Segments.Name}) WHERE ($created_before IS NOT NULL AND created_at < $created_before) " +
            "OR ($keep_newest IS NOT NULL AND newest > $keep_newest)",
            [
                new QueryParameter("created_before", QueryParameterType.Timestamp, createdBefore),
                new QueryParameter("keep_newest", QueryParameterType.Int64, keepNewest is { } n ? (long)n : null),
            ]);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await using DuckDBConnection connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
                await EnsureTablesAsync(connection, cancellationToken).ConfigureAwait(false);
                await using DbTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, new SqlStatement("CREATE TEMP TABLE IF NOT EXISTS pruned_segments (segment_id VARCHAR)"), cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, new SqlStatement("DELETE FROM pruned_segments"), cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, new SqlStatement("INSERT INTO pruned_segments " + doomed.Sql, doomed.Parameters), cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, new SqlStatement(
                    $"DELETE FROM {SegmentTables.MembersTableName} WHERE segment_id IN (SELECT segment_id FROM pruned_segments)"), cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, new SqlStatement(
                    $"DELETE FROM {MemberUpliftScores.TableName} WHERE segment_id IN (SELECT segment_id FROM pruned_segments)"), cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, new SqlStatement(
                    $"DELETE FROM {AudienceUpliftScores.ReferencesTableName} WHERE segment_id IN (SELECT segment_id FROM pruned_segments)"), cancellationToken).ConfigureAwait(false);
                await using DuckDBCommand delete = Command(connection, new SqlStatement(
                    $"DELETE FROM {SegmentTables.Segments.Name} WHERE segment_id IN (SELECT segment_id FROM pruned_segments)"));
                int deleted = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return deleted;
            }
            catch (DuckDBException ex) when (attempt < ConflictAttempts && IsRetryable(ex))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), cancellationToken).ConfigureAwait(false);
            }
            catch (DuckDBException ex)
            {
                throw new DataStoreException($"DuckDB could not prune stored segments: {ex.Message}", ex);
            }
        }
    }

    public void Dispose() => _schemaGate.Dispose();

    private async Task<long> WriteParquetAsync(SqlStatement members, Stream destination, CancellationToken cancellationToken)
    {
        string folder = Path.Combine(Path.GetTempPath(), "aether-export-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, "members.parquet");
        try
        {
            long rows;
            await using (DuckDBConnection connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false))
            {
                // COPY takes no parameters: the members go to a temporary table through a parameterized query first,
                // and only the generated file path (quotes doubled) is written into the COPY statement.
                await ExecuteAsync(connection, new SqlStatement("CREATE TEMP TABLE export_members AS " + members.Sql, members.Parameters), cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, new SqlStatement(
                    $"COPY (SELECT * FROM export_members ORDER BY customer_id) TO '{file.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)"), cancellationToken).ConfigureAwait(false);
                await using DuckDBCommand count = Command(connection, new SqlStatement("SELECT COUNT(*) FROM export_members"));
                rows = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            }

            await using FileStream parquet = File.OpenRead(file);
            await parquet.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
            return rows;
        }
        catch (DuckDBException ex)
        {
            throw new DataStoreException($"DuckDB could not write Parquet: {ex.Message}", ex);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task EnsureTablesAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        // Once per store and database file: CREATE TABLE IF NOT EXISTS from many connections at once conflicts in
        // DuckDB's catalog (a write-write conflict), so the first caller creates the tables and the others wait.
        if (_schemaReadyFor == store.DatabasePath && File.Exists(store.DatabasePath))
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    await ExecuteAsync(connection, new SqlStatement(DuckDBSchema.CreateTable(SegmentTables.Segments)), cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(connection, new SqlStatement(DuckDBSchema.CreateTable(SegmentTables.Members(profile))), cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(connection, new SqlStatement(DuckDBSchema.CreateTable(MemberUpliftScores.Table)), cancellationToken).ConfigureAwait(false);
                    await UpgradeScoresTableAsync(connection, cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(connection, new SqlStatement(DuckDBSchema.CreateTable(AudienceUpliftScores.Table)), cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(connection, new SqlStatement(DuckDBSchema.CreateTable(AudienceUpliftScores.Sets)), cancellationToken).ConfigureAwait(false);
                    await UpgradeSetsTableAsync(connection, cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(connection, new SqlStatement(DuckDBSchema.CreateTable(AudienceUpliftScores.References)), cancellationToken).ConfigureAwait(false);
                    _schemaReadyFor = store.DatabasePath;
                    return;
                }
                catch (DuckDBException ex) when (attempt < ConflictAttempts && IsRetryable(ex))
                {
                    // Another process created them at the same moment: the next attempt finds them.
                    await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    /// <summary>
    /// A store written before the arms were kept has <c>segment_scores</c> without <c>held</c> and with a required
    /// uplift: the column is added (NULL: arms computed when read) and the uplift may be NULL (a member no score reached).
    /// </summary>
    private static async Task UpgradeScoresTableAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        await using DuckDBCommand probe = Command(connection, new SqlStatement(
            "SELECT COUNT(*) FROM information_schema.columns WHERE table_name = $table AND column_name = 'held'",
            [QueryParameter.String("table", MemberUpliftScores.TableName)]));
        if (Convert.ToInt64(await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0)
        {
            return;
        }

        await ExecuteAsync(connection, new SqlStatement($"ALTER TABLE {MemberUpliftScores.TableName} ADD COLUMN IF NOT EXISTS held BIGINT"), cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, new SqlStatement($"ALTER TABLE {MemberUpliftScores.TableName} ALTER COLUMN predicted_uplift DROP NOT NULL"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds the key columns (stop 34) to an <c>audience_score_sets</c> written before them: those sets have none and are
    /// never found by key (they are still referenced by the segments that name them).
    /// </summary>
    private static async Task UpgradeSetsTableAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        await using DuckDBCommand probe = Command(connection, new SqlStatement(
            "SELECT COUNT(*) FROM information_schema.columns WHERE table_name = $table AND column_name = 'as_of'",
            [QueryParameter.String("table", AudienceUpliftScores.SetsTableName)]));
        if (Convert.ToInt64(await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0)
        {
            return;
        }

        foreach (string column in (string[])["trigger_type VARCHAR", "data_version VARCHAR", "model VARCHAR", "as_of TIMESTAMP"])
        {
            await ExecuteAsync(connection, new SqlStatement($"ALTER TABLE {AudienceUpliftScores.SetsTableName} ADD COLUMN IF NOT EXISTS {column}"), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Whether a failed write is worth another attempt: DuckDB refused it because a concurrent transaction changed the
    /// same catalog entry or rows, or the segment tables vanished because the database file was replaced
    /// (<c>generate --force</c>), in which case they are created again.
    /// </summary>
    private bool IsRetryable(DuckDBException exception)
    {
        if (exception.Message.Contains("does not exist", StringComparison.OrdinalIgnoreCase))
        {
            _schemaReadyFor = null;
            return true;
        }

        return exception.Message.Contains("conflict", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Runs a statement whose one column is a fingerprint (DuckDB's <c>hash</c>, a UBIGINT) and reads it as 64 bits.</summary>
    private static async Task<long[]> ReadFingerprintsAsync(DuckDBConnection connection, SqlStatement statement, CancellationToken cancellationToken)
    {
        await using DuckDBCommand command = Command(connection, statement);
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        bool unsigned = reader.GetFieldType(0) == typeof(ulong);
        List<long> fingerprints = [];
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            fingerprints.Add(unsigned ? unchecked((long)reader.GetFieldValue<ulong>(0)) : reader.GetInt64(0));
        }

        return [.. fingerprints];
    }

    private static async Task ExecuteAsync(DuckDBConnection connection, SqlStatement statement, CancellationToken cancellationToken)
    {
        await using DuckDBCommand command = Command(connection, statement);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DuckDBCommand Command(DuckDBConnection connection, SqlStatement statement)
    {
        DuckDBCommand command = connection.CreateCommand();
        command.CommandText = statement.Sql;
        foreach (QueryParameter parameter in statement.Parameters)
        {
            object? value = parameter.Value switch
            {
                null => DBNull.Value,
                DateTimeOffset timestamp => timestamp.UtcDateTime,
                IReadOnlyList<string> list => list as List<string> ?? [.. list],
                _ => parameter.Value,
            };
            command.Parameters.Add(new DuckDBParameter(parameter.Name, value));
        }

        return command;
    }
}

using System.Text.Json;
using AetherSegment.BigQuery.Loading;
using AetherSegment.BigQuery.Rest;
using AetherSegment.BigQuery.Store;
using AetherSegment.Data;
using AetherSegment.Experiments;
using AetherSegment.DataModel;
using AetherSegment.Profiles;
using AetherSegment.Segments;

namespace AetherSegment.BigQuery.Segments;

/// <summary>
/// Stored segments in the BigQuery dataset: <c>segments</c> holds each segment's JSON, <c>segment_members</c> the
/// member snapshot, written by a DML <c>INSERT ... SELECT</c> that runs entirely in BigQuery, and <c>segment_scores</c>
/// a ranked segment's members' predicted uplift and decile (loaded by a load job), by which its holdout is stratified.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class BigQuerySegmentStore(BigQueryDataStore store, BigQueryRestClient client, BusinessProfile profile) : ISegmentStore, IDisposable
{
    private readonly string _memberList = string.Join(", ", SegmentTables.MemberColumns(profile).Select(c => SegmentTables.ColumnSql(store.Dialect, c)));
    private readonly string _valueColumn = SegmentTables.ValueColumn(profile) is { } value ? SegmentTables.ColumnSql(store.Dialect, value) : "NULL";
    private readonly SemaphoreSlim _tablesReady = new(1, 1);
    private bool _tablesChecked;

    public Task<StoredSegment> CreateAsync(StoredSegment segment, SqlStatement members, CancellationToken cancellationToken = default) =>
        CreateAsync(segment, members, (MemberUpliftScores?)null, cancellationToken);

    /// <summary>Keeps members' predicted uplift and decile in <c>segment_scores</c>, so holdouts are stratified here too.</summary>
    public bool KeepsMemberScores => true;

    /// <summary>
    /// Stores a segment: its members' scores first (a load job appending to <c>segment_scores</c>), then the members (a
    /// DML <c>INSERT ... SELECT</c>), then the segment's row, which is what makes it visible. BigQuery has no transaction
    /// spanning a load job and DML, so a failure after the first write deletes what this call wrote for the segment id
    /// before the error goes on: nothing is left half-way (rows a load job appends are not in a streaming buffer, so DML
    /// can delete them at once).
    /// </summary>
    public async Task<StoredSegment> CreateAsync(StoredSegment segment, SqlStatement members, MemberUpliftScores? scores, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(members);
        await EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        QueryParameter id = QueryParameter.String("segment_id", segment.SegmentId);
        try
        {
            if (scores is not null)
            {
                await LoadScoresAsync(segment.SegmentId, scores, cancellationToken).ConfigureAwait(false);
            }

            await store.QueryAsync(new SqlStatement(
                $"INSERT INTO {SegmentTables.MembersTableName} (segment_id, {_memberList}) SELECT @segment_id, {_memberList} FROM ({members.Sql}) AS m",
                [.. members.Parameters, id]), cancellationToken).ConfigureAwait(false);
            QueryResult stats = await store.QueryAsync(new SqlStatement(
                $"SELECT COUNT(*) AS size, AVG({_valueColumn}) AS avg_clv FROM {SegmentTables.MembersTableName} WHERE segment_id = @segment_id", [id]), cancellationToken).ConfigureAwait(false);
            long size = stats.Rows.Count > 0 && stats.Rows[0][0] is long n ? n : 0;
            double? avgClv = stats.Rows.Count > 0 && stats.Rows[0][1] is double a ? Math.Round(a, 4) : null;
            StoredSegment stored = segment with { Size = size, AvgClv = avgClv };
            await store.QueryAsync(new SqlStatement(
                $"INSERT INTO {SegmentTables.Segments.Name} (segment_id, created_at, as_of, trigger_type, size, avg_clv, segment_json) " +
                "VALUES (@segment_id, @created_at, @as_of, @trigger_type, @size, @avg_clv, @segment_json)",
                [
                    id,
                    QueryParameter.Timestamp("created_at", stored.CreatedAt),
                    QueryParameter.Timestamp("as_of", stored.AsOf),
                    new QueryParameter("trigger_type", QueryParameterType.String, stored.Trigger),
                    QueryParameter.Int64("size", size),
                    new QueryParameter("avg_clv", QueryParameterType.Float64, avgClv),
                    QueryParameter.String("segment_json", JsonSerializer.Serialize(stored, AetherSegmentJson.Options)),
                ]), cancellationToken).ConfigureAwait(false);
            return stored;
        }
        catch (Exception ex) when (ex is DataStoreException or OperationCanceledException)
        {
            await DeleteRowsAsync(id, [MemberUpliftScores.TableName, SegmentTables.MembersTableName]).ConfigureAwait(false);
            throw;
        }
    }

    public async Task<StoredSegment?> GetAsync(string segmentId, CancellationToken cancellationToken = default)
    {
        if (!SegmentTables.IsSegmentId(segmentId))
        {
            return null;
        }

        await EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        QueryResult result = await store.QueryAsync(new SqlStatement(
            $"SELECT segment_json FROM {SegmentTables.Segments.Name} WHERE segment_id = @segment_id LIMIT 1",
            [QueryParameter.String("segment_id", segmentId)]), cancellationToken).ConfigureAwait(false);
        return result.Scalar() is string json ? JsonSerializer.Deserialize<StoredSegment>(json, AetherSegmentJson.Options) : null;
    }

    public async Task<IReadOnlyList<StoredSegment>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        await EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        QueryResult result = await store.QueryAsync(new SqlStatement(
            $"SELECT segment_json FROM {SegmentTables.Segments.Name} ORDER BY created_at DESC, segment_id LIMIT @limit",
            [QueryParameter.Int64("limit", limit)]), cancellationToken).ConfigureAwait(false);
        List<StoredSegment> segments = [];
        foreach (object?[] row in result.Rows)
        {
            if (row[0] is string json && JsonSerializer.Deserialize<StoredSegment>(json, AetherSegmentJson.Options) is { } segment)
            {
                segments.Add(segment);
            }
        }

        return segments;
    }

    public async Task<StoredSegment?> UpdateAsync(string segmentId, string? name, string? clientKey, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(segmentId, cancellationToken).ConfigureAwait(false) is not { } current)
        {
            return null;
        }

        StoredSegment updated = current with { Name = name ?? current.Name, ClientKey = clientKey ?? current.ClientKey };
        await store.QueryAsync(new SqlStatement(
            $"UPDATE {SegmentTables.Segments.Name} SET segment_json = @segment_json WHERE segment_id = @segment_id",
            [QueryParameter.String("segment_id", segmentId), QueryParameter.String("segment_json", JsonSerializer.Serialize(updated, AetherSegmentJson.Options))]),
            cancellationToken).ConfigureAwait(false);
        return updated;
    }

    public async Task<bool> DeleteAsync(string segmentId, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(segmentId, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        QueryParameter id = QueryParameter.String("segment_id", segmentId);
        foreach (string table in new[] { MemberUpliftScores.TableName, SegmentTables.MembersTableName, SegmentTables.Segments.Name })
        {
            await store.QueryAsync(new SqlStatement($"DELETE FROM {table} WHERE segment_id = @segment_id", [id]), cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    public async Task<long?> ExportAsync(string segmentId, SegmentExportFormat format, Stream destination, SegmentExportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(options);
        if (format == SegmentExportFormat.Parquet)
        {
            throw new AetherSegmentInputException("format", "Parquet export is available on the DuckDB store only; use csv or json with BigQuery.");
        }

        if (await GetAsync(segmentId, cancellationToken).ConfigureAwait(false) is not { } segment)
        {
            return null;
        }

        SqlStatement members = HoldoutAssignment.ExportMembers(profile, store.Dialect, segment, options, out IReadOnlyList<string> columns);
        IAsyncEnumerable<object?[]> rows = store.StreamAsync(members, cancellationToken);
        return format == SegmentExportFormat.Json
            ? await SegmentExport.WriteJsonAsync(columns, rows, destination, cancellationToken).ConfigureAwait(false)
            : await SegmentExport.WriteCsvAsync(columns, rows, destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Appends the members' predicted uplift and decile to <c>segment_scores</c> with one load job. Their arms are not
    /// kept (<c>held</c> NULL): BigQuery computes them in the report's query, where the keyed hash and the rank within
    /// each decile cost little.
    /// </summary>
    private async Task LoadScoresAsync(string segmentId, MemberUpliftScores scores, CancellationToken cancellationToken)
    {
        using BigQueryLoadFileWriter file = new(MemberUpliftScores.Table);
        for (int i = 0; i < scores.CustomerIds.Count; i++)
        {
            file.StartRow();
            file.Write(segmentId);
            file.Write(scores.CustomerIds[i]);
            file.Write(scores.PredictedUplift[i]);
            file.Write((long)scores.Deciles[i]);
            file.WriteNull(); // held: the arms are computed in GoogleSQL (the holdout is not ArmsKept here)
            file.EndRow();
        }

        file.Close();
        if (file.RowCount == 0)
        {
            return;
        }

        string jobId = $"aether_scores_{segmentId}_{Guid.NewGuid():N}";
        Uri session = await client.StartLoadAsync(MemberUpliftScores.Table, jobId, file.Length, cancellationToken, append: true).ConfigureAwait(false);
        await client.UploadAsync(session, file.Path, cancellationToken).ConfigureAwait(false);
        await client.WaitForJobAsync(jobId, $"keeping the predicted uplift of {segmentId}'s members", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Best effort: deletes a failed creation's rows; the creation's own error is the one the caller sees.</summary>
    private async Task DeleteRowsAsync(QueryParameter id, IEnumerable<string> tables)
    {
        foreach (string table in tables)
        {
            try
            {
                await store.QueryAsync(new SqlStatement($"DELETE FROM {table} WHERE segment_id = @segment_id", [id]), CancellationToken.None).ConfigureAwait(false);
            }
            catch (DataStoreException)
            {
                // Best effort: the creation's own error is the one that goes on; DeleteAsync removes what is left.
            }
        }
    }

    private async Task EnsureTablesAsync(CancellationToken cancellationToken)
    {
        if (_tablesChecked)
        {
            return;
        }

        await _tablesReady.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (TableDefinition table in new[] { SegmentTables.Segments, SegmentTables.Members(profile), MemberUpliftScores.Table })
            {
                if ((await client.GetTableAsync(table.Name, cancellationToken).ConfigureAwait(false)).ValueKind == JsonValueKind.Undefined)
                {
                    await client.CreateTableAsync(table, cancellationToken).ConfigureAwait(false);
                }
            }

            _tablesChecked = true;
        }
        finally
        {
            _tablesReady.Release();
        }
    }

    public void Dispose() => _tablesReady.Dispose();
}

using System.Text.Json;
using AetherSegment.BigQuery.Rest;
using AetherSegment.BigQuery.Store;
using AetherSegment.Data;
using AetherSegment.Experiments;
using AetherSegment.DataModel;
using AetherSegment.Profiles;
using AetherSegment.Segments;

namespace AetherSegment.BigQuery.Segments;

/// <summary>
/// Stored segments in the BigQuery dataset: <c>segments</c> holds each segment's JSON and <c>segment_members</c> the
/// member snapshot, written by a DML <c>INSERT ... SELECT</c> that runs entirely in BigQuery.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class BigQuerySegmentStore(BigQueryDataStore store, BigQueryRestClient client, BusinessProfile profile) : ISegmentStore, IDisposable
{
    private readonly string _memberList = string.Join(", ", SegmentTables.MemberColumns(profile).Select(c => SegmentTables.ColumnSql(store.Dialect, c)));
    private readonly string _valueColumn = SegmentTables.ValueColumn(profile) is { } value ? SegmentTables.ColumnSql(store.Dialect, value) : "NULL";
    private readonly SemaphoreSlim _tablesReady = new(1, 1);
    private bool _tablesChecked;

    public async Task<StoredSegment> CreateAsync(StoredSegment segment, SqlStatement members, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(members);
        await EnsureTablesAsync(cancellationToken).ConfigureAwait(false);
        QueryParameter id = QueryParameter.String("segment_id", segment.SegmentId);
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
        await store.QueryAsync(new SqlStatement($"DELETE FROM {SegmentTables.MembersTableName} WHERE segment_id = @segment_id", [id]), cancellationToken).ConfigureAwait(false);
        await store.QueryAsync(new SqlStatement($"DELETE FROM {SegmentTables.Segments.Name} WHERE segment_id = @segment_id", [id]), cancellationToken).ConfigureAwait(false);
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

    private async Task EnsureTablesAsync(CancellationToken cancellationToken)
    {
        if (_tablesChecked)
        {
            return;
        }

        await _tablesReady.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (TableDefinition table in new[] { SegmentTables.Segments, SegmentTables.Members(profile) })
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

using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using AetherSegment.Data;
using AetherSegment.Segments;
using DuckDB.NET.Data;

namespace AetherSegment.DuckDB.Segments;

/// <summary>
/// Stored segments in the DuckDB file: <c>segments</c> holds each segment's JSON, <c>segment_members</c> the member
/// snapshot written by <c>INSERT ... SELECT</c> inside one transaction, so exports are identical every time.
/// </summary>
/// <remarks>Thread-safe: every call opens its own connection.</remarks>
internal sealed class DuckDBSegmentStore(DuckDBDataStore store) : ISegmentStore
{
    private static readonly string MemberList = string.Join(", ", SegmentTables.MemberColumns);

    public async Task<StoredSegment> CreateAsync(StoredSegment segment, SqlStatement members, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(members);
        await using DuckDBConnection connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureTablesAsync(connection, cancellationToken).ConfigureAwait(false);
            await using DbTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            QueryParameter id = QueryParameter.String("segment_id", segment.SegmentId);
            await ExecuteAsync(connection, new SqlStatement(
                $"INSERT INTO {SegmentTables.Members.Name} (segment_id, {MemberList}) SELECT $segment_id, {MemberList} FROM ({members.Sql}) AS m",
                [.. members.Parameters, id]), cancellationToken).ConfigureAwait(false);

            long size = 0;
            double? avgClv = null;
            await using (DuckDBCommand stats = Command(connection, new SqlStatement(
                $"SELECT COUNT(*), AVG(clv_score) FROM {SegmentTables.Members.Name} WHERE segment_id = $segment_id", [id])))
            await using (DbDataReader reader = await stats.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    size = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
                    avgClv = reader.IsDBNull(1) ? null : Math.Round(Convert.ToDouble(reader.GetValue(1), CultureInfo.InvariantCulture), 4);
                }
            }

            StoredSegment stored = segment with { Size = size, AvgClv = avgClv };
            await ExecuteAsync(connection, new SqlStatement(
                $"INSERT INTO {SegmentTables.Segments.Name} VALUES ($segment_id, $created_at, $as_of, $trigger_type, $size, $avg_clv, $segment_json)",
                [
                    id,
                    QueryParameter.Timestamp("created_at", stored.CreatedAt),
                    QueryParameter.Timestamp("as_of", stored.AsOf),
                    new QueryParameter("trigger_type", QueryParameterType.String, stored.Trigger is { } t ? DataModel.TriggerCatalog.Get(t).Name : null),
                    QueryParameter.Int64("size", size),
                    new QueryParameter("avg_clv", QueryParameterType.Float64, avgClv),
                    QueryParameter.String("segment_json", JsonSerializer.Serialize(stored, AetherSegmentJson.Options)),
                ]), cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return stored;
        }
        catch (DuckDBException ex)
        {
            throw new DataStoreException($"DuckDB could not store the segment: {ex.Message}", ex);
        }
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
            await ExecuteAsync(connection, new SqlStatement($"DELETE FROM {SegmentTables.Members.Name} WHERE segment_id = $segment_id", [id]), cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, new SqlStatement($"DELETE FROM {SegmentTables.Segments.Name} WHERE segment_id = $segment_id", [id]), cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DuckDBException ex)
        {
            throw new DataStoreException($"DuckDB could not delete the segment: {ex.Message}", ex);
        }
    }

    public async Task<bool> ExportAsync(string segmentId, SegmentExportFormat format, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (await GetAsync(segmentId, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        SqlStatement members = new(
            $"SELECT {MemberList} FROM {SegmentTables.Members.Name} WHERE segment_id = $segment_id ORDER BY customer_id",
            [QueryParameter.String("segment_id", segmentId)]);
        switch (format)
        {
            case SegmentExportFormat.Csv:
                await SegmentExport.WriteCsvAsync(SegmentTables.MemberColumns, store.StreamAsync(members, cancellationToken), destination, cancellationToken).ConfigureAwait(false);
                return true;
            case SegmentExportFormat.Json:
                await SegmentExport.WriteJsonAsync(SegmentTables.MemberColumns, store.StreamAsync(members, cancellationToken), destination, cancellationToken).ConfigureAwait(false);
                return true;
            case SegmentExportFormat.Parquet:
                await WriteParquetAsync(members, destination, cancellationToken).ConfigureAwait(false);
                return true;
            default:
                throw new AetherSegmentInputException("format", $"Unknown export format {format}: use csv, json or parquet.");
        }
    }

    private async Task WriteParquetAsync(SqlStatement members, Stream destination, CancellationToken cancellationToken)
    {
        string folder = Path.Combine(Path.GetTempPath(), "aether-export-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, "members.parquet");
        try
        {
            await using (DuckDBConnection connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false))
            {
                // COPY takes no parameters: the members go to a temporary table through a parameterized query first,
                // and only the generated file path (quotes doubled) is written into the COPY statement.
                await ExecuteAsync(connection, new SqlStatement("CREATE TEMP TABLE export_members AS " + members.Sql, members.Parameters), cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, new SqlStatement(
                    $"COPY (SELECT * FROM export_members ORDER BY customer_id) TO '{file.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)"), cancellationToken).ConfigureAwait(false);
            }

            await using FileStream parquet = File.OpenRead(file);
            await parquet.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
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

    private static async Task EnsureTablesAsync(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, new SqlStatement(DuckDBSchema.CreateTable(SegmentTables.Segments)), cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, new SqlStatement(DuckDBSchema.CreateTable(SegmentTables.Members)), cancellationToken).ConfigureAwait(false);
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

using AetherSegment.Data;
using AetherSegment.Experiments;
using DuckDB.NET.Data;

namespace AetherSegment.DuckDB.Loading;

/// <summary>Runs the learning loop's insert into the embedded database's campaign history in one transaction.</summary>
/// <remarks>Thread-safe: writes are serialized (DuckDB has one writer); readers keep reading meanwhile.</remarks>
internal sealed class DuckDBCampaignHistoryWriter(DuckDBDataStore store) : ICampaignHistoryWriter, IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    public async Task<long> InsertAsync(SqlStatement insert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(insert);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The campaign history changes: its data version is not carried to the next process by the file's stamp.
            store.NoteDataWritten();
            await using DuckDBConnection connection = await store.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using System.Data.Common.DbTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using DuckDBCommand command = connection.CreateCommand();
            command.CommandText = insert.Sql;
            foreach (QueryParameter parameter in insert.Parameters)
            {
                command.Parameters.Add(new DuckDBParameter(parameter.Name, parameter.Value switch
                {
                    null => DBNull.Value,
                    DateTimeOffset timestamp => timestamp.UtcDateTime,
                    _ => parameter.Value,
                }));
            }

            long rows = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return rows;
        }
        catch (DuckDBException ex)
        {
            throw new DataStoreException($"DuckDB refused the campaign history rows: {ex.Message}", ex);
        }
        finally
        {
            _writer.Release();
        }
    }

    public void Dispose() => _writer.Dispose();
}

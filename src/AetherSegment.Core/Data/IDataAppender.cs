using AetherSegment.DataModel;

namespace AetherSegment.Data;

/// <summary>
/// Appends rows to a table of an existing data set (live behavioral events, for example). The embedded store has a
/// single writer: implementations serialize concurrent calls, and readers keep reading while rows are appended.
/// </summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface IDataAppender
{
    /// <summary>Appends the rows to the table in one commit.</summary>
    /// <typeparam name="TRow">The row type.</typeparam>
    /// <param name="table">A table of <see cref="DataSchema"/>.</param>
    /// <param name="rows">The rows, each written in the table's column order.</param>
    /// <param name="cancellationToken">Cancels the append before it commits.</param>
    /// <returns>The number of rows appended.</returns>
    /// <exception cref="DataStoreException">The data set does not exist, is locked by another process, or rejected the rows.</exception>
    Task<long> AppendAsync<TRow>(TableDefinition table, IReadOnlyList<TRow> rows, CancellationToken cancellationToken = default)
        where TRow : IDataRow;
}

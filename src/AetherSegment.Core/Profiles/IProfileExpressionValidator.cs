namespace AetherSegment.Profiles;

/// <summary>
/// Parses a profile's column expression with the store's own SQL parser and says whether it is one expression over
/// one table (no second statement, no subquery, no clause smuggled after it). <see cref="ProfileDataChecker"/> uses it
/// before it runs <c>SELECT expression FROM table LIMIT 0</c>; the DuckDB provider has one
/// (<c>DuckDBProfileExpressionValidator</c>, on <c>json_serialize_sql</c>).
/// </summary>
public interface IProfileExpressionValidator
{
    /// <summary>Checks one expression.</summary>
    /// <param name="selectSql">The statement to parse: <c>SELECT expression AS v FROM table</c>, the table quoted by the dialect.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns><see langword="null"/> when it is a single expression over the table; else why not, in one line.</returns>
    Task<string?> ValidateAsync(string selectSql, CancellationToken cancellationToken = default);
}

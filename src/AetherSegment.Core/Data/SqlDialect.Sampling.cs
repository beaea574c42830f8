namespace AetherSegment.Data;

/// <content>The members deterministic sampling, data fingerprints and the shared clock need.</content>
public abstract partial class SqlDialect
{
    /// <summary>
    /// A deterministic 64-bit hash of an expression: <c>hash(x)</c> in DuckDB (UBIGINT), <c>FARM_FINGERPRINT(x)</c>
    /// in GoogleSQL (INT64, STRING or BYTES argument). Dialects hash differently; each must give the same value
    /// for the same input on every run, so samples ordered by it are repeatable within a store.
    /// </summary>
    /// <param name="expression">A STRING expression built from data model identifiers.</param>
    public abstract string Fingerprint(string expression);

    /// <summary>
    /// An order-independent checksum of some columns over the rows: the XOR of every row's hash (<c>bit_xor(hash(a, b, ...))</c>
    /// in DuckDB, <c>BIT_XOR(FARM_FINGERPRINT(CONCAT(...)))</c> over the columns' text in GoogleSQL). It must change when a
    /// row is added, removed or edited, and be NULL for no rows. Values differ between dialects, never between runs.
    /// </summary>
    /// <param name="columns">Column expressions built from data model identifiers.</param>
    public abstract string RowsChecksum(params string[] columns);

    /// <summary>Microseconds since the Unix epoch of a TIMESTAMP expression as an integer (<c>epoch_us(x)</c> in DuckDB, <c>UNIX_MICROS(x)</c> in GoogleSQL), so every dialect keeps the same sub-second precision.</summary>
    public abstract string EpochMicros(string expression);

    /// <summary>
    /// A statement selecting one column of a repeatable sample of a table's rows: a seeded reservoir sample in DuckDB,
    /// the rows with the lowest fingerprints in GoogleSQL.
    /// </summary>
    /// <param name="table">The table, a data model identifier.</param>
    /// <param name="column">The column, a data model identifier.</param>
    /// <param name="rows">How many rows at most.</param>
    /// <param name="seed">The sample's seed, where the dialect samples with one.</param>
    /// <value>The default orders by <see cref="Fingerprint(string)"/> and keeps the first <paramref name="rows"/>.</value>
    public virtual string SampleColumn(string table, string column, int rows, int seed) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"SELECT {column} FROM {table} ORDER BY {Fingerprint(column)} LIMIT {rows}");
}

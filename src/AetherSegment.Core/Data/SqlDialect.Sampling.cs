namespace AetherSegment.Data;

/// <content>The members deterministic sampling, data fingerprints and the shared clock need.</content>
public sealed partial class SqlDialect
{
    /// <summary>
    /// A deterministic 64-bit hash of an expression: <c>hash(x)</c> in DuckDB (UBIGINT), <c>FARM_FINGERPRINT(x)</c>
    /// in GoogleSQL (INT64, STRING or BYTES argument). The two dialects hash differently; each gives the same value
    /// for the same input on every run, so samples ordered by it are repeatable within a store.
    /// </summary>
    /// <param name="expression">A STRING expression built from data model identifiers.</param>
    public string Fingerprint(string expression) => IsBigQuery ? $"FARM_FINGERPRINT({expression})" : $"hash({expression})";

    /// <summary>
    /// An order-independent checksum of some columns over the rows: the XOR of every row's hash (<c>bit_xor(hash(a, b, ...))</c>
    /// in DuckDB, <c>BIT_XOR(FARM_FINGERPRINT(CONCAT(...)))</c> over the columns' text in GoogleSQL). It changes when a
    /// row is added, removed or edited; NULL for no rows. Values differ between the dialects, never between runs.
    /// </summary>
    /// <param name="columns">Column expressions built from data model identifiers.</param>
    public string RowsChecksum(params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (!IsBigQuery)
        {
            return $"bit_xor(hash({string.Join(", ", columns)}))";
        }

        string text = string.Join(", '|', ", columns.Select(c => $"COALESCE({CastToString(c)}, '')"));
        return $"BIT_XOR(FARM_FINGERPRINT(CONCAT({text})))";
    }

    /// <summary>Microseconds since the Unix epoch of a TIMESTAMP expression as an integer (<c>epoch_us(x)</c> in DuckDB, <c>UNIX_MICROS(x)</c> in GoogleSQL), so both dialects keep the same sub-second precision.</summary>
    public string EpochMicros(string expression) => IsBigQuery ? $"UNIX_MICROS({expression})" : $"epoch_us({expression})";
}

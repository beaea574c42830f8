namespace AetherSegment.DataModel;

/// <summary>The portable column types of the data model (GoogleSQL names in the contract).</summary>
public enum ColumnType
{
    /// <summary>Text (STRING / VARCHAR).</summary>
    String,

    /// <summary>64-bit integer (INT64 / BIGINT).</summary>
    Int64,

    /// <summary>Double-precision float (FLOAT64 / DOUBLE).</summary>
    Float64,

    /// <summary>Boolean (BOOL / BOOLEAN).</summary>
    Bool,

    /// <summary>UTC instant (TIMESTAMP).</summary>
    Timestamp,

    /// <summary>JSON document (JSON in both stores).</summary>
    Json,
}

namespace AetherSegment.Data;

/// <summary>The type of a named query parameter, mapped to each store's native parameter type.</summary>
public enum QueryParameterType
{
    /// <summary>STRING / VARCHAR.</summary>
    String,

    /// <summary>INT64 / BIGINT.</summary>
    Int64,

    /// <summary>FLOAT64 / DOUBLE.</summary>
    Float64,

    /// <summary>BOOL / BOOLEAN.</summary>
    Bool,

    /// <summary>TIMESTAMP (UTC); the value is a <see cref="DateTimeOffset"/>.</summary>
    Timestamp,

    /// <summary>ARRAY&lt;STRING&gt; / VARCHAR[]; the value is an <c>IReadOnlyList&lt;string&gt;</c>.</summary>
    StringArray,
}

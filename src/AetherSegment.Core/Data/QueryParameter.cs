using System.Text.Json.Serialization;

namespace AetherSegment.Data;

/// <summary>A named, typed query parameter. Values are never concatenated into SQL text.</summary>
/// <param name="Name">The parameter name without prefix (letters, digits and underscores).</param>
/// <param name="Type">The parameter type.</param>
/// <param name="Value">The value: <see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>,
/// <see cref="DateTimeOffset"/> or a list of strings, matching <paramref name="Type"/>.</param>
public sealed record QueryParameter(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] QueryParameterType Type,
    [property: JsonPropertyName("value")] object? Value)
{
    /// <summary>A STRING parameter.</summary>
    public static QueryParameter String(string name, string value) => new(name, QueryParameterType.String, value);

    /// <summary>An INT64 parameter.</summary>
    public static QueryParameter Int64(string name, long value) => new(name, QueryParameterType.Int64, value);

    /// <summary>A FLOAT64 parameter.</summary>
    public static QueryParameter Float64(string name, double value) => new(name, QueryParameterType.Float64, value);

    /// <summary>A BOOL parameter.</summary>
    public static QueryParameter Bool(string name, bool value) => new(name, QueryParameterType.Bool, value);

    /// <summary>A TIMESTAMP parameter (converted to UTC).</summary>
    public static QueryParameter Timestamp(string name, DateTimeOffset value) => new(name, QueryParameterType.Timestamp, value.ToUniversalTime());

    /// <summary>An ARRAY&lt;STRING&gt; parameter.</summary>
    public static QueryParameter StringArray(string name, IReadOnlyList<string> values) => new(name, QueryParameterType.StringArray, values);
}

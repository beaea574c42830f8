using System.Text.Json.Serialization;

namespace AetherSegment.Profiles;

/// <summary>The type of a profile attribute's values.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProfileAttributeType>))]
public enum ProfileAttributeType
{
    /// <summary>Text, compared with <c>in</c> (optionally against a catalog list).</summary>
    [JsonStringEnumMemberName("text")] Text,

    /// <summary>A number, compared with <c>at_least</c> and <c>below</c>.</summary>
    [JsonStringEnumMemberName("number")] Number,

    /// <summary>A flag, compared with <c>is_true</c>.</summary>
    [JsonStringEnumMemberName("boolean")] Boolean,

    /// <summary>A point in time.</summary>
    [JsonStringEnumMemberName("timestamp")] Timestamp,
}

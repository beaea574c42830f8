using System.Text.Json.Serialization;

namespace AetherSegment.Profiles;

/// <summary>The outcome of one check of a profile against the data.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProfileCheckStatus>))]
public enum ProfileCheckStatus
{
    /// <summary>The check passed.</summary>
    [JsonStringEnumMemberName("ok")] Ok,

    /// <summary>Worth a look, but the profile works (a catalog value with no rows, a trigger the ranker will not cover).</summary>
    [JsonStringEnumMemberName("warn")] Warn,

    /// <summary>The profile does not fit the data (a missing table or column, an expression that does not compile).</summary>
    [JsonStringEnumMemberName("fail")] Fail,

    /// <summary>Not checked (no mapped column carries it, or the table it needs is missing).</summary>
    [JsonStringEnumMemberName("skipped")] Skipped,
}

using System.Text.Json.Serialization;

namespace AetherSegment.Profiles;

/// <summary>What <see cref="ProfileDataChecker"/> found: every check with its JSON path, the triggers' campaign history
/// and the mappings the profile leaves out.</summary>
/// <param name="Profile">The profile's name.</param>
/// <param name="Store">The store's dialect name (<c>duckdb</c>, <c>bigquery</c>...).</param>
/// <param name="Checks">Every check, in the order run.</param>
/// <param name="Triggers">Each trigger of the profile with its campaign history (empty when campaign sends are not mapped).</param>
/// <param name="MissingMappings">The entities and optional columns the profile leaves out, with the features they switch off.</param>
public sealed record ProfileCheckReport(
    [property: JsonPropertyName("profile")] string Profile,
    [property: JsonPropertyName("store")] string Store,
    [property: JsonPropertyName("checks")] IReadOnlyList<ProfileCheckFinding> Checks,
    [property: JsonPropertyName("triggers")] IReadOnlyList<ProfileTriggerCoverage> Triggers,
    [property: JsonPropertyName("missing_mappings")] IReadOnlyList<ProfileMissingMapping> MissingMappings)
{
    /// <summary><see cref="ProfileCheckStatus.Fail"/> when a check failed, else <see cref="ProfileCheckStatus.Warn"/> when one warned, else <see cref="ProfileCheckStatus.Ok"/>.</summary>
    [JsonPropertyName("status")]
    public ProfileCheckStatus Status =>
        Checks.Any(c => c.Status == ProfileCheckStatus.Fail) ? ProfileCheckStatus.Fail
        : Checks.Any(c => c.Status == ProfileCheckStatus.Warn) ? ProfileCheckStatus.Warn
        : ProfileCheckStatus.Ok;

    /// <summary>How many checks failed.</summary>
    [JsonPropertyName("failures")]
    public int Failures => Checks.Count(c => c.Status == ProfileCheckStatus.Fail);

    /// <summary>How many checks warned.</summary>
    [JsonPropertyName("warnings")]
    public int Warnings => Checks.Count(c => c.Status == ProfileCheckStatus.Warn);
}

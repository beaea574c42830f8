using System.Text.Json.Serialization;

namespace AetherSegment.Profiles;

/// <summary>One check of a profile against the data.</summary>
/// <param name="Check">What was checked: <c>table</c>, <c>column</c>, <c>personal_column</c>, <c>catalog</c>, <c>catalog_value</c>, <c>campaign_arms</c>, <c>trigger_history</c>.</param>
/// <param name="Path">The JSON path in the profile of what was checked (e.g. <c>$.entities.orders.columns.value</c>).</param>
/// <param name="Status">The outcome.</param>
/// <param name="Message">What was found, in one line.</param>
public sealed record ProfileCheckFinding(
    [property: JsonPropertyName("check")] string Check,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("status")] ProfileCheckStatus Status,
    [property: JsonPropertyName("message")] string Message);

using System.Text.Json.Serialization;

namespace AetherSegment.Segments;

/// <summary>Where a segment filter came from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FilterProvenance>))]
public enum FilterProvenance
{
    /// <summary>Read from the objective by the interpreter.</summary>
    [JsonStringEnumMemberName("ai")] Ai,

    /// <summary>Added because of the chosen trigger (for example the score its eligibility names).</summary>
    [JsonStringEnumMemberName("trigger")] Trigger,

    /// <summary>A refinement the user added.</summary>
    [JsonStringEnumMemberName("user")] User,
}

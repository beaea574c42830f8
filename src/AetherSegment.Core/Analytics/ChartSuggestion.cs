using System.Text.Json.Serialization;

namespace AetherSegment.Analytics;

/// <summary>A chart that helps read an answer's rows.</summary>
/// <param name="Type">The chart type.</param>
/// <param name="X">The row key of the category or time axis.</param>
/// <param name="Y">The row key of the value axis.</param>
/// <param name="Title">A title for the chart.</param>
public sealed record ChartSuggestion(
    [property: JsonPropertyName("type")] ChartType Type,
    [property: JsonPropertyName("x")] string X,
    [property: JsonPropertyName("y")] string Y,
    [property: JsonPropertyName("title")] string Title);

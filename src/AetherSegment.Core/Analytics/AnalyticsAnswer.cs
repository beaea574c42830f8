using System.Text.Json.Serialization;
using AetherSegment.Data;

namespace AetherSegment.Analytics;

/// <summary>
/// The answer to a question about the customer data: a sentence, the read-only SQL that produced it with its
/// parameters, the rows as objects keyed by column name, and a chart suggestion. Serialized with
/// <see cref="AetherSegmentJson.Options"/> it is the body of <c>aether ask</c> and <c>POST /api/v1/analytics/ask</c>.
/// </summary>
public sealed record AnalyticsAnswer
{
    /// <summary>The question as asked.</summary>
    [JsonPropertyName("question")]
    public required string Question { get; init; }

    /// <summary>Whether the question was answered, refused or could not be placed.</summary>
    [JsonPropertyName("status")]
    public required AnalyticsAnswerStatus Status { get; init; }

    /// <summary>One or two sentences for a person: the result, the refusal's reason, or what can be asked.</summary>
    [JsonPropertyName("answer")]
    public required string Answer { get; init; }

    /// <summary>
    /// Exactly what was computed, in words ("Computed the number of customers who bought both Tents and Sleeping Bags."),
    /// so a reader can see that the question answered is the question asked; names the path (rules or language model).
    /// <see langword="null"/> when nothing ran.
    /// </summary>
    [JsonPropertyName("restatement")]
    public string? Restatement { get; init; }

    /// <summary>The SQL that ran (in the store's dialect), or <see langword="null"/> when nothing ran.</summary>
    [JsonPropertyName("sql")]
    public string? Sql { get; init; }

    /// <summary>The named parameters of <see cref="Sql"/>; empty when nothing ran.</summary>
    [JsonPropertyName("parameters")]
    public IReadOnlyList<QueryParameter> Parameters { get; init; } = [];

    /// <summary>The result column names, in select order.</summary>
    [JsonPropertyName("columns")]
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>The result rows, each an object keyed by column name (values: string, number, bool, ISO timestamp or null).</summary>
    [JsonPropertyName("rows")]
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows { get; init; } = [];

    /// <summary>A chart suggestion, or <see langword="null"/> when a chart would not help (a single value).</summary>
    [JsonPropertyName("chart")]
    public ChartSuggestion? Chart { get; init; }

    /// <summary>Who wrote the SQL; <see langword="null"/> when nothing ran.</summary>
    [JsonPropertyName("source")]
    public AnalyticsAnswerSource? Source { get; init; }

    /// <summary>Example questions that can be answered (filled for unanswerable and refused questions).</summary>
    [JsonPropertyName("suggestions")]
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    /// <summary>Notes on how the question was read: a time range that does not apply, a language-model SQL that was refused.</summary>
    [JsonPropertyName("warnings")]
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

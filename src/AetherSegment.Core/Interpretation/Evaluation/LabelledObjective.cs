using System.Text.Json;

namespace AetherSegment.Interpretation.Evaluation;

/// <summary>One labelled example of an evaluation set (a line of a file in the format of <c>objectives.jsonl</c>).</summary>
/// <param name="Id">The example's id (the line number when the file gives none).</param>
/// <param name="Objective">The objective text.</param>
/// <param name="Expect">Expected values by dotted path into the Campaign Objective Object (<c>audience.behavior.viewed_within_days</c>).</param>
/// <param name="Skip">Dotted paths not compared.</param>
internal sealed record LabelledObjective(string Id, string Objective, IReadOnlyDictionary<string, JsonElement> Expect, IReadOnlyList<string> Skip);

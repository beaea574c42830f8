using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AetherSegment.Interpretation.Evaluation;

/// <summary>
/// Scores an interpreter against a labelled set in the format of <c>shared/examples/objectives.jsonl</c>: one JSON
/// object a line with <c>objective</c>, <c>expect</c> (dotted paths) and optional <c>id</c> and <c>skip</c>. Every
/// canonical field that <c>expect</c> does not name must hold its empty value (null, or [] for lists), except
/// <c>suggested_trigger</c>, compared only where named, and the fields in <c>skip</c>. Numbers compare to within
/// 0.01; lists compare as sets. Thread-safe.
/// </summary>
internal static class InterpretationEvaluator
{
    /// <summary>The canonical fields compared, in the order of the contract.</summary>
    public static IReadOnlyList<string> CanonicalFields { get; } =
    [
        "campaign_type",
        "audience.value_tier",
        "audience.clv_min",
        "audience.countries",
        "audience.cities",
        "audience.categories",
        "audience.product_types",
        "audience.churn_risk",
        "audience.acquisition_sources",
        "audience.behavior.abandoned_cart_within_days",
        "audience.behavior.purchased_within_days",
        "audience.behavior.no_purchase_for_days",
        "audience.behavior.acquired_within_days",
        "audience.behavior.viewed_within_days",
        "audience.behavior.min_cart_value",
        "incentive.type",
        "incentive.value",
        "kpi.metric",
        "kpi.target_change_pct",
        "suggested_trigger",
    ];

    private const string TriggerField = "suggested_trigger";
    private const double Tolerance = 0.01;

    /// <summary>Reads a labelled set from a JSONL file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The examples, in file order.</returns>
    /// <exception cref="AetherSegmentInputException">The file is missing or a line is malformed (the message names the line).</exception>
    public static IReadOnlyList<LabelledObjective> ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new AetherSegmentInputException("eval", $"eval file '{path}' does not exist.");
        }

        using StreamReader reader = new(path);
        return Read(reader, Path.GetFileName(path));
    }

    /// <summary>Reads a labelled set from JSONL text; blank lines are ignored.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="sourceName">The name used in error messages.</param>
    /// <returns>The examples, in order.</returns>
    /// <exception cref="AetherSegmentInputException">A line is malformed (the message names the line and the problem).</exception>
    public static IReadOnlyList<LabelledObjective> Read(TextReader reader, string sourceName = "eval file")
    {
        ArgumentNullException.ThrowIfNull(reader);
        List<LabelledObjective> examples = [];
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            examples.Add(ParseLine(line, lineNumber, sourceName));
        }

        if (examples.Count == 0)
        {
            throw new AetherSegmentInputException("eval", $"{sourceName} holds no examples.");
        }

        return examples;
    }

    /// <summary>Interprets every example and scores the answers.</summary>
    /// <param name="interpreter">The interpreter to score.</param>
    /// <param name="examples">The labelled examples.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>Per-field accuracy and every mismatch.</returns>
    public static async Task<InterpretationReport> EvaluateAsync(
        ICampaignInterpreter interpreter, IReadOnlyList<LabelledObjective> examples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interpreter);
        ArgumentNullException.ThrowIfNull(examples);
        int[] correct = new int[CanonicalFields.Count];
        int[] total = new int[CanonicalFields.Count];
        List<InterpretationFailure> failures = [];
        int exact = 0;
        foreach (LabelledObjective example in examples)
        {
            CampaignObjective answer = await interpreter.InterpretAsync(example.Objective, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<InterpretationFailure> mismatches = Compare(example, answer, correct, total);
            failures.AddRange(mismatches);
            if (mismatches.Count == 0)
            {
                exact++;
            }
        }

        Dictionary<string, FieldAccuracy> fields = [];
        for (int f = 0; f < CanonicalFields.Count; f++)
        {
            fields[CanonicalFields[f]] = new FieldAccuracy(correct[f], total[f]);
        }

        return new InterpretationReport
        {
            Interpreter = interpreter.Name,
            Examples = examples.Count,
            ExactMatches = exact,
            Fields = fields,
            Failures = failures,
        };
    }

    /// <summary>Compares one answer with its label.</summary>
    /// <param name="example">The labelled example.</param>
    /// <param name="answer">The interpreter's answer.</param>
    /// <returns>The fields that do not match; empty when the answer matches.</returns>
    public static IReadOnlyList<InterpretationFailure> Compare(LabelledObjective example, CampaignObjective answer)
    {
        ArgumentNullException.ThrowIfNull(example);
        ArgumentNullException.ThrowIfNull(answer);
        return Compare(example, answer, new int[CanonicalFields.Count], new int[CanonicalFields.Count]);
    }

    private static List<InterpretationFailure> Compare(LabelledObjective example, CampaignObjective answer, int[] correct, int[] total)
    {
        JsonNode actualRoot = JsonSerializer.SerializeToNode(answer, AetherSegmentJson.Options)!;
        List<InterpretationFailure> failures = [];
        for (int f = 0; f < CanonicalFields.Count; f++)
        {
            string field = CanonicalFields[f];
            if (Contains(example.Skip, field))
            {
                continue;
            }

            bool named = example.Expect.TryGetValue(field, out JsonElement expectedElement);
            if (!named && field == TriggerField)
            {
                continue;
            }

            JsonNode? actual = Navigate(actualRoot, field);
            JsonNode? expected = named ? JsonNode.Parse(expectedElement.GetRawText()) : EmptyValueLike(actual);
            total[f]++;
            if (Matches(expected, actual))
            {
                correct[f]++;
            }
            else
            {
                failures.Add(new InterpretationFailure(example.Id, example.Objective, field, ToJson(expected), ToJson(actual)));
            }
        }

        return failures;
    }

    private static LabelledObjective ParseLine(string line, int lineNumber, string sourceName)
    {
        string where = string.Create(CultureInfo.InvariantCulture, $"{sourceName} line {lineNumber}");
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new AetherSegmentInputException("eval", $"{where}: not valid JSON ({ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0]}).");
        }

        if (node is not JsonObject obj)
        {
            throw new AetherSegmentInputException("eval", $"{where}: expected a JSON object.");
        }

        if (obj["objective"] is not JsonValue objectiveValue || objectiveValue.GetValueKind() != JsonValueKind.String
            || string.IsNullOrWhiteSpace(objectiveValue.GetValue<string>()))
        {
            throw new AetherSegmentInputException("eval", $"{where}: \"objective\" must be a non-empty string.");
        }

        if (obj["expect"] is not JsonObject expectObject)
        {
            throw new AetherSegmentInputException("eval", $"{where}: \"expect\" must be an object of dotted paths.");
        }

        Dictionary<string, JsonElement> expect = new(StringComparer.Ordinal);
        foreach (KeyValuePair<string, JsonNode?> pair in expectObject)
        {
            if (!CanonicalFields.Contains(pair.Key))
            {
                throw new AetherSegmentInputException("eval", $"{where}: \"expect\" names \"{pair.Key}\", which is not a field of the Campaign Objective Object.");
            }

            expect[pair.Key] = JsonSerializer.SerializeToElement(pair.Value);
        }

        List<string> skip = [];
        if (obj["skip"] is JsonNode skipNode)
        {
            if (skipNode is not JsonArray skipArray)
            {
                throw new AetherSegmentInputException("eval", $"{where}: \"skip\" must be an array of dotted paths.");
            }

            foreach (JsonNode? entry in skipArray)
            {
                if (entry is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
                {
                    throw new AetherSegmentInputException("eval", $"{where}: \"skip\" must hold strings.");
                }

                skip.Add(value.GetValue<string>());
            }
        }

        string id = obj["id"] is JsonValue idValue && idValue.GetValueKind() == JsonValueKind.String
            ? idValue.GetValue<string>()
            : lineNumber.ToString(CultureInfo.InvariantCulture);
        return new LabelledObjective(id, objectiveValue.GetValue<string>().Trim(), expect, skip);
    }

    private static bool Contains(IReadOnlyList<string> list, string value)
    {
        foreach (string item in list)
        {
            if (string.Equals(item, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static JsonNode? Navigate(JsonNode root, string path)
    {
        JsonNode? node = root;
        foreach (string part in path.Split('.'))
        {
            node = node is JsonObject obj ? obj[part] : null;
        }

        return node;
    }

    private static JsonNode? EmptyValueLike(JsonNode? actual) => actual is JsonArray ? new JsonArray() : null;

    private static bool Matches(JsonNode? expected, JsonNode? actual)
    {
        if (expected is null || actual is null)
        {
            return IsEmpty(expected) && IsEmpty(actual);
        }

        if (expected is JsonArray expectedList && actual is JsonArray actualList)
        {
            if (expectedList.Count != actualList.Count)
            {
                return false;
            }

            foreach (JsonNode? e in expectedList)
            {
                bool found = false;
                foreach (JsonNode? a in actualList)
                {
                    if (Matches(e, a))
                    {
                        found = true;
                        break;
                    }
                }

                if (!found)
                {
                    return false;
                }
            }

            return true;
        }

        if (expected is JsonValue ev && actual is JsonValue av)
        {
            JsonValueKind ek = ev.GetValueKind();
            JsonValueKind ak = av.GetValueKind();
            if (ek == JsonValueKind.Number && ak == JsonValueKind.Number)
            {
                return Math.Abs(ev.GetValue<double>() - av.GetValue<double>()) <= Tolerance + 1e-9;
            }

            if (ek == JsonValueKind.String && ak == JsonValueKind.String)
            {
                return string.Equals(ev.GetValue<string>(), av.GetValue<string>(), StringComparison.Ordinal);
            }

            return ek == ak && ek is JsonValueKind.True or JsonValueKind.False;
        }

        return false;
    }

    private static bool IsEmpty(JsonNode? node) => node is null || (node is JsonArray array && array.Count == 0);

    private static string ToJson(JsonNode? node) => node?.ToJsonString(AetherSegmentJson.Options) ?? "null";
}

using System.Text.Json;

namespace AetherSegment.Segments;

/// <summary>
/// One refinement filter added to a segment (the keys are listed on <see cref="ISegmentEngine"/>): a key and one typed
/// value, a text, a list of texts, a number or a flag. Which kind a key takes is checked when the segment is defined,
/// with an <see cref="AetherSegmentInputException"/> naming the field; a number or a flag may also be given as text
/// (<c>"0.5"</c>, <c>"true"</c>), and a single text may list several values separated by commas.
/// </summary>
/// <remarks>Immutable. Hosts build refinements from their wire format (JSON, command-line flags) at their boundary.</remarks>
public sealed class SegmentRefinement
{
    private SegmentRefinement(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Key = key;
    }

    /// <summary>The refinement's key, for example <c>clv_min</c> (case-insensitive).</summary>
    public string Key { get; }

    /// <summary>The value when it is one text; otherwise <see langword="null"/>.</summary>
    public string? Text { get; private init; }

    /// <summary>The value when it is a list of texts; otherwise <see langword="null"/>.</summary>
    public IReadOnlyList<string>? Texts { get; private init; }

    /// <summary>The value when it is a number; otherwise <see langword="null"/>.</summary>
    public double? Number { get; private init; }

    /// <summary>The value when it is a flag; otherwise <see langword="null"/>.</summary>
    public bool? Flag { get; private init; }

    /// <summary>A refinement whose value is one text (a comma-separated list where the key takes several values).</summary>
    /// <param name="key">The key.</param>
    /// <param name="text">The value.</param>
    public static SegmentRefinement Of(string key, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new SegmentRefinement(key) { Text = text };
    }

    /// <summary>A refinement whose value is a list of texts.</summary>
    /// <param name="key">The key.</param>
    /// <param name="texts">The values.</param>
    public static SegmentRefinement Of(string key, IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return new SegmentRefinement(key) { Texts = [.. texts] };
    }

    /// <summary>A refinement whose value is a number.</summary>
    /// <param name="key">The key.</param>
    /// <param name="number">The value.</param>
    public static SegmentRefinement Of(string key, double number) => new(key) { Number = number };

    /// <summary>A refinement whose value is a flag.</summary>
    /// <param name="key">The key.</param>
    /// <param name="flag">The value.</param>
    public static SegmentRefinement Of(string key, bool flag) => new(key) { Flag = flag };

    /// <summary>
    /// A refinement whose value has none of the supported kinds (for example a JSON object, or a list holding a number),
    /// kept so that defining the segment reports the field with the message its key's kind calls for.
    /// </summary>
    /// <param name="key">The key.</param>
    public static SegmentRefinement OfUnsupportedValue(string key) => new(key);

    /// <summary>
    /// A refinement from a JSON value, as the web API sends them: a string, an array of strings, a number or a boolean.
    /// Any other value (an object, an array holding a non-string, a number beyond a double) is kept as
    /// <see cref="OfUnsupportedValue(string)"/>, so defining the segment names the field.
    /// </summary>
    /// <param name="key">The filter key.</param>
    /// <param name="value">The JSON value.</param>
    /// <returns>The refinement, or <see langword="null"/> for a JSON null (no refinement).</returns>
    public static SegmentRefinement? FromJson(string key, JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(key);
        return value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => Of(key, value.GetString()!),
            JsonValueKind.True or JsonValueKind.False => Of(key, value.GetBoolean()),
            JsonValueKind.Number when value.TryGetDouble(out double number) && double.IsFinite(number) => Of(key, number),
            JsonValueKind.Array when value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String) =>
                Of(key, [.. value.EnumerateArray().Select(item => item.GetString()!)]),
            _ => OfUnsupportedValue(key),
        };
    }
}

using System.Text.Json.Serialization;

namespace AetherSegment.Segments;

/// <summary>A comparison of one customer attribute with a number, a list of values, or true.</summary>
/// <param name="Attribute">The attribute compared: the name of one of the profile's attributes (<see cref="Profiles.ProfileAttribute.Name"/>, e.g. <c>region</c>).</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Number">The threshold for <see cref="ComparisonOperator.AtLeast"/> and <see cref="ComparisonOperator.Below"/>, else <see langword="null"/>.</param>
/// <param name="Values">The allowed values for <see cref="ComparisonOperator.In"/>, else empty.</param>
public sealed record AttributeCondition(
    [property: JsonPropertyName("attribute")] string Attribute,
    [property: JsonPropertyName("operator")] ComparisonOperator Operator,
    [property: JsonPropertyName("number")] double? Number,
    [property: JsonPropertyName("values")] IReadOnlyList<string> Values) : SegmentCondition
{
    /// <summary>The attribute is one of the values.</summary>
    public static AttributeCondition In(string attribute, IReadOnlyList<string> values) => new(attribute, ComparisonOperator.In, null, values);

    /// <summary>The attribute is at least the number.</summary>
    public static AttributeCondition AtLeast(string attribute, double number) => new(attribute, ComparisonOperator.AtLeast, number, []);

    /// <summary>The attribute is below the number.</summary>
    public static AttributeCondition Below(string attribute, double number) => new(attribute, ComparisonOperator.Below, number, []);

    /// <summary>The flag attribute is true.</summary>
    public static AttributeCondition IsTrue(string attribute) => new(attribute, ComparisonOperator.IsTrue, null, []);
}

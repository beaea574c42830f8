using AetherSegment.Segments;

namespace AetherSegment.Profiles;

/// <summary>A comparison of one profile attribute with a number, a list of values, or true (<c>"kind": "attribute"</c>).</summary>
/// <param name="Attribute">The attribute's name (see <see cref="BusinessProfile.Attributes"/>).</param>
/// <param name="Operator">The comparison: <c>at_least</c>/<c>below</c> for numbers, <c>in</c> for text, <c>is_true</c> for flags.</param>
/// <param name="Number">The threshold for <c>at_least</c> and <c>below</c>, else <see langword="null"/>.</param>
/// <param name="Values">The allowed values for <c>in</c> (catalog values when the attribute has a catalog), else empty.</param>
public sealed record ProfileAttributeCondition(string Attribute, ComparisonOperator Operator, double? Number, IReadOnlyList<string> Values) : ProfileCondition
{
    /// <summary>The attribute is at least the number.</summary>
    public static ProfileAttributeCondition AtLeast(string attribute, double number) => new(attribute, ComparisonOperator.AtLeast, number, []);

    /// <summary>The attribute is below the number.</summary>
    public static ProfileAttributeCondition Below(string attribute, double number) => new(attribute, ComparisonOperator.Below, number, []);

    /// <summary>The attribute is one of the values.</summary>
    public static ProfileAttributeCondition In(string attribute, params IReadOnlyList<string> values) => new(attribute, ComparisonOperator.In, null, values);

    /// <summary>The flag attribute is true.</summary>
    public static ProfileAttributeCondition IsTrue(string attribute) => new(attribute, ComparisonOperator.IsTrue, null, []);
}

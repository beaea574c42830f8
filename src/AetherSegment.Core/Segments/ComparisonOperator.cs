using System.Text.Json.Serialization;

namespace AetherSegment.Segments;

/// <summary>How an <see cref="AttributeCondition"/> compares its attribute.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ComparisonOperator>))]
public enum ComparisonOperator
{
    /// <summary>The attribute is one of <see cref="AttributeCondition.Values"/>.</summary>
    [JsonStringEnumMemberName("in")] In,

    /// <summary>The attribute is at least <see cref="AttributeCondition.Number"/>.</summary>
    [JsonStringEnumMemberName("at_least")] AtLeast,

    /// <summary>The attribute is below <see cref="AttributeCondition.Number"/>.</summary>
    [JsonStringEnumMemberName("below")] Below,

    /// <summary>The flag attribute is true.</summary>
    [JsonStringEnumMemberName("is_true")] IsTrue,
}

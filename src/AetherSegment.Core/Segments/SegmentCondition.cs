using System.Text.Json.Serialization;

namespace AetherSegment.Segments;

/// <summary>
/// A node of a segment's filter expression tree: <see cref="AllOfCondition"/>, <see cref="AnyOfCondition"/>,
/// <see cref="NotCondition"/>, or a leaf (<see cref="AttributeCondition"/>, <see cref="BehaviorCondition"/>).
/// Serialized with a <c>kind</c> discriminator. Immutable.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(AllOfCondition), "all_of")]
[JsonDerivedType(typeof(AnyOfCondition), "any_of")]
[JsonDerivedType(typeof(NotCondition), "not")]
[JsonDerivedType(typeof(AttributeCondition), "attribute")]
[JsonDerivedType(typeof(BehaviorCondition), "behavior")]
public abstract record SegmentCondition;

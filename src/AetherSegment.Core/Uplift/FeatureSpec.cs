namespace AetherSegment.Uplift;

/// <summary>A model's input column: a name and, for a categorical column, its level names (codes index them).</summary>
internal sealed record FeatureSpec(string Name, IReadOnlyList<string>? Levels)
{
    public bool IsCategorical => Levels is not null;
}

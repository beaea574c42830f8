namespace AetherSegment.Profiles;

/// <summary>The profile's own measures and dimensions, added to those the semantic layer derives from the mapping.</summary>
public sealed class ProfileAnalytics
{
    internal ProfileAnalytics()
    {
    }

    /// <summary>The measures.</summary>
    public IReadOnlyList<ProfileMeasure> Measures { get; internal init; } = [];

    /// <summary>The dimensions.</summary>
    public IReadOnlyList<ProfileDimension> Dimensions { get; internal init; } = [];
}

namespace AetherSegment.Profiles;

/// <summary>
/// The profile's examples (the optional <c>examples</c> section): campaign objectives and analytics questions in the
/// business's own words, which the hosts offer as one-click starting points and the overview turns into opportunities.
/// </summary>
public sealed class ProfileExamples
{
    internal ProfileExamples()
    {
    }

    /// <summary>Example campaign objectives, in file order; empty when the profile has none.</summary>
    public IReadOnlyList<ExampleObjective> Objectives { get; internal init; } = [];

    /// <summary>Example analytics questions, in file order; empty when the profile has none.</summary>
    public IReadOnlyList<string> Questions { get; internal init; } = [];
}

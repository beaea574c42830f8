using System.CommandLine;

namespace AetherSegment.Cli.Uplift;

/// <summary>The Uplift commands: uplift evaluate | train | score | sql.</summary>
public static class UpliftCommands
{
    /// <summary>The top-level commands of this feature.</summary>
    public static IEnumerable<Command> Create() => [];
}

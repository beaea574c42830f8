using System.CommandLine;

namespace AetherSegment.Cli.Interpretation;

/// <summary>The Interpretation commands: interpret.</summary>
public static class InterpretationCommands
{
    /// <summary>The top-level commands of this feature.</summary>
    public static IEnumerable<Command> Create() => [];
}

using System.CommandLine;

namespace AetherSegment.Cli.Data;

/// <summary>The Data commands: generate, events add, data check.</summary>
public static class DataCommands
{
    /// <summary>The top-level commands of this feature.</summary>
    public static IEnumerable<Command> Create() => [GenerateCommand.Create()];
}

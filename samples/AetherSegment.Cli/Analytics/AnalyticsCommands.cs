using System.CommandLine;

namespace AetherSegment.Cli.Analytics;

/// <summary>The Analytics commands: ask.</summary>
public static class AnalyticsCommands
{
    /// <summary>The top-level commands of this feature.</summary>
    public static IEnumerable<Command> Create() => [AskCommand.Create()];
}

using System.CommandLine;

namespace AetherSegment.Cli.Segments;

/// <summary>The Segments commands: analyze, segment sql, segment create.</summary>
public static class SegmentCommands
{
    /// <summary>The top-level commands of this feature.</summary>
    public static IEnumerable<Command> Create() => [];
}

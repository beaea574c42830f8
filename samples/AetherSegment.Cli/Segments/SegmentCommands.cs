using System.CommandLine;

namespace AetherSegment.Cli.Segments;

/// <summary>The Segments commands: analyze, segment sql, segment create, segment get, segment export.</summary>
public static class SegmentCommands
{
    /// <summary>The top-level commands of this feature.</summary>
    public static IEnumerable<Command> Create()
    {
        Command segment = new("segment", "Build, print, store and export segments.")
        {
            SegmentSqlCommand.Create(),
            SegmentCreateCommand.Create(),
            SegmentGetCommand.Create(),
            SegmentExportCommand.Create(),
        };
        return [AnalyzeCommand.Create(), segment];
    }
}

using System.CommandLine;

namespace AetherSegment.Cli.Segments;

/// <summary>The Segments commands: analyze, segment sql|preview|create|get|export.</summary>
public static class SegmentCommands
{
    /// <summary>The top-level commands of this feature.</summary>
    public static IEnumerable<Command> Create()
    {
        Command segment = new("segment", "Build, print, store and export segments.")
        {
            SegmentSqlCommand.Create(),
            SegmentPreviewCommand.Create(),
            SegmentCreateCommand.Create(),
            SegmentGetCommand.Create(),
            SegmentExportCommand.Create(),
        };
        return [AnalyzeCommand.Create(), segment];
    }
}

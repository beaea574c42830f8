using System.CommandLine;
using AetherSegment.Segments;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Segments;

/// <summary><c>aether segment export ID --out FILE</c>: writes a stored segment's member snapshot again.</summary>
internal static class SegmentExportCommand
{
    public static Command Create()
    {
        Argument<string> id = new("segment-id") { Description = "The segment id printed by segment create." };
        Option<string> output = new("--out") { Description = "FILE.csv, FILE.json or FILE.parquet.", Required = true };
        Command command = new("export", "Write a stored segment's members (the snapshot taken at creation).") { id, output };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string path = parseResult.GetValue(output)!;
            SegmentArguments.FormatOf(path);
            await using ServiceProvider services = CliHost.BuildServices(parseResult);
            string segmentId = parseResult.GetValue(id) ?? "";
            await SegmentArguments.ExportToFileAsync(services.GetRequiredService<ISegmentEngine>(), segmentId, path, cancellationToken).ConfigureAwait(false);
            CliConsole.WriteJson(new Dictionary<string, string> { ["segment_id"] = segmentId, ["output"] = Path.GetFullPath(path) });
            return CliExit.Ok;
        });
        return command;
    }
}

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
        Option<bool> personal = SegmentArguments.IncludePersonal();
        Option<string> holdout = new("--holdout")
        {
            Description = "For a segment with a holdout: exclude (the send list, default) or mark (every member with a holdout column).",
            DefaultValueFactory = _ => "exclude",
        };
        holdout.AcceptOnlyFromAmong("exclude", "mark");
        Command command = new("export", "Write a stored segment's members (the snapshot taken at creation).") { id, output, personal, holdout };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string path = parseResult.GetValue(output)!;
            SegmentArguments.FormatOf(path);
            await using ServiceProvider services = CliHost.BuildServices(parseResult);
            string segmentId = parseResult.GetValue(id) ?? "";
            bool includePersonal = parseResult.GetValue(personal);
            long rows = await SegmentArguments.ExportToFileAsync(services.GetRequiredService<ISegmentEngine>(), segmentId, path, includePersonal, cancellationToken,
                parseResult.GetValue(holdout) == "mark" ? AetherSegment.Experiments.HoldoutExport.Mark : AetherSegment.Experiments.HoldoutExport.Exclude).ConfigureAwait(false);
            CliConsole.WriteJson(new Dictionary<string, object>
            {
                ["segment_id"] = segmentId,
                ["output"] = Path.GetFullPath(path),
                ["rows"] = rows,
                ["personal_data"] = includePersonal ? "included" : "excluded",
            });
            return CliExit.Ok;
        });
        return command;
    }
}

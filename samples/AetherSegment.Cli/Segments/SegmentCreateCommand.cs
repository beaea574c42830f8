using System.CommandLine;
using AetherSegment.Hosting;
using AetherSegment.Segments;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Segments;

/// <summary><c>aether segment create "&lt;objective&gt;"</c>: stores the segment, optionally writes its members, prints its summary.</summary>
internal static class SegmentCreateCommand
{
    public static Command Create()
    {
        Argument<string> objective = SegmentArguments.Objective();
        Option<string[]> filters = SegmentArguments.Filters();
        Option<string?> trigger = SegmentArguments.Trigger();
        Option<string?> output = new("--out") { Description = "Write the members to FILE.csv, FILE.json or FILE.parquet." };
        Option<bool> personal = SegmentArguments.IncludePersonal();
        Command command = new("create", "Build the final segment, store it with a member snapshot and print its summary.") { objective, trigger, filters, output, personal };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string? path = parseResult.GetValue(output);
            if (path is not null)
            {
                SegmentArguments.FormatOf(path);
            }

            await using ServiceProvider services = CliHost.BuildServices(parseResult);
            ISegmentEngine engine = services.GetRequiredService<ISegmentEngine>();
            var interpreted = await SegmentArguments.ReadObjectiveAsync(services, parseResult.GetValue(objective), cancellationToken).ConfigureAwait(false);
            StoredSegment segment = await engine.CreateAsync(interpreted, SegmentRequests.TriggerOrSuggested(parseResult.GetValue(trigger), interpreted),
                SegmentArguments.ReadFilters(parseResult.GetValue(filters)), cancellationToken).ConfigureAwait(false);
            if (path is not null)
            {
                _ = await SegmentArguments.ExportToFileAsync(engine, segment.SegmentId, path, parseResult.GetValue(personal), cancellationToken).ConfigureAwait(false);
            }

            CliConsole.WriteJson(new SegmentSummary(segment, path is null ? null : Path.GetFullPath(path)));
            return CliExit.Ok;
        });
        return command;
    }
}

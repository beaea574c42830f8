using System.CommandLine;
using AetherSegment.Segments;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Segments;

/// <summary><c>aether segment preview "&lt;objective&gt;" --filter k=v</c>: before/after of refinements, as the web API's preview-filters.</summary>
internal static class SegmentPreviewCommand
{
    public static Command Create()
    {
        Argument<string> objective = SegmentArguments.Objective();
        Option<string[]> filters = SegmentArguments.Filters();
        Option<string?> trigger = new("--trigger") { Description = "A trigger whose filter applies before and after (default: none)." };
        Command command = new("preview", "Preview refinements: the segment's size and metrics before and after adding the filters.") { objective, trigger, filters };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using ServiceProvider services = CliHost.BuildServices(parseResult);
            ISegmentEngine engine = services.GetRequiredService<ISegmentEngine>();
            var interpreted = await SegmentArguments.ReadObjectiveAsync(services, parseResult.GetValue(objective), cancellationToken).ConfigureAwait(false);
            FilterPreview preview = await engine.PreviewFiltersAsync(interpreted, SegmentArguments.ReadFilters(parseResult.GetValue(filters)),
                string.IsNullOrWhiteSpace(parseResult.GetValue(trigger)) ? null : parseResult.GetValue(trigger), cancellationToken).ConfigureAwait(false);
            CliConsole.WriteJson(preview);
            return CliExit.Ok;
        });
        return command;
    }
}

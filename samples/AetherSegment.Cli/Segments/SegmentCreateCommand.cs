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
        Option<double?> holdout = new("--holdout") { Description = "Reserve a randomized holdout of this share of the members, in (0, 0.5] (e.g. 0.1); --out then writes the send list without them." };
        Option<string?> salt = new("--holdout-salt") { Description = "The holdout's hash key (letters, digits, '-', '_'); a random one by default." };
        Command command = new("create", "Build the final segment, store it with a member snapshot and print its summary.") { objective, trigger, filters, output, personal, holdout, salt };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string? path = parseResult.GetValue(output);
            if (path is not null)
            {
                SegmentArguments.FormatOf(path);
            }

            AetherSegment.Experiments.SegmentHoldout? reserved = parseResult.GetValue(holdout) is { } share
                ? AetherSegment.Experiments.HoldoutAssignment.Create(share, parseResult.GetValue(salt), "--holdout")
                : parseResult.GetValue(salt) is null ? null : throw new CliInputException("--holdout-salt needs --holdout SHARE.");
            await using ServiceProvider services = CliHost.BuildServices(parseResult);
            ISegmentEngine engine = services.GetRequiredService<ISegmentEngine>();
            var interpreted = await SegmentArguments.ReadObjectiveAsync(services, parseResult.GetValue(objective), cancellationToken).ConfigureAwait(false);
            StoredSegment segment = await engine.CreateAsync(interpreted, SegmentRequests.TriggerOrSuggested(parseResult.GetValue(trigger), interpreted),
                SegmentArguments.ReadFilters(parseResult.GetValue(filters)), reserved, cancellationToken).ConfigureAwait(false);
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

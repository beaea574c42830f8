using System.CommandLine;
using AetherSegment.Segments;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Segments;

/// <summary><c>aether segment get ID</c>: prints a stored segment.</summary>
internal static class SegmentGetCommand
{
    public static Command Create()
    {
        Argument<string> id = new("segment-id") { Description = "The segment id printed by segment create." };
        Command command = new("get", "Print a stored segment.") { id };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using ServiceProvider services = CliHost.BuildServices(parseResult);
            string segmentId = parseResult.GetValue(id) ?? "";
            StoredSegment segment = await services.GetRequiredService<ISegmentEngine>().GetAsync(segmentId, cancellationToken).ConfigureAwait(false)
                ?? throw new CliInputException($"segment id: no segment {segmentId} in this store.");
            CliConsole.WriteJson(segment);
            return CliExit.Ok;
        });
        return command;
    }
}

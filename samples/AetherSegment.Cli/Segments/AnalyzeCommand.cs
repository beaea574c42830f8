using System.CommandLine;
using AetherSegment.Segments;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Segments;

/// <summary><c>aether analyze "&lt;objective&gt;"</c>: prints {campaign_objective_object, segment_preview, trigger_suggestions}.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        Argument<string> objective = SegmentArguments.Objective();
        Command command = new("analyze", "Interpret an objective and preview its eligible segment with ranked triggers.") { objective };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using ServiceProvider services = CliHost.BuildServices(parseResult);
            ISegmentEngine engine = services.GetRequiredService<ISegmentEngine>();
            var interpreted = await SegmentArguments.ReadObjectiveAsync(services, parseResult.GetValue(objective), cancellationToken).ConfigureAwait(false);
            CampaignAnalysis analysis = await engine.AnalyzeAsync(interpreted, cancellationToken).ConfigureAwait(false);
            CliConsole.WriteJson(analysis);
            return CliExit.Ok;
        });
        return command;
    }
}

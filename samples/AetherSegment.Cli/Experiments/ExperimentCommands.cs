using System.CommandLine;
using AetherSegment.Experiments;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Experiments;

/// <summary>The Experiments commands: <c>experiment design</c>, <c>experiment results</c> and <c>experiment feedback</c>.</summary>
public static class ExperimentCommands
{
    /// <summary>The top-level commands of this feature.</summary>
    public static IEnumerable<Command> Create()
    {
        Command experiment = new("experiment", "Design a segment's holdout experiment before sending and measure it after.")
        {
            Design(),
            Results(),
            Feedback(),
        };
        return [experiment];
    }

    private static Option<string> Segment() => new("--segment") { Description = "The segment id printed by segment create.", Required = true };

    private static Command Design()
    {
        Option<string> segment = Segment();
        Option<double?> holdout = new("--holdout") { Description = "The holdout share, in (0, 0.5]; the segment's own by default (else 0.1)." };
        Option<double?> uplift = new("--uplift") { Description = "The absolute uplift to detect (0.01 = one point); the ranker's prediction by default." };
        Option<double?> baseline = new("--baseline") { Description = "The holdout's conversion rate; estimated from the campaign history by default." };
        Command command = new("design", "Power, minimum detectable effect at 80% and the holdout that would detect the predicted uplift.") { segment, holdout, uplift, baseline };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetValue(holdout) is { } share)
            {
                HoldoutAssignment.Create(share, null, "--holdout");
            }

            await using ServiceProvider services = CliHost.BuildServices(parseResult);
            ExperimentDesign design = await services.GetRequiredService<ExperimentService>().DesignAsync(parseResult.GetValue(segment)!,
                parseResult.GetValue(holdout), parseResult.GetValue(uplift), parseResult.GetValue(baseline), cancellationToken).ConfigureAwait(false);
            CliConsole.WriteJson(design);
            return CliExit.Ok;
        });
        return command;
    }

    private static Command Feedback()
    {
        Option<string> segment = Segment();
        Option<int> window = new("--window-days") { Description = "The attribution window after activation, in days (1..365); it must be over.", DefaultValueFactory = _ => 14 };
        Command command = new("feedback", "Append a measured campaign to the campaign history (treatment and control rows), so the ranker retrains on it.") { segment, window };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using ServiceProvider services = CliHost.BuildServices(parseResult);
            CampaignFeedback fed = await services.GetRequiredService<ExperimentService>().FeedBackAsync(parseResult.GetValue(segment)!, parseResult.GetValue(window), cancellationToken).ConfigureAwait(false);
            CliConsole.WriteJson(fed);
            return CliExit.Ok;
        });
        return command;
    }

    private static Command Results()
    {
        Option<string> segment = Segment();
        Option<string?> outcomes = new("--outcomes") { Description = "A CSV of outcomes (customer_id,converted[,revenue][,converted_at]); the store's orders after activation by default." };
        Option<int> window = new("--window-days") { Description = "The attribution window after activation, in days (1..365).", DefaultValueFactory = _ => 14 };
        Command command = new("results", "Conversion per arm, lift with 95% intervals, incremental conversions and revenue, p-value and the always-valid monitor.") { segment, outcomes, window };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string? file = parseResult.GetValue(outcomes);
            if (file is not null && !File.Exists(file))
            {
                throw new CliInputException($"--outcomes: no file {file}.");
            }

            await using ServiceProvider services = CliHost.BuildServices(parseResult);
            ExperimentService experiments = services.GetRequiredService<ExperimentService>();
            ExperimentReport report;
            if (file is null)
            {
                report = await experiments.ResultsAsync(parseResult.GetValue(segment)!, null, parseResult.GetValue(window), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await using FileStream stream = File.OpenRead(file);
                report = await experiments.ResultsAsync(parseResult.GetValue(segment)!, stream, parseResult.GetValue(window), cancellationToken).ConfigureAwait(false);
            }

            CliConsole.WriteJson(report);
            return CliExit.Ok;
        });
        return command;
    }
}

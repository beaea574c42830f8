using System.CommandLine;
using AetherSegment.Cli.Allocation;
using AetherSegment.Cli.Analytics;
using AetherSegment.Cli.BigQuery;
using AetherSegment.Cli.Data;
using AetherSegment.Cli.Interpretation;
using AetherSegment.Cli.Profiles;
using AetherSegment.Cli.Segments;
using AetherSegment.Cli.Uplift;

namespace AetherSegment.Cli;

/// <summary>The <c>aether</c> command tree (shared/contracts/cli.md) and its exit-code conventions.</summary>
public static class AetherCli
{
    /// <summary>Builds the root command with every feature's sub-commands.</summary>
    public static RootCommand CreateRootCommand()
    {
        RootCommand root = new("AetherSegment: from a campaign objective in plain English to a stored, exported segment.");
        root.Options.Add(CliOptions.Db);
        root.Options.Add(CliOptions.Profile);
        root.Options.Add(CliOptions.Store);
        root.Options.Add(CliOptions.Interpreter);
        root.Options.Add(CliOptions.Format);

        IEnumerable<Command>[] features =
        [
            DataCommands.Create(),
            InterpretationCommands.Create(),
            SegmentCommands.Create(),
            Experiments.ExperimentCommands.Create(),
            Experiments.CampaignCommands.Create(),
            UpliftCommands.Create(),
            AnalyticsCommands.Create(),
            BigQueryCommands.Create(),
            ProfileCommands.Create(),
            [AllocateCommand.Create()],
        ];
        foreach (Command command in features.SelectMany(f => f))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Parses and runs a command line: exit 0 on success, 2 on bad arguments or input (one line on stderr), 1 otherwise.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdout">Where machine-readable output goes.</param>
    /// <param name="stderr">Where progress, logs and errors go.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        RootCommand root = CreateRootCommand();
        ParseResult parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            await stderr.WriteLineAsync($"aether: {parseResult.Errors[0].Message}").ConfigureAwait(false);
            return CliExit.BadInput;
        }

        CliConsole.Use(stdout, stderr);
        try
        {
            CliHost.CheckProfile(parseResult);
            return await parseResult.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (CliExit.Classify(ex) is { } exit)
        {
            await stderr.WriteLineAsync($"aether: {exit.Message}").ConfigureAwait(false);
            return exit.Code;
        }
    }
}

using System.CommandLine;
using AetherSegment.Data;
using AetherSegment.Synthetic.Checks;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Data;

/// <summary><c>aether data check</c>: the distribution report; exit 1 when a check fails.</summary>
internal static class DataCheckCommand
{
    public static Command Create()
    {
        Command check = new("check", "Validate the distributions (countries, cities, categories, price ranges, cart recency, campaign balance).");
        check.SetAction(async (parseResult, cancellationToken) =>
        {
            await using ServiceProvider services = CliHost.BuildServices(parseResult);
            DataCommands.RequireDatabase(services);
            DataCheckReport report = await services.GetRequiredService<DataChecker>()
                .CheckAsync(services.GetRequiredService<IDataStore>(), cancellationToken).ConfigureAwait(false);
            CliConsole.WriteJson(report);
            if (!report.Passed)
            {
                foreach (DataCheckResult failed in report.Checks.Where(c => !c.Passed))
                {
                    await CliConsole.Error.WriteLineAsync($"aether: data check {failed.Name} failed: {failed.Detail}").ConfigureAwait(false);
                }
            }

            return report.Passed ? CliExit.Ok : CliExit.Failure;
        });
        return new Command("data", "Inspect the data set.") { check };
    }
}

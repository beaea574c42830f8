using System.CommandLine;
using AetherSegment.Data;
using AetherSegment.Segments;
using AetherSegment.Synthetic.Campaigns;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Experiments;

/// <summary>The Campaigns commands: <c>campaign simulate</c> (offline playback of an activated campaign on the demo data).</summary>
public static class CampaignCommands
{
    /// <summary>The top-level commands of this feature.</summary>
    public static IEnumerable<Command> Create()
    {
        Command campaign = new("campaign", "Play an activated segment's campaign offline on the demo's generated data.")
        {
            Simulate(),
        };
        return [campaign];
    }

    private static Command Simulate()
    {
        Option<string> segment = new("--segment") { Description = "The segment id printed by segment create (it needs a trigger and a holdout).", Required = true };
        Option<int> days = new("--days") { Description = "Days after activation to play (1..365).", DefaultValueFactory = _ => 14 };
        Option<int> seed = new("--seed") { Description = "The random seed of the playback.", DefaultValueFactory = _ => 15 };
        Command command = new("simulate", "Play the campaign through the generator's causal response model and write its orders to the store.") { segment, days, seed };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetValue(days) is < 1 or > 365)
            {
                throw new CliInputException($"--days must be 1 to 365; got {parseResult.GetValue(days)}.");
            }

            await using ServiceProvider services = CliHost.BuildServices(parseResult);
            CampaignSimulator simulator = new(services.GetRequiredService<IDataStore>(), services.GetRequiredService<ISegmentStore>(), services.GetRequiredService<IDataAppender>());
            CampaignSimulation played = await simulator.SimulateAsync(parseResult.GetValue(segment)!, parseResult.GetValue(days), parseResult.GetValue(seed), cancellationToken).ConfigureAwait(false);
            CliConsole.WriteJson(played);
            return CliExit.Ok;
        });
        return command;
    }
}

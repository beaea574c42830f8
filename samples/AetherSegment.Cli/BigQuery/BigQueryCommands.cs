using System.CommandLine;

namespace AetherSegment.Cli.BigQuery;

/// <summary>The BigQuery commands: bigquery estimate.</summary>
public static class BigQueryCommands
{
    /// <summary>The top-level commands of this feature.</summary>
    public static IEnumerable<Command> Create()
    {
        Command bigquery = new("bigquery", "BigQuery tools: estimate what the product's statements would bill.");
        bigquery.Subcommands.Add(EstimateCommand.Create());
        return [bigquery];
    }
}

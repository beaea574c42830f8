using System.CommandLine;
using AetherSegment.DuckDB;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Data;

/// <summary>The Data commands: generate, events add, data check.</summary>
public static class DataCommands
{
    /// <summary>The top-level commands of this feature.</summary>
    public static IEnumerable<Command> Create() => [GenerateCommand.Create(), EventsCommand.Create(), DataCheckCommand.Create()];

    /// <summary>Fails with exit 2 and how to create one when the embedded database file does not exist.</summary>
    internal static void RequireDatabase(IServiceProvider services)
    {
        if (services.GetService<DuckDBDataStore>() is { Exists: false } store)
        {
            throw new CliInputException($"No database at {store.DatabasePath}: create one with `aether generate --db {store.DatabasePath}`.");
        }
    }
}

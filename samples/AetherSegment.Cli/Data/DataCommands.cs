using System.CommandLine;
using AetherSegment.Data;
using AetherSegment.DuckDB;
using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Data;

/// <summary>The Data commands: generate, events add, data check.</summary>
public static class DataCommands
{
    /// <summary>The top-level commands of this feature.</summary>
    public static IEnumerable<Command> Create() => [GenerateCommand.Create(), EventsCommand.Create(), DataCheckCommand.Create()];

    /// <summary>
    /// Fails with exit 2 and one plain line when the embedded database file is missing or is not a readable DuckDB
    /// database (a text file, random bytes, a truncated or damaged file). A file locked by another process is not a
    /// mistake in <c>--db</c> and keeps its own message (exit 1).
    /// </summary>
    internal static void RequireDatabase(IServiceProvider services)
    {
        if (services.GetService<DuckDBDataStore>() is not { } store)
        {
            return;
        }

        string path = store.DatabasePath;
        if (Directory.Exists(path))
        {
            throw new CliInputException($"{path} is a folder, not a DuckDB database file: pass a database file with --db.");
        }

        if (!store.Exists)
        {
            throw new CliInputException($"No database at {path}: create one with `aether generate --db {path}`.");
        }

        try
        {
            using DuckDBConnection connection = new($"DataSource={path}");
            connection.Open();
        }
        catch (DuckDBException ex) when (!ex.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliInputException(
                $"{path} is not a readable DuckDB database (a different kind of file, or truncated or damaged): pass another --db, or recreate it with `aether generate --db {path} --force`.",
                ex);
        }
        catch (DuckDBException ex)
        {
            throw new DataStoreException($"The database {path} is in use by another process (DuckDB allows one process at a time); stop that process or use another --db.", ex);
        }
    }
}

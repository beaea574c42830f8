using System.CommandLine;
using AetherSegment.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AetherSegment.Cli;

/// <summary>Builds configuration and services for one command from appsettings.json, environment variables and flags.</summary>
public static class CliHost
{
    /// <summary>The configuration for a parsed command line: files, then environment, then the global flags.</summary>
    public static IConfiguration BuildConfiguration(ParseResult parseResult, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        Dictionary<string, string?> flags = [];
        if (parseResult.GetValue(CliOptions.Db) is { } db)
        {
            flags["AetherSegment:DuckDB:Path"] = db;
        }

        if (parseResult.GetValue(CliOptions.Profile) is { } profile)
        {
            flags["AetherSegment:Profile"] = profile;
        }

        if (parseResult.GetValue(CliOptions.Store) is { } store)
        {
            flags["AetherSegment:Store"] = store;
        }

        if (parseResult.GetValue(CliOptions.Interpreter) is { } interpreter)
        {
            flags["AetherSegment:Interpreter"] = interpreter;
        }

        foreach (KeyValuePair<string, string?> pair in overrides ?? [])
        {
            flags[pair.Key] = pair.Value;
        }

        return new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(flags)
            .Build();
    }

    /// <summary>Loads and validates the <c>--profile</c> file before any command runs, so every command rejects a bad profile the same way.</summary>
    /// <exception cref="CliInputException">The file is missing or not a valid profile: one line naming the option and the JSON path.</exception>
    public static void CheckProfile(ParseResult parseResult)
    {
        if (parseResult.GetValue(CliOptions.Profile) is { } path)
        {
            try
            {
                AetherSegment.Profiles.BusinessProfileLoader.LoadFile(path);
            }
            catch (AetherSegment.Profiles.ProfileValidationException e)
            {
                throw new CliInputException("--profile: " + e.Message, e);
            }
        }
    }

    /// <summary>The commands that read an existing database: a missing or unreadable <c>--db</c> is exit 2 for each.</summary>
    private static readonly HashSet<string> DatabaseCommands = new(StringComparer.Ordinal)
    {
        "ask", "data check", "events add", "analyze", "segment create", "segment export", "segment get", "segment preview",
    };

    private static bool ReadsTheDatabase(ParseResult parseResult)
    {
        System.CommandLine.Parsing.CommandResult result = parseResult.CommandResult;
        string name = result.Parent is System.CommandLine.Parsing.CommandResult parent && parent.Command is not RootCommand
            ? $"{parent.Command.Name} {result.Command.Name}"
            : result.Command.Name;
        return DatabaseCommands.Contains(name);
    }

    /// <summary>The service provider for a parsed command line, with options validated now (a bad setting exits 2).</summary>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="overrides">Configuration values that win over files, environment and flags.</param>
    /// <param name="configure">Registrations added after the configured ones (they win), or null.</param>
    public static ServiceProvider BuildServices(ParseResult parseResult, IEnumerable<KeyValuePair<string, string?>>? overrides = null, Action<IServiceCollection>? configure = null)
    {
        IConfiguration configuration = BuildConfiguration(parseResult, overrides);
        ServiceCollection services = new();
        services.AddSingleton(configuration);
        services.AddLogging(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .SetMinimumLevel(LogLevel.Warning)
            .AddSimpleConsole(o => o.SingleLine = true));
        services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        services.AddAetherSegmentFromConfiguration(configuration);
        configure?.Invoke(services);
        ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        try
        {
            provider.ValidateAetherSegmentOptions();
            if (ReadsTheDatabase(parseResult))
            {
                Data.DataCommands.RequireDatabase(provider);
            }
        }
        catch
        {
            provider.Dispose();
            throw;
        }

        return provider;
    }
}

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

        // One command per process, writing customer data only through AetherSegment: the embedded store's file stamp
        // carries the campaign history's data version to the next command (DuckDBOptions.SoleWriterProcess); a setting
        // in appsettings.json or the environment still wins.
        Dictionary<string, string?> defaults = new() { ["AetherSegment:DuckDB:SoleWriterProcess"] = "true" };
        return new ConfigurationBuilder()
            .AddInMemoryCollection(defaults)
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
        "campaign simulate",
    };

    /// <summary>The commands that write or check the synthetic generator's data, which is the demo profile's only.</summary>
    private static readonly HashSet<string> DemoDataCommands = new(StringComparer.Ordinal)
    {
        "generate", "events add", "data check", "campaign simulate",
    };

    private static bool ReadsTheDatabase(ParseResult parseResult) => DatabaseCommands.Contains(CommandName(parseResult));

    private static string CommandName(ParseResult parseResult)
    {
        System.CommandLine.Parsing.CommandResult result = parseResult.CommandResult;
        return result.Parent is System.CommandLine.Parsing.CommandResult parent && parent.Command is not RootCommand
            ? $"{parent.Command.Name} {result.Command.Name}"
            : result.Command.Name;
    }

    /// <summary>A command that writes or checks the demo's synthetic data refuses any other profile (exit 2, one line).</summary>
    private static void RequireDemoProfile(ParseResult parseResult, IServiceProvider services)
    {
        string command = CommandName(parseResult);
        if (DemoDataCommands.Contains(command)
            && services.GetRequiredService<AetherSegment.Profiles.BusinessProfile>() is { } profile
            && profile.Name != AetherSegment.Synthetic.Profiles.HomeFurnishingProfile.Name)
        {
            throw new CliInputException(
                $"{command}: writes or checks the demo profile's synthetic data only, and the profile is {profile.Name}; load your own data into the store instead.");
        }
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
        services.AddAetherSegmentTelemetryExport(configuration, "aether");
        configure?.Invoke(services);
        ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        try
        {
            provider.ValidateAetherSegmentOptions();
            provider.StartTelemetryExport();
            RequireDemoProfile(parseResult, provider);
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

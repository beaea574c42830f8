using System.CommandLine;
using AetherSegment.Cli.Data;
using AetherSegment.Data;
using AetherSegment.DuckDB;
using AetherSegment.DuckDB.Profiles;
using AetherSegment.Profiles;
using AetherSegment.Synthetic.Profiles;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Profiles;

/// <summary>
/// <c>aether profile check [--profile FILE] [--db PATH | --store bigquery]</c>: validates a profile against the data
/// with <see cref="ProfileDataChecker"/> and prints its JSON report; exit 1 when a check fails (one line on stderr),
/// 2 when the profile itself is malformed (the line names the JSON path).
/// </summary>
internal static class ProfileCheckCommand
{
    /// <summary>
    /// The command's own <c>--profile</c>. When the global <c>--profile</c> option lands, drop this one and read the
    /// profile the host resolved; the rest of the command stays as it is.
    /// </summary>
    private static readonly Option<string?> ProfileFile = new("--profile") { Description = "The profile file to check (default: the home-furnishing demo profile)." };

    public static Command Create()
    {
        Command check = new("check", "Validate a profile against the data: mapped tables and columns, catalog values, each trigger's campaign history.")
        {
            ProfileFile,
        };
        check.SetAction(async (parseResult, cancellationToken) =>
        {
            string? path = parseResult.GetValue(ProfileFile);
            BusinessProfile profile = path is null ? HomeFurnishingProfile.Load() : BusinessProfileLoader.LoadFile(path);

            await using ServiceProvider services = CliHost.BuildServices(parseResult);
            IDataStore store = services.GetRequiredService<IDataStore>();
            IProfileExpressionValidator? expressions = null;
            if (services.GetService<DuckDBDataStore>() is not null)
            {
                DataCommands.RequireDatabase(services);
                expressions = new DuckDBProfileExpressionValidator(store);
            }

            ProfileCheckReport report = await new ProfileDataChecker(store, expressions).CheckAsync(profile, cancellationToken).ConfigureAwait(false);
            CliConsole.WriteJson(report);
            if (report.Status != ProfileCheckStatus.Fail)
            {
                return CliExit.Ok;
            }

            ProfileCheckFinding first = report.Checks.First(c => c.Status == ProfileCheckStatus.Fail);
            string more = report.Failures > 1 ? $" (and {report.Failures - 1} more)" : "";
            await CliConsole.Error.WriteLineAsync($"aether: profile check failed: {first.Path}: {first.Message}{more}".ReplaceLineEndings(" ")).ConfigureAwait(false);
            return CliExit.Failure;
        });
        return check;
    }
}

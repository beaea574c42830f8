using System.CommandLine;

namespace AetherSegment.Cli.Profiles;

/// <summary>The profile commands: profile init (draft a profile from a database), profile check (validate one against the data).</summary>
public static class ProfileCommands
{
    /// <summary>The top-level commands of this feature.</summary>
    public static IEnumerable<Command> Create()
    {
        Command profile = new("profile", "Describe a business to AetherSegment: draft a profile from a database, check one against the data.");
        profile.Subcommands.Add(ProfileInitCommand.Create());
        profile.Subcommands.Add(ProfileCheckCommand.Create());
        return [profile];
    }
}

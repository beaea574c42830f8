using AetherSegment.TestRetailers.SummitOutfitters;
using AetherSegment.Tests;

namespace AetherSegment.Cli.Tests.Retailers;

/// <summary>
/// The synthetic generator writes and checks the demo profile's data only: with another retailer's profile the commands
/// that write or check it refuse with exit 2 and one line, before touching the database.
/// </summary>
public sealed class DemoDataCommandsTests
{
    public static TheoryData<string, string> Commands() => new()
    {
        { "generate|--customers|100", "generate" },
        { "events|add|10", "events add" },
        { "data|check", "data check" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task WithAnotherRetailersProfile_ExitsTwo_SayingItWritesTheDemoDataOnly(string command, string name)
    {
        string database = Path.Combine(TestPaths.NewTempDirectory(), "summit.duckdb");

        (int exit, string stdout, string stderr) = await Segments.Cli.RunAsync([.. command.Split('|'), "--profile", SummitOutfittersProfile.Path, "--db", database]);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal($"aether: {name}: writes or checks the demo profile's synthetic data only, and the profile is summit-outfitters; load your own data into the store instead.", line);
        Assert.False(File.Exists(database), "the refusal must come before the database is created or opened");
    }
}

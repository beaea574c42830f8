using System.Text.Json.Nodes;
using AetherSegment.Cli.Tests.Retailers;
using AetherSegment.TestRetailers.SummitOutfitters;
using AetherSegment.Web.Tests.Infrastructure;

namespace AetherSegment.Web.Tests.Retailers;

/// <summary>
/// The web app with the Summit Outfitters profile over its own generated database (3,000 members, seed 42): a retailer
/// written only as a profile file plus its data. The live event stream is asked for, to show it stays off.
/// </summary>
/// <remarks>
/// The profile is the shipped file less its overview opportunity cards: the cards are counted by the segment engine,
/// which compiles from the demo's tables until the mapping migration (issue 12, "mapping") lands; without them the
/// overview runs only the host's own queries, which read the mapping. Once that migration is in, use
/// <see cref="SummitOutfittersProfile.Path"/> as it is.
/// </remarks>
public sealed class SummitServerFixture : IAsyncLifetime
{
    public SummitDatabase Database { get; } = new();

    internal WebAppServer Server { get; private set; } = null!;

    public string ProfilePath { get; } = Path.Combine(AetherSegment.Tests.TestPaths.NewTempDirectory(), "summit-outfitters.profile.json");

    public async Task InitializeAsync()
    {
        JsonObject profile = JsonNode.Parse(await File.ReadAllTextAsync(SummitOutfittersProfile.Path))!.AsObject();
        foreach (JsonNode? objective in profile["examples"]!["objectives"]!.AsArray())
        {
            objective!.AsObject().Remove("opportunity");
        }

        await File.WriteAllTextAsync(ProfilePath, profile.ToJsonString());
        await Database.InitializeAsync();
        Server = await WebAppServer.StartAsync(Database.Path, new Dictionary<string, string>
        {
            ["AetherSegment:Profile"] = ProfilePath,
            ["AetherSegment:Web:LiveEvents"] = "true",
        });
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Database.DisposeAsync();
    }
}

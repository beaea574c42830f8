using AetherSegment.Cli.Tests.Retailers;
using AetherSegment.TestRetailers.SummitOutfitters;
using AetherSegment.Web.Tests.Infrastructure;

namespace AetherSegment.Web.Tests.Retailers;

/// <summary>
/// The web app with the Summit Outfitters profile (the shipped file as it is, opportunity cards included) over its own
/// generated database (3,000 members, seed 42): a retailer written only as a profile file plus its data. The live
/// event stream is asked for, to show it stays off.
/// </summary>
public sealed class SummitServerFixture : IAsyncLifetime
{
    public SummitDatabase Database { get; } = new();

    internal WebAppServer Server { get; private set; } = null!;

    public string ProfilePath => SummitOutfittersProfile.Path;

    public async Task InitializeAsync()
    {
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

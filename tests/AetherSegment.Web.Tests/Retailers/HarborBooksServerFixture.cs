using AetherSegment.Cli.Tests.Retailers;
using AetherSegment.Web.Tests.Infrastructure;

namespace AetherSegment.Web.Tests.Retailers;

/// <summary>
/// The web app with the third test retailer, Harbor Lane Books: its profile file and the database its SQL script
/// writes (tests/AetherSegment.TestRetailers/HarborBooks), nothing else.
/// </summary>
public sealed class HarborBooksServerFixture : IAsyncLifetime
{
    public HarborBooksDatabase Database { get; } = new();

    internal WebAppServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        Server = await WebAppServer.StartAsync(Database.Path, new Dictionary<string, string> { ["AetherSegment:Profile"] = HarborBooksDatabase.ProfilePath });
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Database.DisposeAsync();
    }
}

using AetherSegment.Tests;

namespace AetherSegment.Web.Tests.Infrastructure;

/// <summary>One server per test class over a seeded database of <see cref="Customers"/> customers.</summary>
public sealed class SeededServerFixture : IAsyncLifetime
{
    public const int Customers = 2_100;

    internal WebAppServer Server { get; private set; } = null!;

    public DateTimeOffset SeededAt { get; } = DateTimeOffset.UtcNow;

    public async Task InitializeAsync()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "web.duckdb");
        await SeededDatabase.CreateAsync(path, Customers, SeededAt);
        Server = await WebAppServer.StartAsync(path);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

using AetherSegment.Tests;

namespace AetherSegment.Cli.Tests.Segments;

/// <summary>One synthetic database for the segment CLI tests, made with <c>aether generate</c> (2,000 customers, seed 42).</summary>
public sealed class GeneratedDatabase : IAsyncLifetime
{
    public string Path { get; } = System.IO.Path.Combine(TestPaths.NewTempDirectory(), "cli.duckdb");

    public async Task InitializeAsync()
    {
        (int exit, _, string stderr) = await Cli.RunAsync("generate", "--db", Path, "--customers", "2000", "--seed", "42");
        Assert.True(exit == 0, stderr);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>Runs the aether command line in-process.</summary>
internal static class Cli
{
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using StringWriter stdout = new();
        using StringWriter stderr = new();
        int exit = await AetherCli.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}

using System.Diagnostics;
using AetherSegment.Tests;

namespace AetherSegment.Cli.Tests.Data;

/// <summary>
/// A bad <c>--db</c> (a text file, random bytes, a truncated DuckDB file, a missing file) is the same mistake in every
/// command that reads the database: exit 2 and exactly one plain line on stderr, with no DuckDB text. Runs the real
/// <c>aether</c> process so log lines on stderr count too.
/// </summary>
public sealed class BadDatabaseTests(BadDatabaseTests.Files files) : IClassFixture<BadDatabaseTests.Files>
{
    public static TheoryData<string, string> Cases()
    {
        TheoryData<string, string> data = [];
        foreach (string kind in (string[])["text", "random", "truncated", "missing"])
        {
            foreach (string command in (string[])["ask|revenue by country", "data|check", "segment|create|Win back customers in Toronto", "analyze|Win back customers in Toronto", "events|add|5", "segment|get|SEG-1"])
            {
                data.Add(kind, command);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadDb_ExitsTwo_WithOnePlainLine(string kind, string command)
    {
        string db = files.PathOf(kind);
        string[] args = [.. command.Split('|'), "--db", db];

        (int exit, string stderr) = await RunProcessAsync(args);

        string[] lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(exit == 2, $"exit {exit}: {stderr}");
        Assert.True(lines.Length == 1, $"{lines.Length} lines: {stderr}");
        Assert.StartsWith("aether: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(db, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("IO Error", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("DuckDB", lines[0].Replace("DuckDB database", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stderr)> RunProcessAsync(string[] args)
    {
        ProcessStartInfo start = new("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "aether.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = await process.StandardError.ReadToEndAsync();
        await stdout;
        await process.WaitForExitAsync();
        return (process.ExitCode, stderr);
    }

    /// <summary>The four kinds of bad database file.</summary>
    public sealed class Files : IAsyncLifetime
    {
        private readonly string _folder = TestPaths.NewTempDirectory();

        public string PathOf(string kind) => Path.Combine(_folder, kind + ".duckdb");

        public async Task InitializeAsync()
        {
            await File.WriteAllTextAsync(PathOf("text"), "customer_id,email\nC1,a@b.c\n");
            byte[] random = new byte[64 * 1024];
            new Random(19).NextBytes(random);
            await File.WriteAllBytesAsync(PathOf("random"), random);
            string good = Path.Combine(_folder, "good.duckdb");
            (int exit, _, string stderr) = await Segments.Cli.RunAsync("generate", "--db", good, "--customers", "200", "--seed", "3");
            Assert.True(exit == 0, stderr);
            byte[] whole = await File.ReadAllBytesAsync(good);
            await File.WriteAllBytesAsync(PathOf("truncated"), whole[..Math.Min(whole.Length / 3, 20_000)]);
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }
}

using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AetherSegment.Tests;

/// <summary>
/// Parses statements with the independent GoogleSQL grammar of tools/googlesql-parse (node-sql-parser's BigQuery
/// dialect, installed with npm ci on first use) and asserts that every one parses.
/// </summary>
internal static class GoogleSqlParse
{
    /// <summary>Asserts that every statement (objects with <c>id</c> and <c>sql</c>) parses.</summary>
    public static async Task AssertAllParseAsync(JsonArray statements)
    {
        string tool = Path.Combine(TestPaths.RepositoryRoot, "tools", "googlesql-parse");
        string node = FindOnPath("node") ?? throw new InvalidOperationException("This test needs Node.js (node on PATH) for the independent GoogleSQL parser.");
        if (!Directory.Exists(Path.Combine(tool, "node_modules", "node-sql-parser")))
        {
            using Process npm = Process.Start(new ProcessStartInfo(FindOnPath("npm") ?? "npm", ["ci", "--prefix", tool, "--no-audit", "--no-fund"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            Task<string> npmOutput = npm.StandardOutput.ReadToEndAsync();
            string npmError = await npm.StandardError.ReadToEndAsync();
            await npm.WaitForExitAsync();
            Assert.True(npm.ExitCode == 0, $"npm ci --prefix {tool} failed: {npmError} {await npmOutput}");
        }

        string input = Path.Combine(TestPaths.NewTempDirectory(), "statements.json");
        await File.WriteAllTextAsync(input, statements.ToJsonString());
        ProcessStartInfo start = new(node, [Path.Combine(tool, "parse.mjs"), input]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process process = Process.Start(start)!;
        Task<string> errorTask = process.StandardError.ReadToEndAsync();
        string output = await process.StandardOutput.ReadToEndAsync();
        string error = await errorTask;
        await process.WaitForExitAsync();

        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(statements.Count, lines.Length);
        List<string> failed = [.. lines.Where(line => !JsonDocument.Parse(line).RootElement.GetProperty("ok").GetBoolean())];
        Assert.True(failed.Count == 0, $"{failed.Count} statements did not parse:\n" + string.Join('\n', failed.Take(10)));
        Assert.True(process.ExitCode == 0, error);
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}

using System.Text.Json;

namespace AetherSegment.Cli.Tests.Analytics;

public sealed class AskCommandTests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using StringWriter stdout = new();
        using StringWriter stderr = new();
        int exit = await AetherCli.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Ask_PrintsAnswerSqlParametersRowsAndChart()
    {
        (int exit, string stdout, string stderr) = await RunAsync("ask", "revenue by country last month", "--db", database.Path);

        Assert.True(exit == 0, stderr);
        using JsonDocument json = JsonDocument.Parse(stdout);
        JsonElement root = json.RootElement;
        Assert.StartsWith("Revenue by country", root.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Contains("FROM transactions", root.GetProperty("sql").GetString(), StringComparison.Ordinal);
        Assert.Contains(root.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "time_start" && p.GetProperty("type").GetString() == "timestamp");
        Assert.Equal(4, root.GetProperty("rows").GetArrayLength());
        Assert.True(root.GetProperty("rows")[0].TryGetProperty("country", out _));
        Assert.Equal("country", root.GetProperty("chart").GetProperty("x").GetString());
        Assert.Equal("answered", root.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ask_HostileQuestion_IsRefusedWithAReason_AndNothingRuns()
    {
        (int exit, string stdout, _) = await RunAsync("ask", "delete all customers in Canada", "--db", database.Path);

        Assert.Equal(0, exit);
        using JsonDocument json = JsonDocument.Parse(stdout);
        Assert.Equal("refused", json.RootElement.GetProperty("status").GetString());
        Assert.Contains("change data", json.RootElement.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("sql").ValueKind);
        Assert.Equal(0, json.RootElement.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task Ask_EmptyQuestion_ExitsTwoNamingTheField()
    {
        (int exit, string stdout, string stderr) = await RunAsync("ask", "  ", "--db", database.Path);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("aether: question", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Ask_MissingDatabase_SaysHowToCreateOne()
    {
        string missing = Path.Combine(AetherSegment.Tests.TestPaths.NewTempDirectory(), "none.duckdb");

        (int exit, _, string stderr) = await RunAsync("ask", "how many customers", "--db", missing);

        Assert.Equal(2, exit);   // a missing --db is bad input in every command (issue 19)
        Assert.Contains("aether generate", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_TableFormat_PrintsTheSentenceAndATable()
    {
        (int exit, string stdout, _) = await RunAsync("ask", "customers by value tier", "--db", database.Path, "--format", "table");

        Assert.Equal(0, exit);
        Assert.StartsWith("Customers by value tier", stdout, StringComparison.Ordinal);
        Assert.Contains("value_tier", stdout, StringComparison.Ordinal);
        Assert.Contains("medium", stdout, StringComparison.Ordinal);
    }
}

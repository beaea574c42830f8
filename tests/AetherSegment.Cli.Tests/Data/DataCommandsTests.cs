using System.Text.Json;
using AetherSegment.Tests;
using DuckDB.NET.Data;

namespace AetherSegment.Cli.Tests.Data;

public sealed class DataCommandsTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using StringWriter stdout = new();
        using StringWriter stderr = new();
        int exit = await AetherCli.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string NewDb() => Path.Combine(TestPaths.NewTempDirectory(), "aether.duckdb");

    [Fact]
    public async Task Generate_ThenCheck_ThenAddEvents_WorkEndToEnd()
    {
        string db = NewDb();

        (int exit, string output, string errors) = await RunAsync("generate", "--db", db, "--customers", "2000", "--seed", "5", "--as-of", "2026-10-01");
        Assert.True(exit == 0, errors);
        using JsonDocument summary = JsonDocument.Parse(output);
        Assert.Equal(2000, summary.RootElement.GetProperty("rows").GetProperty("customers").GetInt64());
        Assert.Equal(16_000, summary.RootElement.GetProperty("rows").GetProperty("ground_truth_uplift").GetInt64());
        Assert.True(summary.RootElement.GetProperty("seconds").GetDouble() > 0);
        Assert.Equal("2026-10-01T00:00:00+00:00", summary.RootElement.GetProperty("as_of").GetString());

        (exit, output, errors) = await RunAsync("data", "check", "--db", db);
        Assert.True(exit == 0, output + errors);
        using JsonDocument report = JsonDocument.Parse(output);
        Assert.True(report.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal(7, report.RootElement.GetProperty("checks").GetArrayLength());

        (exit, output, errors) = await RunAsync("events", "add", "40", "--db", db);
        Assert.True(exit == 0, errors);
        using JsonDocument added = JsonDocument.Parse(output);
        Assert.Equal(40, added.RootElement.GetProperty("count").GetInt64());
        Assert.True(added.RootElement.GetProperty("last_timestamp").GetDateTimeOffset() > new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));

        (exit, output, _) = await RunAsync("events", "add", "--db", db);
        Assert.Equal(0, exit);
        Assert.Equal(500, JsonDocument.Parse(output).RootElement.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Generate_ExistingDatabase_NeedsForce()
    {
        string db = NewDb();
        Assert.Equal(0, (await RunAsync("generate", "--db", db, "--customers", "30")).Exit);

        (int exit, string output, string errors) = await RunAsync("generate", "--db", db, "--customers", "40");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("--force", errors, StringComparison.Ordinal);
        Assert.Single(errors.Trim().Split('\n'));
        Assert.Equal(0, (await RunAsync("generate", "--db", db, "--customers", "40", "--force")).Exit);
    }

    [Theory]
    [InlineData("generate", "--customers", "0")]
    [InlineData("generate", "--customers", "-5")]
    [InlineData("generate", "--customers", "many")]
    [InlineData("generate", "--seed", "x")]
    [InlineData("generate", "--as-of", "yesterday-ish")]
    [InlineData("generate", "--bogus")]
    [InlineData("events", "add", "0")]
    [InlineData("events", "add", "-2")]
    [InlineData("events", "add", "lots")]
    public async Task BadInput_ExitsTwoWithOneLine(params string[] args)
    {
        (int exit, string output, string errors) = await RunAsync([.. args, "--db", NewDb()]);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Single(errors.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_UnwritablePath_ExitsTwoNamingIt()
    {
        string db = Path.Combine(TestPaths.NewTempDirectory(), "missing-folder", "aether.duckdb");

        (int exit, _, string errors) = await RunAsync("generate", "--db", db, "--customers", "10");

        Assert.Equal(2, exit);
        Assert.Contains("missing-folder", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("events", "add")]
    [InlineData("data", "check")]
    public async Task MissingDatabase_SaysHowToCreateOne(params string[] args)
    {
        (int exit, _, string errors) = await RunAsync([.. args, "--db", NewDb()]);

        Assert.Equal(2, exit);
        Assert.Contains("aether generate", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataCheck_FailingCheck_ExitsOne()
    {
        string db = NewDb();
        Assert.Equal(0, (await RunAsync("generate", "--db", db, "--customers", "1500", "--as-of", "2026-10-01")).Exit);
        await using (DuckDBConnection connection = new($"DataSource={db}"))
        {
            await connection.OpenAsync();
            await using DuckDBCommand command = connection.CreateCommand();
            command.CommandText = "UPDATE transactions SET order_value = 9000 WHERE transaction_id LIKE 'T00000%'";
            await command.ExecuteNonQueryAsync();
        }

        (int exit, string output, string errors) = await RunAsync("data", "check", "--db", db);

        Assert.Equal(1, exit);
        Assert.False(JsonDocument.Parse(output).RootElement.GetProperty("passed").GetBoolean());
        Assert.Contains("price_ranges", errors, StringComparison.Ordinal);
    }
}

using AetherSegment.Tests;
using DuckDB.NET.Data;

namespace AetherSegment.Cli.Tests.Retailers;

/// <summary>
/// The third test retailer, Harbor Lane Books: written only as a profile file and a SQL script of its data
/// (tests/AetherSegment.TestRetailers/HarborBooks), with no code of its own. The fixture runs the script on a new DuckDB file.
/// </summary>
public sealed class HarborBooksDatabase : IAsyncLifetime
{
    /// <summary>The folder holding the profile and the data script.</summary>
    public static string Folder { get; } = System.IO.Path.Combine(TestPaths.RepositoryRoot, "tests", "AetherSegment.TestRetailers", "HarborBooks");

    /// <summary>The profile file.</summary>
    public static string ProfilePath { get; } = System.IO.Path.Combine(Folder, "harbor-books.profile.json");

    /// <summary>The data script.</summary>
    public static string ScriptPath { get; } = System.IO.Path.Combine(Folder, "harbor-books.sql");

    public string Path { get; } = System.IO.Path.Combine(TestPaths.NewTempDirectory(), "harbor-books.duckdb");

    public async Task InitializeAsync()
    {
        string script = await File.ReadAllTextAsync(ScriptPath);
        using DuckDBConnection connection = new($"DataSource={Path}");
        connection.Open();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = script;
        command.ExecuteNonQuery();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Runs a query (read-only) and returns its rows.</summary>
    public List<object?[]> Query(string sql) => SummitDatabase.Query(Path, sql);

    /// <summary>A query's single value as a long.</summary>
    public long Count(string sql) => Convert.ToInt64(Query(sql)[0][0], System.Globalization.CultureInfo.InvariantCulture);
}

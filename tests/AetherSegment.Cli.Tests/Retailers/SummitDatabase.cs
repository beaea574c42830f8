using AetherSegment.TestRetailers.SummitOutfitters;
using AetherSegment.Tests;
using DuckDB.NET.Data;

namespace AetherSegment.Cli.Tests.Retailers;

/// <summary>One Summit Outfitters database (3,000 members, seed 42) shared by a test class.</summary>
public sealed class SummitDatabase : IAsyncLifetime
{
    public string Path { get; } = System.IO.Path.Combine(TestPaths.NewTempDirectory(), "summit.duckdb");

    public SummitOutfittersData Data { get; private set; } = null!;

    public async Task InitializeAsync() => Data = await SummitOutfittersGenerator.GenerateAsync(Path, new SummitOutfittersOptions { Members = 3_000, Seed = 42 });

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Runs a query and returns its rows.</summary>
    public List<object?[]> Query(string sql) => Query(Path, sql);

    /// <summary>Runs a query on a DuckDB file (read-only) and returns its rows.</summary>
    public static List<object?[]> Query(string path, string sql)
    {
        using DuckDBConnection connection = new($"DataSource={path};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        using DuckDBDataReader reader = command.ExecuteReader();
        List<object?[]> rows = [];
        while (reader.Read())
        {
            object?[] row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>A query's single value.</summary>
    public object? Scalar(string sql) => Query(sql)[0][0];
}

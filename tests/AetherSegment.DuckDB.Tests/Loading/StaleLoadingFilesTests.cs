using System.Diagnostics;
using AetherSegment.DuckDB.Loading;
using AetherSegment.Tests;
using DuckDB.NET.Data;

namespace AetherSegment.DuckDB.Tests.Loading;

public sealed class StaleLoadingFilesTests
{
    private static async Task<string> DuckDBFileAsync(string path)
    {
        await using (DuckDBConnection connection = new($"DataSource={path}"))
        {
            await connection.OpenAsync();
            await using DuckDBCommand create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE t AS SELECT range AS x FROM range(1000)";
            await create.ExecuteNonQueryAsync();
        }

        return path;
    }

    private static async Task<int> DeadProcessIdAsync()
    {
        using Process exited = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await exited.WaitForExitAsync();
        return exited.Id;
    }

    [Fact]
    public async Task RemoveStaleLoadingFiles_RemovesWhatKilledLoadsLeft_KeepsFilesInUseAndRecentOnes()
    {
        string folder = TestPaths.NewTempDirectory();
        string target = Path.Combine(folder, "shop.duckdb");
        int dead = await DeadProcessIdAsync();
        string killed = await DuckDBFileAsync(Path.Combine(folder, $".shop.duckdb.loading-{dead}-{Guid.NewGuid():N}"));
        await File.WriteAllTextAsync(killed + ".wal", "half a wal");
        string legacyOld = await DuckDBFileAsync(Path.Combine(folder, $".shop.duckdb.loading-{Guid.NewGuid():N}"));
        File.SetLastWriteTimeUtc(legacyOld, DateTime.UtcNow.AddHours(-2));
        string legacyRecent = await DuckDBFileAsync(Path.Combine(folder, $".shop.duckdb.loading-{Guid.NewGuid():N}"));
        string truncated = Path.Combine(folder, $".shop.duckdb.loading-{dead}-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(truncated, new byte[4096]);
        string live = await DuckDBFileAsync(Path.Combine(folder, $".shop.duckdb.loading-{dead}-{Guid.NewGuid():N}"));
        File.SetLastWriteTimeUtc(live, DateTime.UtcNow.AddHours(-2));
        string otherDatabase = await DuckDBFileAsync(Path.Combine(folder, $".other.duckdb.loading-{dead}-{Guid.NewGuid():N}"));
        string mine = await DuckDBFileAsync(Path.Combine(folder, $".shop.duckdb.loading-{Environment.ProcessId}-{Guid.NewGuid():N}"));
        File.SetLastWriteTimeUtc(mine, DateTime.UtcNow.AddHours(-2));

        IReadOnlyList<string> removed;
        await using (FileLockHolder holder = await FileLockHolder.TakeAsync(live, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30)))
        {
            removed = new DuckDBDataSinkFactory(target, TimeSpan.FromMinutes(15), TimeProvider.System).RemoveStaleLoadingFiles();
        }

        Assert.Equal(new[] { killed, killed + ".wal", legacyOld, truncated }.Order(), removed.Order());
        Assert.False(File.Exists(killed) || File.Exists(killed + ".wal") || File.Exists(legacyOld) || File.Exists(truncated));
        Assert.True(File.Exists(legacyRecent), "a recent file of unknown writer is kept");
        Assert.True(File.Exists(live), "a file another process holds is never removed");
        Assert.True(File.Exists(otherDatabase), "another database's loading files are not this factory's");
        Assert.True(File.Exists(mine), "this process's own loading files are left to its sink");
    }

    [Fact]
    public async Task Generate_AfterAKilledLoad_CleansItsLeftoverAndLoadsNormally()
    {
        string folder = TestPaths.NewTempDirectory();
        string target = Path.Combine(folder, "shop.duckdb");
        string leftover = await DuckDBFileAsync(Path.Combine(folder, $".shop.duckdb.loading-{await DeadProcessIdAsync()}-{Guid.NewGuid():N}"));

        DuckDBDataSinkFactory factory = new(target);
        await using (Data.IDataSink sink = await factory.CreateAsync(replaceExisting: false))
        {
            await sink.CompleteAsync();
        }

        Assert.False(File.Exists(leftover));
        Assert.True(File.Exists(target));
        Assert.Empty(Directory.GetFiles(folder, ".shop.duckdb.loading-*"));
    }
}

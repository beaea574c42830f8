using AetherSegment.Data;
using AetherSegment.DuckDB.Analytics;
using AetherSegment.DuckDB.Tests.Loading;
using AetherSegment.Synthetic.Profiles;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;

namespace AetherSegment.DuckDB.Tests.Analytics;

/// <summary>
/// The sandbox engine on a generated database: even a statement that skipped the parse-tree guard cannot see personal
/// columns or the ground truth, read a file, change a setting or write; budgets hold; benign SQL answers like the store.
/// </summary>
public sealed class DuckDBAnalyticsSandboxTests : IAsyncLifetime
{
    private DuckDBDataStore _store = null!;
    private DuckDBAnalyticsSandbox _sandbox = null!;
    private string _secret = null!;

    public async Task InitializeAsync()
    {
        (_store, _) = await GeneratedDatabase.CreateAsync(300, seed: 19);
        _secret = Path.Combine(Path.GetDirectoryName(_store.DatabasePath)!, "secret.csv");
        await File.WriteAllTextAsync(_secret, "marker\nSECRET-19\n");
        _sandbox = Create(new DuckDBOptions { Path = _store.DatabasePath });
    }

    public Task DisposeAsync()
    {
        _sandbox.Dispose();
        _store.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Engine_SeesOnlyTheViews_WithoutPersonalColumnsOrGroundTruth()
    {
        List<string> tables = await _sandbox.UseUncheckedConnectionAsync(c => Strings(c, "SELECT table_name FROM duckdb_tables() ORDER BY 1"));
        List<string> customerColumns = await _sandbox.UseUncheckedConnectionAsync(c => Strings(c, "SELECT column_name FROM duckdb_columns() WHERE table_name = 'customers'"));

        Assert.Equal(["abandoned_carts", "behavioral_events", "campaign_history", "customer_scores", "customers", "transactions"], tables);
        Assert.DoesNotContain("email", customerColumns);
        Assert.DoesNotContain("first_name", customerColumns);
        Assert.DoesNotContain("last_name", customerColumns);
        Assert.Contains("country", customerColumns);
        Assert.NotEqual(0d, await _store.ScalarAsync("SELECT count(*) FROM ground_truth_uplift"));
    }

    [Theory]
    [InlineData("SELECT * FROM read_csv('{file}')")]
    [InlineData("SELECT * FROM read_text('{file}')")]
    [InlineData("ATTACH '{file}.duckdb' AS x")]
    [InlineData("COPY customers TO '{file}.out.csv'")]
    [InlineData("SET enable_external_access = true")]
    [InlineData("SET threads = 8")]
    [InlineData("SET memory_limit = '20GB'")]
    [InlineData("SET lock_configuration = false")]
    [InlineData("CREATE TABLE x AS SELECT 1 AS a")]
    [InlineData("INSERT INTO customers (customer_id) VALUES ('X')")]
    [InlineData("INSTALL httpfs")]
    [InlineData("SELECT email FROM customers")]
    [InlineData("SELECT * FROM ground_truth_uplift")]
    public async Task Engine_RefusesEvenWhenTheGuardIsBypassed(string sql)
    {
        string text = sql.Replace("{file}", _secret, StringComparison.Ordinal);

        Exception? error = await _sandbox.UseUncheckedConnectionAsync(c =>
        {
            try
            {
                using DuckDBCommand command = c.CreateCommand();
                command.CommandText = text;
                using System.Data.Common.DbDataReader reader = command.ExecuteReader();
                while (reader.Read())
                {
                }

                return (Exception?)null;
            }
            catch (DuckDBException ex)
            {
                return ex;
            }
        });

        Assert.NotNull(error);
        Assert.False(File.Exists(_secret + ".out.csv"));
    }

    [Fact]
    public async Task Engine_HasTheConfiguredLimits_AndExternalAccessOff()
    {
        List<string> settings = await _sandbox.UseUncheckedConnectionAsync(c => Strings(c,
            "SELECT name || '=' || value FROM duckdb_settings() WHERE name IN ('enable_external_access', 'lock_configuration', 'threads', 'memory_limit') ORDER BY name"));

        Assert.Equal(["enable_external_access=false", "lock_configuration=true", "memory_limit=256.0 MiB", "threads=1"], settings);
    }

    [Fact]
    public async Task BenignSql_AnswersLikeTheStore()
    {
        const string Sql = "SELECT c.country, round(sum(t.order_value), 2) AS revenue FROM transactions t JOIN customers c ON c.customer_id = t.customer_id GROUP BY c.country ORDER BY c.country";

        QueryResult sandboxed = await _sandbox.QueryAsync(Sql, 100, TimeSpan.FromSeconds(30));
        QueryResult direct = await _store.QueryAsync(new SqlStatement(Sql));

        Assert.Equal(direct.Columns, sandboxed.Columns);
        Assert.Equal(direct.Rows.Count, sandboxed.Rows.Count);
        for (int i = 0; i < direct.Rows.Count; i++)
        {
            Assert.Equal(direct.Rows[i], sandboxed.Rows[i]);
        }
    }

    [Fact]
    public async Task RowBudget_CutsTheResult()
    {
        QueryResult result = await _sandbox.QueryAsync("SELECT transaction_id FROM transactions ORDER BY transaction_id", 7, TimeSpan.FromSeconds(30));

        Assert.Equal(7, result.Rows.Count);
    }

    [Fact]
    public async Task TimeBudget_InterruptsACrossJoinOfAllowedTables()
    {
        const string Explosion = "SELECT count(*) AS n FROM transactions a, transactions b, transactions c, behavioral_events d";

        DataStoreException error = await Assert.ThrowsAsync<DataStoreException>(() => _sandbox.QueryAsync(Explosion, 10, TimeSpan.FromMilliseconds(300)));

        Assert.Contains("time budget", error.Message, StringComparison.Ordinal);
        QueryResult after = await _sandbox.QueryAsync("SELECT count(*) AS n FROM customers", 10, TimeSpan.FromSeconds(30));
        Assert.Equal(300L, after.Scalar());
    }

    [Fact]
    public async Task HostileSql_IsRefusedByQueryAsync_WithoutRunning()
    {
        DataStoreException error = await Assert.ThrowsAsync<DataStoreException>(() =>
            _sandbox.QueryAsync($"SELECT * FROM \"read_csv\"('{_secret}') AS read_csv", 10, TimeSpan.FromSeconds(30)));

        Assert.Contains("refused", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-19", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshot_IsRefreshedWhenTheDatabaseChanged()
    {
        using DuckDBAnalyticsSandbox fresh = Create(new DuckDBOptions { Path = _store.DatabasePath, AnalyticsSnapshotMaxAge = TimeSpan.Zero });
        Assert.Equal(300L, (await fresh.QueryAsync("SELECT count(*) AS n FROM customers", 1, TimeSpan.FromSeconds(30))).Scalar());
        await using (DuckDBConnection writer = await _store.OpenAsync())
        {
            using DuckDBCommand insert = writer.CreateCommand();
            insert.CommandText = "INSERT INTO customers SELECT 'C9999999', 'A', 'B', 'a@b.c', city, country, clv_score, acquisition_source, created_at FROM customers LIMIT 1; CHECKPOINT";
            insert.ExecuteNonQuery();
        }

        File.SetLastWriteTimeUtc(_store.DatabasePath, DateTime.UtcNow.AddSeconds(5));
        Assert.Equal(301L, (await fresh.QueryAsync("SELECT count(*) AS n FROM customers", 1, TimeSpan.FromSeconds(30))).Scalar());
    }

    [Fact]
    public async Task Dispose_DeletesTheSnapshot_AndANewSandboxDeletesFoldersLeftByAKilledProcess()
    {
        string root = Path.Combine(Path.GetTempPath(), "aether-analytics-sandbox");
        string stale = Path.Combine(root, "stale-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(stale);
        string leftover = Path.Combine(stale, "views-1.duckdb");
        await File.WriteAllTextAsync(leftover, "left by a killed process");
        File.SetLastWriteTimeUtc(leftover, DateTime.UtcNow.AddDays(-3));
        Directory.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddDays(-3));
        HashSet<string> before = [.. Directory.EnumerateDirectories(root)];

        DuckDBAnalyticsSandbox sandbox = Create(new DuckDBOptions { Path = _store.DatabasePath });
        await sandbox.CheckAsync("SELECT country FROM customers");
        string[] created = [.. Directory.EnumerateDirectories(root).Where(d => !before.Contains(d))];
        sandbox.Dispose();

        Assert.False(Directory.Exists(stale));
        string folder = Assert.Single(created);
        Assert.Empty(Directory.Exists(folder) ? Directory.EnumerateFiles(folder) : []);
    }

    private DuckDBAnalyticsSandbox Create(DuckDBOptions options)
    {
        options.AnalyticsMemoryLimitMegabytes = 256;
        return new DuckDBAnalyticsSandbox(_store, HomeFurnishingProfile.Load(), Options.Create(options), TimeProvider.System);
    }

    private static List<string> Strings(DuckDBConnection connection, string sql)
    {
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        using System.Data.Common.DbDataReader reader = command.ExecuteReader();
        List<string> values = [];
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
